/**
 * Step (b): with the node VMs running, fetch the kubeconfig and install the platform releases
 * in dependency order (CRDs before custom resources, operators before what they manage).
 */
import * as k8s from "../sdk/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { resolveChart, type ChartKey } from "./charts";
import { privateCaBundle } from "./caBundle";
import { httpsRedirect } from "./httpsRedirect";
import { ClusterAccess } from "./clusterAccess";
import type { KubernetesConfig } from "../config/kubernetes";
import { mustExist } from "../invariant";
import type { PlatformPlan } from "../plan";
import { PlatformIssuers } from "./platformIssuers";
import { PlatformSecrets, type NamespaceKey, type PlatformSecretInputs } from "./platformSecrets";
import { tektonDashboardIngress } from "./tektonDashboard";
import type { CertificateAuthority } from "./types";
import { chartValues, namespaces, secretNames, tektonConfigSpec } from "./values";

export interface KubernetesPlatformArgs {
  /** The platform slice of the data-center plan. */
  readonly plan: PlatformPlan;
  readonly sshPrivateKey: pulumi.Output<string>;
  /** The bootstrap node's SSH host public key, pinned when the kubeconfig is fetched. */
  readonly bootstrapSshHostKey: pulumi.Input<string>;
  /** The node VMs. */
  readonly dependsOn: pulumi.Input<pulumi.Resource>[];
  /**
   * Credentials from other layers and externally owned ones; see PlatformSecretInputs for what is
   * generated instead. `proxmoxCsi` must be given when the plan has `csi`.
   */
  readonly secrets?: PlatformSecretInputs;
  /** The external Redis accepts TLS only (the services layer provisions it so). */
  readonly harborRedisTls?: boolean;
  /** Root key pairs of the `ca` issuers (Microk8sCluster), by issuer name. */
  readonly certificateAuthorities?: Readonly<Record<string, CertificateAuthority>>;
}

/** Helm release name and namespace of each chart. */
export const releases: Readonly<Record<ChartKey, { name: string; namespace: NamespaceKey }>> = {
  "proxmox-csi-plugin": { name: "proxmox-csi-plugin", namespace: "csiProxmox" },
  "cert-manager": { name: "cert-manager", namespace: "certManager" },
  "kube-prometheus-stack": { name: "kube-prometheus-stack", namespace: "monitoring" },
  "eck-operator": { name: "eck-operator", namespace: "elasticSystem" },
  "eck-stack": { name: "elastic-agents", namespace: "elastic" },
  "tekton-operator": { name: "tekton-operator", namespace: "tektonOperator" },
  // "argocd" keeps object names short (argocd-server) and matches the chart's nameOverride.
  "argo-cd": { name: "argocd", namespace: "argocd" },
  harbor: { name: "harbor", namespace: "harbor" },
  zabbix: { name: "zabbix-agent", namespace: "zabbix" },
  "prometheus-snmp-exporter": { name: "snmp-exporter", namespace: "monitoring" },
};

export interface ReleaseInfo {
  name: string;
  namespace: string;
  chart: string;
  version: string;
}

export class KubernetesPlatform extends pulumi.ComponentResource {
  static readonly __pulumiType = "baremetal:kubernetes:KubernetesPlatform";

  public readonly kubeconfig: pulumi.Output<string>;
  public readonly provider: k8s.Provider;
  public readonly releases: Record<ChartKey, ReleaseInfo>;
  public readonly hostnames: KubernetesConfig["hostnames"];
  /** Generated and supplied credentials (each secret). */
  public readonly credentials: Record<string, pulumi.Output<string>>;

