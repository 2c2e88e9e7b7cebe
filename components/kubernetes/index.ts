/** Kubernetes platform layer: microk8s cluster formation and the platform releases. */
export * from "./config";
export * from "./types";
export { Microk8sCluster, type Microk8sClusterArgs } from "./microk8sCluster";
export { pinnedCharts, chartKeys, type ChartKey } from "./charts";
