/**
 * The Kubernetes API address is either a virtual IP (keepalived holds it on the control plane)
 * or a DNS name (the routers point it at the bootstrap node). Rules and the plan ask here which.
 */
import { isIpv4Address } from "./addressing";
import type { KubernetesConfig } from "./kubernetes";

/** The API's virtual IPv4 address, or undefined when the API address is a DNS name. */
export function apiVirtualIp(kubernetes: Pick<KubernetesConfig, "api">): string | undefined {
  const address = kubernetes.api.address;
  return isIpv4Address(address) ? address : undefined;
}
