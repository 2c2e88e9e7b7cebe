/**
 * The persistent volumes the platform releases claim, from the same settings the values
 * builders use. The storage rule checks them against the datastore the CSI plugin allocates on.
 */
import type { KubernetesConfig } from "./kubernetes";

export interface PlatformClaim {
  readonly name: string;
  /** Size of one volume in GiB. */
  readonly sizeGi: number;
  /** Volumes of that size (one per replica of a StatefulSet). */
  readonly count: number;
}

/** Harbor's job-service log volume (fixed: the logs are re-creatable and small). */
export const HARBOR_JOB_LOG_SIZE = "1Gi";

const UNIT_GI: Record<string, number> = { Mi: 1 / 1024, Gi: 1, Ti: 1024 };

/** GiB of a Kubernetes quantity such as `512Mi`, `50Gi` or `2Ti` (the schema allows no other). */
export function quantityGi(quantity: string): number {
  const match = /^(\d+)(Mi|Gi|Ti)$/.exec(quantity);
  if (!match) throw new Error(`unsupported quantity ${quantity}`);
  return Number(match[1]) * (UNIT_GI[match[2] ?? ""] ?? Number.NaN);
}

export function platformClaims(config: KubernetesConfig): PlatformClaim[] {
  const claims: PlatformClaim[] = [
    {
      name: "prometheus",
      sizeGi: quantityGi(config.monitoring.prometheusStorage),
      count: config.replicas,
    },
    {
      name: "alertmanager",
      sizeGi: quantityGi(config.monitoring.alertmanagerStorage),
      count: config.replicas,
    },
    { name: "grafana", sizeGi: quantityGi(config.monitoring.grafanaStorage), count: 1 },
    { name: "harbor-trivy", sizeGi: quantityGi(config.harbor.trivyStorage), count: 1 },
    { name: "harbor-jobservice", sizeGi: quantityGi(HARBOR_JOB_LOG_SIZE), count: 1 },
  ];
  const image = config.harbor.imageStorage;
  if (image.type === "pvc") {
    claims.push({ name: "harbor-registry", sizeGi: quantityGi(image.size), count: 1 });
  }
  return claims;
}

/** Total GB (10^9 bytes, the unit of the stack's datastore sizes) of all claims, rounded up. */
export function platformClaimsGb(config: KubernetesConfig): number {
  const gi = platformClaims(config).reduce((sum, c) => sum + c.sizeGi * c.count, 0);
  return Math.ceil(gi * 1.073741824);
}
