/** Kubernetes platform layer: microk8s cluster formation and the platform releases. */
export * from "../config/kubernetes";
export * from "./types";
export { Microk8sCluster, type Microk8sClusterArgs } from "./microk8sCluster";
export {
  KubernetesPlatform,
  releases,
  type KubernetesPlatformArgs,
  type ReleaseInfo,
} from "./platform";
export type { PlatformSecretInputs } from "./platformSecrets";
export { pinnedCharts, chartKeys, type ChartKey } from "./charts";
