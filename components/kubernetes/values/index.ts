/** All platform values, keyed like the pinned charts. */
import type { ChartKey } from "../charts";
import { argoCdValues } from "./argocd";
import { certManagerValues } from "./certManager";
import type { ValuesContext } from "./common";
import { eckOperatorValues, eckStackValues } from "./elastic";
import { harborValues, type HarborValuesOptions } from "./harbor";
import { kubePrometheusStackValues } from "./monitoring";
import { proxmoxCsiValues } from "./proxmoxCsi";
import { snmpExporterValues } from "./snmpExporter";
import { tektonOperatorValues } from "./tekton";
import { zabbixValues } from "./zabbix";

export type { ValuesContext } from "./common";
export { namespaces, secretNames } from "./common";
export { freeFormPaths } from "./freeForm";
export { tektonConfigSpec } from "./tekton";
export { proxmoxCsiConfigFile, PROXMOX_CSI_CONFIG_KEY, type ProxmoxCsiCluster } from "./proxmoxCsi";
export { snmpAuthConfig, SNMP_AUTH_FILE, type SnmpV3User } from "./snmpExporter";

/** Plain (secret-free) values for every release; undefined = the stack does not install it. */
export function chartValues(
  ctx: ValuesContext,
  options: HarborValuesOptions,
): Record<ChartKey, object | undefined> {
  return {
    "proxmox-csi-plugin": proxmoxCsiValues(ctx),
    "cert-manager": certManagerValues(ctx),
    "kube-prometheus-stack": kubePrometheusStackValues(ctx),
    "eck-operator": eckOperatorValues(),
    "eck-stack": eckStackValues(ctx),
    "tekton-operator": tektonOperatorValues(ctx),
    "argo-cd": argoCdValues(ctx),
    harbor: harborValues(ctx, options),
    zabbix: zabbixValues(ctx),
    "prometheus-snmp-exporter": snmpExporterValues(ctx),
  };
}
