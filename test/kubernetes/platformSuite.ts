/** The KubernetesPlatform behaviour both stacks must show; each stack runs it in its own file. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { parse } from "yaml";
import {
  startOfflineEngine,
  type OfflineEngine,
  type RecordedResource,
} from "../../scripts/offline/engine";
import { computedOutputsFor } from "../../scripts/offline/computed";
import { pinnedCharts } from "../../components/kubernetes/charts";
import { KubernetesPlatform } from "../../components/kubernetes/platform";
import type { StackFixture } from "./fixtures";
import { byTypeAndName, isSecret, leakedSecrets, plainStrings, valueOf } from "./helpers";

const RELEASE = "kubernetes:helm.sh/v3:Release";
export const SSH_KEY =
  "-----BEGIN OPENSSH PRIVATE KEY-----\ntest-key-material\n-----END OPENSSH PRIVATE KEY-----";

/** Credentials handed in by other layers; each must stay out of plain inputs and values. */
export const SNMP_AUTH_PASSWORD = "snmp-auth-material-0123456789";
export const SNMP_PRIV_PASSWORD = "snmp-priv-material-0123456789";
export const CSI_TOKEN_SECRET = "csi-token-material-0000-1111-2222";
export const CA_KEY = "-----BEGIN PRIVATE KEY-----\nca-key-material\n-----END PRIVATE KEY-----\n";
export const CA_CERT = "-----BEGIN CERTIFICATE-----\nQ0EgY2VydA==\n-----END CERTIFICATE-----\n";

export const BOOTSTRAP_HOST_KEY =
  "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBootstrapHostKey000000000000000000000000";

export interface PlatformRun {
  fixture: StackFixture;
  engine: OfflineEngine;
  platform: KubernetesPlatform;
  release(key: string): RecordedResource;
  values(key: string): Record<string, unknown>;
}

/** Starts the offline engine and builds the platform for `fixture`; call from `beforeAll`. */
export async function runPlatform(fixture: StackFixture): Promise<PlatformRun> {
  const engine = await startOfflineEngine({ project: "baremetal", stack: fixture.stack });
  const platform = new KubernetesPlatform("platform", {
    plan: {
      config: fixture.config,
      bootstrapNode: fixture.nodes[0] as { name: string; ip: string },
      nodes: fixture.nodes,
      sshUser: "ubuntu",
      services: fixture.services,
      site: fixture.site,
      monitorsRouters: true,
      ...(fixture.config.storage.proxmoxCsi
        ? { csi: { endpoint: "https://10.10.0.11:8006/", insecure: false, region: "sp1" } }
        : {}),
    },
    sshPrivateKey: pulumi.secret(SSH_KEY),
    bootstrapSshHostKey: BOOTSTRAP_HOST_KEY,
    dependsOn: [],
    secrets: {
      routerSnmp: pulumi.secret({
        username: "prometheus",
        authProtocol: "SHA1" as const,
        authPassword: SNMP_AUTH_PASSWORD,
        privProtocol: "AES" as const,
        privPassword: SNMP_PRIV_PASSWORD,
      }),
      ...(fixture.config.storage.proxmoxCsi
        ? {
            proxmoxCsi: pulumi.secret({
              endpoint: "https://10.10.0.11:8006/",
              insecure: false,
              region: "sp1",
              tokenId: "kubernetes-csi@pve!csi",
              tokenSecret: CSI_TOKEN_SECRET,
            }),
          }
        : {}),
    },
    certificateAuthorities: {
      "internal-ca": { certPem: pulumi.output(CA_CERT), privateKeyPem: pulumi.secret(CA_KEY) },
    },
  });
  await valueOf(platform.urn);
  await valueOf(platform.kubeconfig);
  // Let the remaining registrations (created inside applies) reach the engine.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const release = (key: string): RecordedResource =>
    byTypeAndName(engine.resources, RELEASE, `platform-${key}`);
  return {
    fixture,
    engine,
    platform,
    release,
    values: (key) => release(key).inputs["values"] as Record<string, unknown>,
  };
}

function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]);
}

