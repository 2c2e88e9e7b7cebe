/** Tekton operator values (OCI chart tekton-operator) and the TektonConfig it reconciles. */
import { namespaces, type ValuesContext } from "./common";

export interface TektonOperatorValues {
  /**
   * The operator must find its CRDs at start; Pulumi owns the release lifecycle, so the chart
   * installs them (upstream warns that uninstalling then deletes the custom resources).
   */
  installCRDs: boolean;
  operator: { defaultTargetNamespace: string; autoInstallComponents: boolean };
  webhook: { replicas: number };
  service: { createServiceMonitor: boolean };
}

export function tektonOperatorValues(ctx: ValuesContext): TektonOperatorValues {
  return {
    installCRDs: true,
    // TektonConfig below is the single source of what gets installed.
    operator: { defaultTargetNamespace: namespaces.tektonPipelines, autoInstallComponents: false },
    webhook: { replicas: ctx.config.replicas },
    service: { createServiceMonitor: true },
  };
}

/** Spec of the `TektonConfig` named `config` (operator.tekton.dev/v1alpha1). */
export interface TektonConfigSpec {
  /** `all` = Pipelines + Triggers + Chains + Dashboard on Kubernetes. */
  profile: "all";
  targetNamespace: string;
  dashboard: { readonly: boolean };
  pruner: { resources: string[]; keep: number; schedule: string };
}

export function tektonConfigSpec(): TektonConfigSpec {
  return {
    profile: "all",
    targetNamespace: namespaces.tektonPipelines,
    // Runs are started by Triggers and Argo CD, never from the dashboard.
    dashboard: { readonly: true },
    pruner: { resources: ["pipelinerun", "taskrun"], keep: 100, schedule: "0 8 * * *" },
  };
}