  constructor(name: string, args: KubernetesPlatformArgs, opts?: pulumi.ComponentResourceOptions) {
    super(KubernetesPlatform.__pulumiType, name, componentInputs(args), opts);
    const { plan } = args;
    const { config } = plan;

    const access = new ClusterAccess(
      `${name}-access`,
      {
        bootstrapNode: plan.bootstrapNode,
        apiAddress: config.api.address,
        sshUser: plan.sshUser,
        sshPrivateKey: args.sshPrivateKey,
        sshHostKey: args.bootstrapSshHostKey,
        dependsOn: args.dependsOn,
      },
      { parent: this },
    );
    const provider = access.provider;
    const childOpts = { parent: this, provider };

    const ns: Partial<Record<NamespaceKey, k8s.core.v1.Namespace>> = {};
    for (const key of Object.keys(namespaces) as NamespaceKey[]) {
      // tekton-pipelines belongs to the operator, which creates it from TektonConfig.
      if (key === "tektonPipelines") continue;
      if (key === "csiProxmox" && !plan.csi) continue;
      ns[key] = new k8s.core.v1.Namespace(
        `${name}-ns-${namespaces[key]}`,
        { metadata: { name: namespaces[key], ...namespaceLabels(key) } },
        childOpts,
      );
    }

    const caBundle = privateCaBundle(config, args.certificateAuthorities ?? {});
    const secrets = new PlatformSecrets(
      `${name}-secrets`,
      {
        provider,
        namespaces: ns,
        inputs: args.secrets ?? {},
        elasticsearch: { url: plan.services.elasticsearch.url, username: config.elastic.username },
        ...(caBundle ? { caBundle } : {}),
        harborUsesS3: config.harbor.imageStorage.type === "s3",
        needsCloudflare: config.issuers.some((i) => i.kind === "acme"),
      },
      { parent: this },
    );
    const secret = (n: string): k8s.core.v1.Secret[] =>
      secrets.secrets[n] ? [secrets.secrets[n]] : [];
    const harborSecrets = Object.entries(secrets.secrets)
      .filter(([n]) => n.startsWith("harbor"))
      .map(([, s]) => s);

    const values = chartValues(
      { config, nodes: plan.nodes, services: plan.services },
      {
        redisPassword:
          args.secrets?.harborRedisPassword !== undefined ||
          args.secrets?.harborRedisUser !== undefined,
        ...(args.secrets?.harborRedisUser ? { redisUser: args.secrets.harborRedisUser } : {}),
        ...(args.harborRedisTls ? { redisTls: true } : {}),
      },
    );
    this.releases = {} as Record<ChartKey, ReleaseInfo>;
    const release = (key: ChartKey, dependsOn: pulumi.Resource[]): k8s.helm.v3.Release => {
      const source = resolveChart(key, config.charts);
      const keyValues = mustExist(values[key], `values of ${key}`);
      const namespaceResource = mustExist(ns[releases[key].namespace], `namespace of ${key}`);
      const { name: releaseName, namespace } = releases[key];
      this.releases[key] = {
        name: releaseName,
        namespace: namespaces[namespace],
        chart: source.chart,
        version: source.version,
      };
      return new k8s.helm.v3.Release(
        `${name}-${key}`,
        {
          name: releaseName,
          chart: source.chart,
          version: source.version,
          ...(source.repo ? { repositoryOpts: { repo: source.repo } } : {}),
          namespace: namespaces[namespace],
          createNamespace: false,
          values: keyValues,
          timeout: 900,
        },
        { ...childOpts, dependsOn: [namespaceResource, ...dependsOn] },
      );
    };

    // The storage class first: Prometheus, Alertmanager, Grafana and Trivy claim volumes of it.
    // Its controller verifies the Proxmox API against the stack's CA roots.
    const csiCa =
      caBundle && plan.csi
        ? [
            this.caBundleSecret(
              `${name}-proxmox-csi-ca-bundle`,
              { name: secretNames.proxmoxCsiCaBundle, namespace: "csiProxmox" },
              caBundle,
              childOpts,
              ns,
            ),
          ]
        : [];
    const storage = plan.csi
      ? [
          release("proxmox-csi-plugin", [
            mustExist(
              secrets.secrets[secretNames.proxmoxCsiConfig],
              "the CSI plugin's Proxmox access (secrets.proxmoxCsi)",
            ),
            ...csiCa,
          ]),
        ]
      : [];
    // kube-prometheus-stack next: it owns the ServiceMonitor/PodMonitor CRDs the others use.
    const monitoring = release("kube-prometheus-stack", [
      ...storage,
      ...secret(secretNames.grafanaAdmin),
    ]);
    if (args.secrets?.routerSnmp && plan.services.routers.length > 0) {
      release("prometheus-snmp-exporter", [monitoring, ...secret(secretNames.snmpExporterAuth)]);
    }
    const certManager = release("cert-manager", [monitoring]);
    const issuers = new PlatformIssuers(
      `${name}-issuers`,
      {
        provider,
        issuers: config.issuers,
        certificateAuthorities: args.certificateAuthorities ?? {},
        dependsOn: [certManager, ...secret("cloudflare-api-token")],
      },
      { parent: this },
    );
    const eckOperator = release("eck-operator", [monitoring]);
    release("eck-stack", [eckOperator, ...secret(secretNames.externalElasticsearch)]);
    const tektonOperator = release("tekton-operator", [monitoring]);
    const tektonConfig = new k8s.apiextensions.CustomResource(
      `${name}-tekton-config`,
      {
        apiVersion: "operator.tekton.dev/v1alpha1",
        kind: "TektonConfig",
        // The operator reconciles exactly one TektonConfig, named `config`.
        metadata: { name: "config", annotations: { "pulumi.com/waitFor": "condition=Ready" } },
        spec: tektonConfigSpec(),
      },
      { ...childOpts, dependsOn: [tektonOperator] },
    );
    tektonDashboardIngress(name, config, childOpts, [tektonConfig, issuers]);
    // Every Ingress above listens on HTTPS only; plain HTTP gets a redirect. After the first
    // release, by when the ingress addon has long installed Traefik's CRDs.
    httpsRedirect(name, childOpts, [monitoring]);
    release("argo-cd", [monitoring, issuers, ...secret(secretNames.argocd)]);
    const harborCa = caBundle
      ? [
          this.caBundleSecret(
            `${name}-harbor-ca-bundle`,
            { name: secretNames.harborCaBundle, namespace: "harbor" },
            caBundle,
            childOpts,
            ns,
          ),
        ]
      : [];
    release("harbor", [monitoring, issuers, ...harborSecrets, ...harborCa]);
    release("zabbix", []);

    this.kubeconfig = access.kubeconfig;
    this.provider = provider;
    this.hostnames = config.hostnames;
    this.credentials = secrets.credentials;
    this.registerOutputs({
      kubeconfig: this.kubeconfig,
      releases: this.releases,
      hostnames: this.hostnames,
      credentials: this.credentials,
    });
  }

