import { productionFixture } from "./fixtures";
import { runPlatform, sharedPlatformTests, type PlatformRun } from "./platformSuite";

describe("KubernetesPlatform (production)", () => {
  let run: PlatformRun;
  beforeAll(async () => {
    run = await runPlatform(productionFixture);
  });

  sharedPlatformTests(() => run);

  it("runs HA replicas on the replicated storage class", () => {
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
      storageClassName: "ceph-rbd",
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

  it("scrapes every MongoDB and Redis exporter and both routers", () => {
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
      routers: ["10.20.0.2", "10.20.0.3"],
    });
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
