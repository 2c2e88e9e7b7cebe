import { productionFixture } from "./fixtures";
import {
  CA_CERT,
  CSI_TOKEN_SECRET,
  runPlatform,
  sharedPlatformTests,
  type PlatformRun,
} from "./platformSuite";

describe("KubernetesPlatform (production)", () => {
  let run: PlatformRun;
  beforeAll(async () => {
    run = await runPlatform(productionFixture);
  });

  sharedPlatformTests(() => run);

  it("runs HA replicas on volumes of the Proxmox CSI class", () => {
    const kps = run.values("kube-prometheus-stack") as {
      prometheus: {
        prometheusSpec: {
          replicas: number;
          retention: string;
          storageSpec: {
            volumeClaimTemplate: {
              spec: { storageClassName: string; resources: { requests: { storage: string } } };
            };
          };
        };
      };
      kubeScheduler: { endpoints: string[] };
    };
    expect(kps.prometheus.prometheusSpec.replicas).toBe(2);
    expect(kps.prometheus.prometheusSpec.retention).toBe("15d");
    const claim = kps.prometheus.prometheusSpec.storageSpec.volumeClaimTemplate.spec;
    expect(claim).toMatchObject({
      storageClassName: "proxmox-nvme",
      resources: { requests: { storage: "100Gi" } },
    });
    expect(kps.kubeScheduler.endpoints).toEqual(["10.30.0.11", "10.30.0.12", "10.30.0.13"]);
    expect(run.values("argo-cd")).toMatchObject({
      "redis-ha": { enabled: true },
      server: { replicas: 2 },
    });
    expect(run.values("harbor")).toMatchObject({
      core: { replicas: 2 },
      registry: { replicas: 2 },
    });
  });

  it("scrapes every MongoDB and Redis exporter (routers go through snmp_exporter)", () => {
    const kps = run.values("kube-prometheus-stack") as {
      prometheus: {
        prometheusSpec: {
          additionalScrapeConfigs: { job_name: string; static_configs: { targets: string[] }[] }[];
        };
      };
    };
    const jobs = Object.fromEntries(
      kps.prometheus.prometheusSpec.additionalScrapeConfigs.map((j) => [
        j.job_name,
        j.static_configs[0]?.targets,
      ]),
    );
    expect(jobs).toEqual({
      mongodb: [
        "mongo-1.sp1.internal.example.com:9216",
        "mongo-2.sp1.internal.example.com:9216",
        "mongo-3.sp1.internal.example.com:9216",
      ],
      redis: ["redis-1.sp1.internal.example.com:9121"],
    });
  });

  it("installs the Proxmox CSI plugin first, with its Proxmox token only in a Secret", () => {
    const csi = run.values("proxmox-csi-plugin");
    expect(csi).toEqual({
      existingConfigSecret: "proxmox-csi-config",
      existingConfigSecretKey: "config.yaml",
      storageClass: [
        {
          name: "proxmox-nvme",
          storage: "nvme",
          reclaimPolicy: "Retain",
          fstype: "ext4",
          ssd: true,
          cache: "none",
        },
      ],
      node: { kubeletDir: "/var/snap/microk8s/common/var/lib/kubelet" },
      extraVolumes: [{ name: "ca-bundle", secret: { secretName: "proxmox-csi-ca-bundle" } }],
      extraVolumeMounts: [
        {
          name: "ca-bundle",
          mountPath: "/etc/ssl/certs/baremetal-private-ca.pem",
          subPath: "ca.crt",
          readOnly: true,
        },
      ],
    });
    const release = run.release("proxmox-csi-plugin");
    expect(release.inputs["namespace"]).toBe("csi-proxmox");
    const namespace = run.engine.resources.find(
      (r) => r.type === "kubernetes:core/v1:Namespace" && r.name === "platform-ns-csi-proxmox",
    );
    expect(namespace?.inputs["metadata"]).toEqual({
      name: "csi-proxmox",
      labels: { "pod-security.kubernetes.io/enforce": "privileged" },
    });
    expect(release.dependencies).toContain(namespace?.urn);
    expect(run.release("kube-prometheus-stack").dependencies).toContain(release.urn);
    const secret = run.engine.resources.find(
      (r) =>
        r.type === "kubernetes:core/v1:Secret" && r.name === "platform-secrets-proxmox-csi-config",
    );
    expect(release.dependencies).toContain(secret?.urn);
    const file = JSON.parse(
      (secret?.inputs["stringData"] as Record<string, string>)["config.yaml"] ?? "{}",
    ) as { clusters: Record<string, unknown>[] };
    expect(file.clusters).toEqual([
      {
        url: "https://10.10.0.11:8006/api2/json",
        insecure: false,
        token_id: "kubernetes-csi@pve!csi",
        token_secret: CSI_TOKEN_SECRET,
        region: "sp1",
      },
    ]);
  });

  it("makes the CSI controller trust the stack's CA roots for the Proxmox API", () => {
    const bundle = run.engine.resources.find(
      (r) => r.type === "kubernetes:core/v1:Secret" && r.name === "platform-proxmox-csi-ca-bundle",
    );
    expect(bundle?.inputs).toMatchObject({
      metadata: { name: "proxmox-csi-ca-bundle", namespace: "csi-proxmox" },
      stringData: { "ca.crt": CA_CERT },
    });
    expect(run.release("proxmox-csi-plugin").dependencies).toContain(bundle?.urn);
  });

  it("publishes the production hostnames and TLS through the platform issuer", () => {
    expect(run.values("harbor")).toMatchObject({
      externalURL: "https://harbor.sp1.internal.example.com",
      expose: {
        tls: { certSource: "secret" },
        ingress: { annotations: { "cert-manager.io/cluster-issuer": "internal-ca" } },
      },
      trivy: { enabled: true },
      metrics: { enabled: true },
      database: { type: "external", external: { host: "postgres-1.sp1.internal.example.com" } },
      redis: { type: "external", external: { addr: "redis-1.sp1.internal.example.com:6379" } },
    });
    expect(run.values("argo-cd")).toMatchObject({
      global: { domain: "argocd.sp1.internal.example.com" },
    });
    expect(run.platform.releases.harbor).toEqual({
      name: "harbor",
      namespace: "harbor",
      chart: "harbor",
      version: "1.19.1",
    });
  });
});
