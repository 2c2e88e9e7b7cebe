import { kubernetesConfigSchema } from "../../components/config/kubernetes";
import { platformClaims, platformClaimsGb, quantityGi } from "../../components/config/claims";
import { chartValues } from "../../components/kubernetes/values";
import { productionFixture, stagingFixture } from "../kubernetes/fixtures";
import { productionKubernetesConfig } from "../support/kubernetesConfig";

describe("platform volume claims", () => {
  it("reads Kubernetes quantities in GiB", () => {
    expect(quantityGi("512Mi")).toBe(0.5);
    expect(quantityGi("50Gi")).toBe(50);
    expect(quantityGi("2Ti")).toBe(2048);
    expect(() => quantityGi("10G")).toThrow("unsupported");
  });

  it("counts one volume per replica of Prometheus and Alertmanager (production)", () => {
    const config = productionFixture.config;
    expect(platformClaims(config)).toEqual([
      { name: "prometheus", sizeGi: 100, count: 2 },
      { name: "alertmanager", sizeGi: 5, count: 2 },
      { name: "grafana", sizeGi: 20, count: 1 },
      { name: "harbor-trivy", sizeGi: 10, count: 1 },
      { name: "harbor-jobservice", sizeGi: 1, count: 1 },
    ]);
    // 241 GiB in GB, rounded up.
    expect(platformClaimsGb(config)).toBe(259);
  });

  it("adds the registry volume when Harbor keeps blobs on a PVC", () => {
    const config = kubernetesConfigSchema.parse({
      ...productionKubernetesConfig,
      harbor: {
        ...productionKubernetesConfig.harbor,
        imageStorage: { type: "pvc", storageClass: "proxmox-nvme", size: "1Ti" },
      },
    });
    expect(platformClaims(config).at(-1)).toEqual({
      name: "harbor-registry",
      sizeGi: 1024,
      count: 1,
    });
  });

  it.each([stagingFixture, productionFixture])(
    "match the sizes the $stack values request",
    (fixture) => {
      const values = chartValues(fixture, { redisPassword: false });
      const text = JSON.stringify([values["kube-prometheus-stack"], values.harbor]);
      for (const claim of platformClaims(fixture.config)) {
        const size = claim.sizeGi >= 1 ? `${claim.sizeGi}Gi` : `${claim.sizeGi * 1024}Mi`;
        expect([claim.name, text.includes(`"${size}"`)]).toEqual([claim.name, true]);
      }
    },
  );
});
