import { kubernetesConfigSchema } from "../../components/config/kubernetes";
import { productionKubernetesConfig, stagingKubernetesConfig } from "../support/kubernetesConfig";

describe("kubernetesConfigSchema", () => {
  it("parses both example stack objects", () => {
    expect(kubernetesConfigSchema.parse(stagingKubernetesConfig).controlPlaneNodes).toBe(1);
    expect(kubernetesConfigSchema.parse(productionKubernetesConfig).controlPlaneNodes).toBe(3);
  });

  it("applies defaults to a minimal object", () => {
    const { launchConfigVersion, charts, extraAddons, ...rest } = stagingKubernetesConfig;
    void launchConfigVersion;
    void charts;
    void extraAddons;
    const parsed = kubernetesConfigSchema.parse(rest);
    expect(parsed.launchConfigVersion).toBe("0.1.0");
    expect(parsed.charts).toEqual({});
    expect(parsed.extraAddons).toEqual([]);
  });

  it("rejects a platform issuer that is not declared", () => {
    const result = kubernetesConfigSchema.safeParse({
      ...stagingKubernetesConfig,
      platformIssuer: "letsencrypt",
    });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain("platformIssuer");
  });

  it("defaults a CA issuer's root to ten years and bounds it", () => {
    const ca = (validityYears?: number) =>
      kubernetesConfigSchema.safeParse({
        ...stagingKubernetesConfig,
        issuers: [{ name: "internal-ca", kind: "ca", commonName: "x", validityYears }],
      });
    const parsed = ca(undefined);
    expect(parsed.success && parsed.data.issuers[0]).toMatchObject({ validityYears: 10 });
    expect(ca(31).success).toBe(false);
  });

  it("refuses a storage class nothing in the program provides", () => {
    const result = kubernetesConfigSchema.safeParse({
      ...productionKubernetesConfig,
      storage: { hostpathAllowed: false, storageClass: "ceph-rbd" },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["storage.proxmoxCsi"]);
  });

  it("refuses Harbor image volumes of another class than the platform's", () => {
    const result = kubernetesConfigSchema.safeParse({
      ...productionKubernetesConfig,
      harbor: {
        ...productionKubernetesConfig.harbor,
        imageStorage: { type: "pvc", storageClass: "ceph-rbd", size: "500Gi" },
      },
    });
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual([
      "harbor.imageStorage.storageClass",
    ]);
  });

  it("rejects snap channels older than 1.35 (no Traefik ingress addon)", () => {
    const result = kubernetesConfigSchema.safeParse({
      ...stagingKubernetesConfig,
      snapChannel: "1.34/stable",
    });
    expect(result.success).toBe(false);
  });

  it("rejects hostpath storage where the stack does not allow it", () => {
    const result = kubernetesConfigSchema.safeParse({
      ...productionKubernetesConfig,
      storage: { hostpathAllowed: false, storageClass: "microk8s-hostpath" },
    });
    expect(result.success).toBe(false);
  });

  it("rejects node-local Harbor image storage", () => {
    const result = kubernetesConfigSchema.safeParse({
      ...stagingKubernetesConfig,
      harbor: {
        ...stagingKubernetesConfig.harbor,
        imageStorage: { type: "pvc", storageClass: "microk8s-hostpath", size: "100Gi" },
      },
    });
    expect(result.success).toBe(false);
  });

  it("rejects VRRP on a single-node cluster and an Elastic version outside 8.x", () => {
    expect(
      kubernetesConfigSchema.safeParse({
        ...stagingKubernetesConfig,
        api: { address: "10.130.0.10", vrrp: { interface: "eth0", virtualRouterId: 1 } },
      }).success,
    ).toBe(false);
    expect(
      kubernetesConfigSchema.safeParse({
        ...stagingKubernetesConfig,
        elastic: { stackVersion: "9.1.0" },
      }).success,
    ).toBe(false);
  });

  it("rejects unknown chart override keys", () => {
    const result = kubernetesConfigSchema.safeParse({
      ...stagingKubernetesConfig,
      charts: { "ingress-nginx": { version: "4.15.1" } },
    });
    expect(result.success).toBe(false);
  });
});
