import { stagingFixture } from "./fixtures";
import { runPlatform, sharedPlatformTests, type PlatformRun } from "./platformSuite";

describe("KubernetesPlatform (staging)", () => {
  let run: PlatformRun;
  beforeAll(async () => {
    run = await runPlatform(stagingFixture);
  });

  sharedPlatformTests(() => run);

  it("runs single replicas on hostpath storage without Redis HA", () => {
    const kps = run.values("kube-prometheus-stack") as {
      prometheus: {
        prometheusSpec: {
          replicas: number;
          storageSpec: { volumeClaimTemplate: { spec: { storageClassName: string } } };
        };
      };
      kubeControllerManager: { endpoints: string[] };
      kubeEtcd: { enabled: boolean };
    };
    expect(kps.prometheus.prometheusSpec.replicas).toBe(1);
    expect(
      kps.prometheus.prometheusSpec.storageSpec.volumeClaimTemplate.spec.storageClassName,
    ).toBe("microk8s-hostpath");
    expect(kps.kubeControllerManager.endpoints).toEqual(["10.130.0.11"]);
    expect(kps.kubeEtcd.enabled).toBe(false);
    expect(run.values("argo-cd")).toMatchObject({
      "redis-ha": { enabled: false },
      server: { replicas: 1 },
    });
  });

  it("publishes the staging hostnames", () => {
    expect(run.values("harbor")).toMatchObject({
      externalURL: "https://harbor.stg.sp1.internal.example.com",
      expose: { ingress: { hosts: { core: "harbor.stg.sp1.internal.example.com" } } },
      persistence: {
        imageChartStorage: { type: "s3", s3: { bucket: "harbor-staging" } },
      },
    });
    expect(run.platform.hostnames.grafana).toBe("grafana.stg.sp1.internal.example.com");
  });
});
