import type { Network } from "./schema";

/**
 * VRRP virtual router id of a network's gateway: configured, else the VLAN id folded into
 * 1..255. Any other VRRP speaker on that VLAN (keepalived for the Kubernetes API) must differ.
 */
export function vrrpIdOf(network: Pick<Network, "vlanId" | "vrrpId">): number {
  return network.vrrpId ?? ((network.vlanId - 1) % 255) + 1;
}
