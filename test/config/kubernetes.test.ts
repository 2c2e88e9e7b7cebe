import { keyPath, type ConfigIssue } from "../../components/config/issues";
import { kubernetesConfigSchema } from "../../components/config/kubernetes";
import { checkRules } from "../../components/config/rules";
import { productionKubernetesConfig, stagingKubernetesConfig } from "../support/kubernetesConfig";

/** What validation reports for `baremetal:kubernetes` alone: its schema, then the rules. */
function issuesOf(raw: unknown): ConfigIssue[] {
  const parsed = kubernetesConfigSchema.safeParse(raw);
  if (!parsed.success) {
    return parsed.error.issues.map((i) => ({
      path: keyPath(["kubernetes", ...i.path]),
      message: i.message,
    }));
  }
  return checkRules({ kubernetes: parsed.data });
}

const paths = (issues: ConfigIssue[]) => issues.map((i) => i.path);

describe("baremetal:kubernetes", () => {
  it("both example stack objects have no issue on their own", () => {
    expect(issuesOf(stagingKubernetesConfig)).toEqual([]);
    expect(issuesOf(productionKubernetesConfig)).toEqual([]);
  });

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

  it("rejects a platform issuer that is not declared and a duplicate issuer", () => {
    expect(issuesOf({ ...stagingKubernetesConfig, platformIssuer: "letsencrypt" })).toEqual([
      {
        path: "baremetal:kubernetes.platformIssuer",
        message: 'issuer "letsencrypt" is not declared in baremetal:kubernetes.issuers',
      },
    ]);
    const issuers = stagingKubernetesConfig.issuers;
    expect(
      paths(issuesOf({ ...stagingKubernetesConfig, issuers: [...issuers, ...issuers] })),
    ).toEqual([`baremetal:kubernetes.issuers[${issuers.length}].name`]);
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
    const issues = issuesOf({
      ...productionKubernetesConfig,
      storage: { hostpathAllowed: false, storageClass: "ceph-rbd" },
    });
    expect(paths(issues)).toEqual(["baremetal:kubernetes.storage.proxmoxCsi"]);
  });

  it("refuses Harbor image volumes of another class than the platform's", () => {
    const issues = issuesOf({
      ...productionKubernetesConfig,
      harbor: {
        ...productionKubernetesConfig.harbor,
        imageStorage: { type: "pvc", storageClass: "ceph-rbd", size: "500Gi" },
      },
    });
    expect(paths(issues)).toEqual(["baremetal:kubernetes.harbor.imageStorage.storageClass"]);
  });

  it("rejects snap channels older than 1.35 (no Traefik ingress addon)", () => {
    const issues = issuesOf({ ...stagingKubernetesConfig, snapChannel: "1.34/stable" });
    expect(paths(issues)).toEqual(["baremetal:kubernetes.snapChannel"]);
  });

  it("rejects hostpath storage where the stack does not allow it", () => {
    const issues = issuesOf({
      ...productionKubernetesConfig,
      storage: { hostpathAllowed: false, storageClass: "microk8s-hostpath" },
    });
    expect(paths(issues)).toEqual(["baremetal:kubernetes.storage.storageClass"]);
  });

  it("rejects node-local Harbor image storage", () => {
    const issues = issuesOf({
      ...stagingKubernetesConfig,
      harbor: {
        ...stagingKubernetesConfig.harbor,
        imageStorage: { type: "pvc", storageClass: "microk8s-hostpath", size: "100Gi" },
      },
    });
    expect(paths(issues)).toEqual(["baremetal:kubernetes.harbor.imageStorage"]);
  });

  it("rejects VRRP on a single-node cluster and an Elastic version outside 8.x", () => {
    const vrrp = issuesOf({
      ...stagingKubernetesConfig,
      api: { address: "10.130.0.10", vrrp: { interface: "eth0", virtualRouterId: 1 } },
    });
    expect(paths(vrrp)).toEqual(["baremetal:kubernetes.api.vrrp"]);
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
