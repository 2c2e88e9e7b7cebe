/**
 * Helm charts of the platform, pinned. Versions equal the vendored `charts/<chart>-Chart.yaml`
 * except where upstream's git Chart.yaml carries a placeholder (cert-manager `v0.0.0`,
 * tekton-operator `devel`): there the published release that the vendored values came from is used.
 * Charts without a vendored values.yaml have a hand-written key skeleton
 * (`charts/<chart>-values.keys.yaml`) for the values key check.
 */

import type { ChartKey } from "../config/charts";

export { chartKeys, type ChartKey } from "../config/charts";

export interface ChartSource {
  /** Chart name inside `repo`, or a full `oci://` reference when `repo` is undefined. */
  readonly chart: string;
  readonly repo: string | undefined;
  readonly version: string;
}

export const pinnedCharts: Readonly<Record<ChartKey, ChartSource>> = {
  // Published only as an OCI artifact.
  "proxmox-csi-plugin": {
    chart: "oci://ghcr.io/sergelogvinov/charts/proxmox-csi-plugin",
    repo: undefined,
    version: "0.3.11",
  },
  "cert-manager": { chart: "cert-manager", repo: "https://charts.jetstack.io", version: "v1.21.1" },
  "kube-prometheus-stack": {
    chart: "kube-prometheus-stack",
    repo: "https://prometheus-community.github.io/helm-charts",
    version: "88.5.3",
  },
  "eck-operator": { chart: "eck-operator", repo: "https://helm.elastic.co", version: "3.5.0" },
  "eck-stack": { chart: "eck-stack", repo: "https://helm.elastic.co", version: "0.20.0" },
  // Tekton publishes its operator chart only as an OCI artifact.
  "tekton-operator": {
    chart: "oci://ghcr.io/tektoncd/operator/charts/tekton-operator",
    repo: undefined,
    version: "0.81.1",
  },
  "argo-cd": { chart: "argo-cd", repo: "https://argoproj.github.io/argo-helm", version: "10.1.1" },
  harbor: { chart: "harbor", repo: "https://helm.goharbor.io", version: "1.19.1" },
  zabbix: {
    chart: "zabbix",
    repo: "https://zabbix-community.github.io/helm-zabbix",
    version: "7.0.12",
  },
  "prometheus-snmp-exporter": {
    chart: "prometheus-snmp-exporter",
    repo: "https://prometheus-community.github.io/helm-charts",
    version: "9.9.0",
  },
};

/** The pinned source for `key` with the stack's optional repo/version override applied. */
export function resolveChart(
  key: ChartKey,
  overrides: Partial<Record<ChartKey, { repo?: string | undefined; version?: string | undefined }>>,
): ChartSource {
  const pinned = pinnedCharts[key];
  const override = overrides[key];
  return {
    chart: pinned.chart,
    repo: override?.repo ?? pinned.repo,
    version: override?.version ?? pinned.version,
  };
}