/** Assertions shared by both stacks. */
export function sharedPlatformTests(get: () => PlatformRun): void {
  it("installs every platform release with pinned charts and versions", () => {
    const { engine } = get();
    const found = engine.resources
      .filter((r) => r.type === RELEASE)
      .map((r) => [r.inputs["name"], r.inputs["chart"], r.inputs["version"]])
      .sort();
    const storage = get().platform.releases["proxmox-csi-plugin"]
      ? [["proxmox-csi-plugin", "oci://ghcr.io/sergelogvinov/charts/proxmox-csi-plugin", "0.3.11"]]
      : [];
    expect(found).toEqual(
      [
        ...storage,
        ["snmp-exporter", "prometheus-snmp-exporter", "9.9.0"],
        ["argocd", "argo-cd", pinnedCharts["argo-cd"].version],
        ["cert-manager", "cert-manager", "v1.21.1"],
        ["eck-operator", "eck-operator", "3.5.0"],
        ["elastic-agents", "eck-stack", "0.20.0"],
        ["harbor", "harbor", "1.19.1"],
        ["kube-prometheus-stack", "kube-prometheus-stack", "88.5.3"],
        ["tekton-operator", "oci://ghcr.io/tektoncd/operator/charts/tekton-operator", "0.81.1"],
        ["zabbix-agent", "zabbix", "7.0.12"],
      ].sort(),
    );
    const tekton = get().release("tekton-operator").inputs;
    expect(tekton["repositoryOpts"]).toBeUndefined();
    expect(get().release("harbor").inputs["repositoryOpts"]).toEqual({
      repo: "https://helm.goharbor.io",
    });
  });

  it("uses the fetched kubeconfig (secret) for every Kubernetes resource", () => {
    const { engine } = get();
    const provider = engine.resources.find((r) => r.type === "pulumi:providers:kubernetes");
    expect(provider).toBeDefined();
    expect(provider?.inputs["kubeconfig"]).toContain("server: https://");
    expect(JSON.stringify(provider?.rawInputs["kubeconfig"])).toContain(
      "1b47061264138c4ac30d75fd1eb44270",
    );
    const k8sResources = engine.resources.filter(
      (r) => r.custom && r.type.startsWith("kubernetes:"),
    );
    expect(k8sResources.length).toBeGreaterThan(20);
    for (const r of k8sResources) expect(r.provider?.startsWith(provider?.urn ?? "?")).toBe(true);
  });

  it("fetches the kubeconfig over SSH after the node VMs, never logging stdout", () => {
    const fetch = byTypeAndName(
      get().engine.resources,
      "command:remote:Command",
      "platform-access-kubeconfig",
    );
    expect(fetch.inputs["create"]).toContain("microk8s config");
    expect(fetch.inputs["logging"]).toBe("stderr");
    expect(fetch.additionalSecretOutputs).toContain("stdout");
    // The whole connection (it carries the private key) travels as one secret.
    expect(plainStrings(fetch.rawInputs["connection"])).toEqual([]);
    expect(JSON.stringify(fetch.inputs["connection"])).toContain("test-key-material");
  });

  it("orders releases: CRDs and operators before what needs them", () => {
    const { engine, release } = get();
    const urn = (key: string): string => release(key).urn;
    expect(release("cert-manager").dependencies).toContain(urn("kube-prometheus-stack"));
    expect(release("eck-stack").dependencies).toContain(urn("eck-operator"));
    const tektonConfig = byTypeAndName(
      engine.resources,
      "kubernetes:operator.tekton.dev/v1alpha1:TektonConfig",
      "platform-tekton-config",
    );
    expect(tektonConfig.dependencies).toContain(urn("tekton-operator"));
    const issuer = byTypeAndName(
      engine.resources,
      "kubernetes:cert-manager.io/v1:ClusterIssuer",
      "platform-issuers-internal-ca",
    );
    const root = byTypeAndName(
      engine.resources,
      "kubernetes:core/v1:Secret",
      "platform-issuers-internal-ca-root",
    );
    expect(root.dependencies).toContain(urn("cert-manager"));
    expect(issuer.dependencies).toContain(root.urn);
    expect(root.inputs).toMatchObject({
      type: "kubernetes.io/tls",
      metadata: { name: "internal-ca-root", namespace: "cert-manager" },
      stringData: { "tls.crt": CA_CERT, "tls.key": CA_KEY },
    });
    expect(release("prometheus-snmp-exporter").dependencies).toContain(
      urn("kube-prometheus-stack"),
    );
    for (const key of ["harbor", "argo-cd"])
      expect(release(key).dependencies).toContain(issuer.urn);
    const harborSecretUrns = engine.resources
      .filter(
        (r) =>
          r.type === "kubernetes:core/v1:Secret" && r.name.startsWith("platform-secrets-harbor"),
      )
      .map((r) => r.urn);
    expect(harborSecretUrns.length).toBeGreaterThanOrEqual(9);
    for (const u of harborSecretUrns) expect(release("harbor").dependencies).toContain(u);
  });

  it("keeps every secret out of plain inputs and values", async () => {
    const { engine, platform } = get();
    const placeholders = engine.resources
      .filter((r) => r.type === "random:index/randomPassword:RandomPassword")
      .map((r) => `offline-${r.name}`);
    expect(placeholders.length).toBeGreaterThan(10);
    // Hex keys (RandomBytes) as the engine computed them.
    placeholders.push(
      ...engine.resources
        .filter((r) => r.type === "random:index/randomBytes:RandomBytes")
        .map((r) => String(computedOutputsFor(r.type, r.name, r.inputs)["hex"])),
    );
    const kubeconfig = await valueOf(platform.kubeconfig);
    const token = /token: (\S+)}/.exec(kubeconfig)?.[1] ?? "missing";
    const handedIn = [SNMP_AUTH_PASSWORD, SNMP_PRIV_PASSWORD, CSI_TOKEN_SECRET, "ca-key-material"];
    expect(
      leakedSecrets(engine.resources, [...placeholders, "test-key-material", token, ...handedIn]),
    ).toEqual([]);
    expect(await isSecret(platform.kubeconfig)).toBe(true);
    for (const value of Object.values(platform.credentials))
      expect(await isSecret(value)).toBe(true);
  });

  it("generates Harbor keys of the lengths Harbor requires and an Argo CD bcrypt hash", () => {
    const { engine } = get();
    const length = (name: string): unknown =>
      byTypeAndName(
        engine.resources,
        "random:index/randomPassword:RandomPassword",
        `platform-secrets-${name}`,
      ).inputs["length"];
    expect(length("harbor-secret-key")).toBe(16);
    expect(length("harbor-xsrf")).toBe(32);
    const argocd = byTypeAndName(
      engine.resources,
      "kubernetes:core/v1:Secret",
      "platform-secrets-argocd-secret",
    );
    expect((argocd.inputs["stringData"] as Record<string, string>)["admin.password"]).toMatch(
      /^\$2a\$10\$/,
    );
    expect((argocd.inputs["metadata"] as { labels: Record<string, string> }).labels).toEqual({
      "app.kubernetes.io/part-of": "argocd",
    });
  });

  it("generates Harbor's object-store keys in the format Garage imports", async () => {
    const { platform } = get();
    const accessKey = platform.credentials["harborS3AccessKey"];
    const secretKey = platform.credentials["harborS3SecretKey"];
    if (!accessKey || !secretKey) throw new Error("no S3 credentials");
    expect(await valueOf(accessKey)).toMatch(/^GK[0-9a-f]{24}$/);
    expect(await valueOf(secretKey)).toMatch(/^[0-9a-f]{64}$/);
    expect(await isSecret(accessKey)).toBe(true);
  });

  it("gives ECK the external Elasticsearch's URL, user and CA roots in one Secret", () => {
    const { engine, fixture } = get();
    const secret = byTypeAndName(
      engine.resources,
      "kubernetes:core/v1:Secret",
      "platform-secrets-external-elasticsearch",
    );
    expect(secret.inputs).toMatchObject({
      metadata: { name: "external-elasticsearch", namespace: "elastic" },
      stringData: {
        url: fixture.services.elasticsearch.url,
        username: fixture.config.elastic.username,
        "ca.crt": CA_CERT,
      },
    });
  });

  it("makes Harbor's containers trust the private CA roots", () => {
    const { engine, values, release } = get();
    expect(values("harbor")).toMatchObject({ caBundleSecretName: "harbor-ca-bundle" });
    const bundle = byTypeAndName(
      engine.resources,
      "kubernetes:core/v1:Secret",
      "platform-harbor-ca-bundle",
    );
    expect(bundle.inputs).toMatchObject({
      metadata: { name: "harbor-ca-bundle", namespace: "harbor" },
      stringData: { "ca.crt": CA_CERT },
    });
    expect(release("harbor").dependencies).toContain(bundle.urn);
  });

  it("references chart secrets by name instead of values", () => {
    const { values } = get();
    const harbor = values("harbor") as {
      existingSecretSecretKey: string;
      core: { existingXsrfSecret: string };
    };
    expect(harbor.existingSecretSecretKey).toBe("harbor-secret-key");
    expect(harbor.core.existingXsrfSecret).toBe("harbor-xsrf");
    // Keys that would carry a credential inline must not be set at all.
    const inlineKeys = [
      "harborAdminPassword",
      "secretKey",
      "xsrfKey",
      "password",
      "adminPassword",
      "argocdServerAdminPassword",
    ];
    for (const key of [
      "harbor",
      "argo-cd",
      "kube-prometheus-stack",
      "eck-stack",
      "prometheus-snmp-exporter",
    ]) {
      expect(keysOf(values(key)).filter((k) => inlineKeys.includes(k))).toEqual([]);
    }
    const grafana = (
      values("kube-prometheus-stack") as { grafana: { admin: { existingSecret: string } } }
    ).grafana;
    expect(grafana.admin.existingSecret).toBe("grafana-admin");
    expect(values("argo-cd")).toMatchObject({ configs: { secret: { createSecret: false } } });
  });

  it("gives every registered resource a parent and a unique name per type", () => {
    const { engine } = get();
    const children = engine.resources.filter(
      (r) =>
        r.type !== "pulumi:pulumi:Stack" &&
        !r.type.startsWith("baremetal:kubernetes:KubernetesPlatform"),
    );
    for (const r of children)
      expect({ name: r.name, parent: r.parentUrn !== undefined }).toEqual({
        name: r.name,
        parent: true,
      });
    const keys = engine.resources.map((r) => `${r.type}::${r.name}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("walks every router through snmp_exporter with the SNMPv3 user from a mounted Secret", async () => {
    const { engine, values, release } = get();
    const snmp = values("prometheus-snmp-exporter") as {
      extraArgs: string[];
      extraSecretMounts: { secretName: string; mountPath: string }[];
      serviceMonitor: { enabled: boolean; module: string[]; auth: string[]; params: unknown[] };
    };
    expect(snmp.serviceMonitor).toMatchObject({
      enabled: true,
      module: ["mikrotik"],
      auth: ["routeros_v3"],
    });
    const routers = get().fixture.services.routers;
    expect(routers.length).toBeGreaterThan(0);
    expect(snmp.serviceMonitor.params).toEqual(
      routers.map((r) => ({ name: r.name, target: r.ip })),
    );
    expect(snmp.extraSecretMounts[0]).toMatchObject({
      secretName: "snmp-exporter-auth",
      mountPath: "/etc/snmp-auth",
    });
    expect(snmp.extraArgs).toEqual([
      "--config.file=/etc/snmp_exporter/snmp.yml",
      "--config.file=/etc/snmp-auth/auth.yml",
    ]);
    const secret = byTypeAndName(
      engine.resources,
      "kubernetes:core/v1:Secret",
      "platform-secrets-snmp-exporter-auth",
    );
    expect(release("prometheus-snmp-exporter").dependencies).toContain(secret.urn);
    const auth = JSON.parse(
      (secret.inputs["stringData"] as Record<string, string>)["auth.yml"] ?? "{}",
    ) as { auths: Record<string, Record<string, unknown>> };
    expect(auth.auths["routeros_v3"]).toEqual({
      version: 3,
      username: "prometheus",
      security_level: "authPriv",
      auth_protocol: "SHA",
      password: SNMP_AUTH_PASSWORD,
      priv_protocol: "AES",
      priv_password: SNMP_PRIV_PASSWORD,
    });
    const job = (
      values("kube-prometheus-stack") as {
        prometheus: { prometheusSpec: { additionalScrapeConfigs: { job_name: string }[] } };
      }
    ).prometheus.prometheusSpec.additionalScrapeConfigs.map((j) => j.job_name);
    expect(job).not.toContain("routers");
  });

  it("exposes the Tekton dashboard once TektonConfig is Ready, without awaiting an LB address", () => {
    const { engine, fixture } = get();
    const ingress = byTypeAndName(
      engine.resources,
      "kubernetes:networking.k8s.io/v1:Ingress",
      "platform-tekton-dashboard",
    );
    const tektonConfig = byTypeAndName(
      engine.resources,
      "kubernetes:operator.tekton.dev/v1alpha1:TektonConfig",
      "platform-tekton-config",
    );
    expect(ingress.dependencies).toContain(tektonConfig.urn);
    expect(ingress.inputs).toMatchObject({
      metadata: {
        namespace: "tekton-pipelines",
        annotations: {
          "pulumi.com/skipAwait": "true",
          "cert-manager.io/cluster-issuer": fixture.config.platformIssuer,
        },
      },
      spec: {
        ingressClassName: fixture.config.ingressClassName,
        tls: [{ hosts: [fixture.config.hostnames.tektonDashboard] }],
      },
    });
  });

  it("gives Grafana a persistent volume of the platform class and the ingress class", () => {
    const grafana = (
      get().values("kube-prometheus-stack") as {
        grafana: {
          persistence: { enabled: boolean; storageClassName: string };
          ingress: { ingressClassName: string };
        };
      }
    ).grafana;
    const config = get().fixture.config;
    expect(grafana.persistence).toMatchObject({
      enabled: true,
      storageClassName: config.storage.storageClass,
    });
    expect(grafana.ingress.ingressClassName).toBe(config.ingressClassName);
  });

  it("points Elastic shipping at the external Elasticsearch 8 and Zabbix agents at the LXC", () => {
    const { values } = get();
    const eck = values("eck-stack") as Record<string, { enabled: boolean; version?: string }>;
    expect(eck["eck-elasticsearch"]?.enabled).toBe(false);
    expect(eck["eck-agent"]?.version).toMatch(/^8\./);
    expect(eck["eck-apm-server"]?.version).toMatch(/^8\./);
    const zabbix = values("zabbix") as {
      zabbixAgent: { runAsDaemonSet: boolean; ZBX_SERVER_HOST: string };
    };
    expect(zabbix.zabbixAgent.runAsDaemonSet).toBe(true);
  });

  it("pins the bootstrap node's SSH host key when fetching the kubeconfig", () => {
    const fetch = byTypeAndName(
      get().engine.resources,
      "command:remote:Command",
      "platform-access-kubeconfig",
    );
    expect((fetch.inputs["connection"] as Record<string, unknown>)["hostKey"]).toBe(
      BOOTSTRAP_HOST_KEY,
    );
  });

  it("scrapes the controller manager and scheduler on their secure ports over HTTPS", () => {
    const { values, fixture } = get();
    const stack = values("kube-prometheus-stack") as Record<string, Record<string, unknown>>;
    const ips = fixture.nodes.map((n) => n.ip);
    expect(stack["kubeControllerManager"]).toEqual({
      enabled: true,
      endpoints: ips,
      service: { port: 10257, targetPort: 10257 },
      serviceMonitor: { https: true, insecureSkipVerify: true },
    });
    expect(stack["kubeScheduler"]).toEqual({
      enabled: true,
      endpoints: ips,
      service: { port: 10259, targetPort: 10259 },
      serviceMonitor: { https: true, insecureSkipVerify: true },
    });
  });

  it("routes every Ingress through Traefik's HTTPS entrypoint with no ingress-nginx annotations", () => {
    const { engine, values } = get();
    const rendered = [
      ...ingressAnnotationMaps(values("harbor"), "harbor"),
      ...ingressAnnotationMaps(values("kube-prometheus-stack"), "kube-prometheus-stack"),
      ...ingressAnnotationMaps(values("argo-cd"), "argo-cd"),
      ...engine.resources
        .filter((r) => r.type === "kubernetes:networking.k8s.io/v1:Ingress")
        .map((r) => ({
          where: r.name,
          annotations: (r.inputs["metadata"] as { annotations: Record<string, unknown> })
            .annotations,
        })),
    ];
    expect(rendered.map((r) => r.where)).toEqual([
      "harbor.expose.ingress.annotations",
      "kube-prometheus-stack.grafana.ingress.annotations",
      "argo-cd.server.ingress.annotations",
      "platform-tekton-dashboard",
    ]);
    for (const { where, annotations } of rendered) {
      // Harbor's chart adds its own default annotations; Helm merges ours over them.
      const effective = where.startsWith("harbor.")
        ? helmMerge(harborChartIngressAnnotations(), annotations)
        : annotations;
      expect({ where, annotations: effective }).toEqual({
        where,
        annotations: expect.objectContaining({
          "traefik.ingress.kubernetes.io/router.entrypoints": "websecure",
          "traefik.ingress.kubernetes.io/router.tls": "true",
        }),
      });
      const ignoredByTraefik = Object.keys(effective).filter(
        (key) =>
          key.startsWith("nginx.ingress.kubernetes.io/") ||
          key.startsWith("ingress.kubernetes.io/"),
      );
      expect({ where, ignoredByTraefik }).toEqual({ where, ignoredByTraefik: [] });
    }
  });

  it("redirects plain HTTP to HTTPS for every host with one lowest-priority Traefik route", () => {
    const { engine, release } = get();
    const middleware = byTypeAndName(
      engine.resources,
      "kubernetes:traefik.io/v1alpha1:Middleware",
      "platform-https-redirect-middleware",
    );
    const route = byTypeAndName(
      engine.resources,
      "kubernetes:traefik.io/v1alpha1:IngressRoute",
      "platform-https-redirect",
    );
    expect(middleware.inputs).toMatchObject({
      metadata: { name: "redirect-to-https", namespace: "ingress" },
      spec: { redirectScheme: { scheme: "https", permanent: true } },
    });
    expect(route.inputs).toMatchObject({
      metadata: { namespace: "ingress" },
      spec: {
        entryPoints: ["web"],
        routes: [
          {
            match: "PathPrefix(`/`)",
            priority: 1,
            middlewares: [{ name: "redirect-to-https" }],
          },
        ],
      },
    });
    expect(route.dependencies).toContain(middleware.urn);
    // The Traefik CRDs come from the ingress addon; created after the first release.
    expect(middleware.dependencies).toContain(release("kube-prometheus-stack").urn);
  });
}

/** Every `annotations` map under an `ingress` key of a release's values, with its path. */
function ingressAnnotationMaps(
  value: unknown,
  path: string,
): { where: string; annotations: Record<string, unknown> }[] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => {
    const here = `${path}.${key}`;
    if (key === "annotations" && /\.ingress$/.test(path))
      return [{ where: here, annotations: child as Record<string, unknown> }];
    return ingressAnnotationMaps(child, here);
  });
}

/** The Harbor chart's default Ingress annotations (pinned values.yaml). */
function harborChartIngressAnnotations(): Record<string, unknown> {
  const chart = parse(
    readFileSync(join(__dirname, "../../components/kubernetes/charts/harbor-values.yaml"), "utf8"),
  ) as { expose: { ingress: { annotations: Record<string, unknown> } } };
  return chart.expose.ingress.annotations;
}

/** Helm's merge of user values over chart defaults for one map: `null` deletes a default key. */
function helmMerge(
  defaults: Record<string, unknown>,
  user: Record<string, unknown>,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries({ ...defaults, ...user }).filter(([, value]) => value !== null),
  );
}