  /** CA roots (`ca.crt`) for a chart's containers; public, so a plain Secret. */
  private caBundleSecret(
    resourceName: string,
    secret: { name: string; namespace: NamespaceKey },
    bundle: pulumi.Output<string>,
    opts: pulumi.CustomResourceOptions,
    ns: Partial<Record<NamespaceKey, k8s.core.v1.Namespace>>,
  ): k8s.core.v1.Secret {
    const namespace = ns[secret.namespace];
    return new k8s.core.v1.Secret(
      resourceName,
      {
        metadata: { name: secret.name, namespace: namespaces[secret.namespace] },
        type: "Opaque",
        stringData: { "ca.crt": bundle },
      },
      { ...opts, dependsOn: namespace ? [namespace] : [] },
    );
  }
}

/**
 * Pod Security labels: the CSI node plugin mounts host paths and runs privileged, so its
 * namespace must admit privileged pods wherever Pod Security admission is enforced.
 */
function namespaceLabels(key: NamespaceKey): { labels?: Record<string, string> } {
  if (key !== "csiProxmox") return {};
  return { labels: { "pod-security.kubernetes.io/enforce": "privileged" } };
}

/**
 * What the engine stores as this component's inputs: identifying data only, the SSH key as a
 * secret, and no resource references.
 */
function componentInputs(args: KubernetesPlatformArgs): pulumi.Inputs {
  const { plan } = args;
  return {
    config: plan.config,
    bootstrapNode: plan.bootstrapNode,
    nodes: plan.nodes,
    sshUser: plan.sshUser,
    sshPrivateKey: pulumi.secret(args.sshPrivateKey),
    services: plan.services,
    site: plan.site,
  };
}
