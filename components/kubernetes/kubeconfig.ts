/** Pure helpers for the admin kubeconfig that `microk8s config` prints on the bootstrap node. */
import { parse, stringify } from "yaml";
import { API_PORT } from "./launchConfig";

/** Shell run over SSH on the bootstrap node; waits for the cluster before printing kubeconfig. */
export const FETCH_KUBECONFIG_COMMAND =
  "sudo microk8s status --wait-ready --timeout 900 >/dev/null && sudo microk8s config";

interface Kubeconfig {
  clusters?: { name: string; cluster: { server?: string } }[];
}

/**
 * Points every cluster entry at the stable API address (VIP or DNS name, a SAN of the API
 * certificate) instead of the bootstrap node's own address, so losing that node does not cut
 * Pulumi off the cluster.
 */
export function kubeconfigForApi(kubeconfig: string, apiAddress: string): string {
  const doc = parse(kubeconfig) as Kubeconfig | null;
  if (!doc?.clusters?.length) throw new Error("kubeconfig has no clusters");
  for (const entry of doc.clusters) entry.cluster.server = `https://${apiAddress}:${API_PORT}`;
  return stringify(doc);
}
