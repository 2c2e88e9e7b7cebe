/** All platform values, keyed like the pinned charts. */
import type { ChartKey } from "../charts";
import { argoCdValues } from "./argocd";
import { certManagerValues } from "./certManager";
import type { ValuesContext } from "./common";
import { eckOperatorValues, eckStackValues } from "./elastic";
import { harborValues, type HarborValuesOptions } from "./harbor";
import { kubePrometheusStackValues } from "./monitoring";
import { tektonOperatorValues } from "./tekton";
import { zabbixValues } from "./zabbix";

export type { ValuesContext } from "./common";
export { namespaces, secretNames } from "./common";
export { freeFormPaths } from "./freeForm";
export { tektonConfigSpec } from "./tekton";

/** Plain (secret-free) values for every release. */
export function chartValues(
  ctx: ValuesContext,
  options: HarborValuesOptions,
): Record<ChartKey, object> {
  return {
    "cert-manager": certManagerValues(ctx),
    "kube-prometheus-stack": kubePrometheusStackValues(ctx),
    "eck-operator": eckOperatorValues(),
    "eck-stack": eckStackValues(ctx),
    "tekton-operator": tektonOperatorValues(ctx),
    "argo-cd": argoCdValues(ctx),
    harbor: harborValues(ctx, options),
    zabbix: zabbixValues(ctx),
  };
}
