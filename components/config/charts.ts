/**
 * The platform's Helm charts by key. The stack config may override a chart's repo or version per
 * key, so the keys belong to the config; sources and pins live in `kubernetes/charts.ts`.
 */
export const chartKeys = [
  "proxmox-csi-plugin",
  "cert-manager",
  "kube-prometheus-stack",
  "eck-operator",
  "eck-stack",
  "tekton-operator",
  "argo-cd",
  "harbor",
  "zabbix",
  "prometheus-snmp-exporter",
] as const;
export type ChartKey = (typeof chartKeys)[number];
