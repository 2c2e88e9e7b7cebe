/**
 * What each router of the VRRP pair must hold, derived from the stack config alone: interfaces,
 * addresses, VRRP instances and uplink routing. Pure, so the plan is tested without a router.
 */
import { withPrefix } from "../config/addressing";
import { networkWithPurpose } from "../config/networks";
import { vrrpIdOf } from "../config/vrrp";
import type { Network, Router, StackConfig, Uplink } from "../config/schema";

/** The bridge the trunk port joins; every VLAN interface hangs off it. */
export const TRUNK_BRIDGE = "bridge-trunk";
export const LAN_LIST = "LAN";
export const WAN_LIST = "WAN";
/** Comments on every object this program owns, so a person on the router can tell. */
export const OWNER_TAG = "baremetal";

/** The comment of an object this program owns: `baremetal: <text>`. */
export function owned(text: string): string {
  return `${OWNER_TAG}: ${text}`;
}

/** How the provider reaches a router's REST API (`RouterConnection` of providers/routeros). */
export interface RouterConnectionPlan {
  url: string;
  caFile?: string;
  insecure?: boolean;
  allowInsecureHttp?: boolean;
}

export function routerConnection(router: Router): RouterConnectionPlan {
  return {
    url: router.restUrl,
    ...(router.caFile ? { caFile: router.caFile } : {}),
    ...(router.insecure ? { insecure: true } : {}),
    ...(router.allowInsecureHttp ? { allowInsecureHttp: true } : {}),
  };
}

/** A router's address in the management network (found by purpose, never by name). */
export function managementAddress(
  config: Pick<StackConfig, "networks">,
  router: Router,
): string | undefined {
  const management = networkWithPurpose(config.networks, "management");
  return management ? router.addresses[management.name] : undefined;
}

export function vlanInterface(network: Network): string {
  return `vlan${network.vlanId}-${network.name}`;
}

export function vrrpInterface(network: Network): string {
  return `vrrp-${network.name}`;
}

/** VRRP virtual router id of a network's gateway (see vrrpIdOf). */
export const vrrpId = vrrpIdOf;

export interface AddressPlan {
  /** Natural key for resource names. */
  key: string;
  /** `a.b.c.d/n` as RouterOS stores it. */
  address: string;
  interface: string;
}

export interface VrrpPlan {
  network: string;
  name: string;
  interface: string;
  vrid: number;
  priority: number;
  /** The virtual address, as a /32 on the VRRP interface. */
  virtualAddress: string;
}

export interface UplinkPlan {
  uplink: Uplink;
  address: AddressPlan;
  /** Host route to the probe target through this uplink only (scope 10). */
  probeRoute: { dstAddress: string; gateway: string; scope: number };
  /** Default route resolved through the probe target: it dies when the probe target is unreachable. */
  defaultRoute: {
    dstAddress: string;
    gateway: string;
    distance: number;
    targetScope: number;
    checkGateway: "ping";
  };
}

export interface RouterPlan {
  router: Router;
  peer: Router;
  vlans: { network: Network; name: string }[];
  addresses: AddressPlan[];
  vrrp: VrrpPlan[];
  uplinks: UplinkPlan[];
  /** Default route via the peer over management, used when every own uplink is down. */
  peerFallback: { dstAddress: string; gateway: string; distance: number } | undefined;
}

/** Priority a router drops its VRRP instances to while none of its own uplinks works. */
export const DEGRADED_PRIORITY = 50;

export function planRouter(config: StackConfig, router: Router): RouterPlan {
  const peer = config.routers.find((r) => r.name !== router.name) ?? router;
  const vlans = config.networks.map((network) => ({ network, name: vlanInterface(network) }));
  const addresses: AddressPlan[] = config.networks.map((network) => ({
    key: network.name,
    address: withPrefix(router.addresses[network.name] ?? "", network.cidr),
    interface: vlanInterface(network),
  }));
  const vrrp: VrrpPlan[] = config.networks.map((network) => ({
    network: network.name,
    name: vrrpInterface(network),
    interface: vlanInterface(network),
    vrid: vrrpId(network),
    priority: router.vrrpPriority,
    virtualAddress: `${network.gateway}/32`,
  }));
  const uplinks: UplinkPlan[] = config.uplinks
    .filter((uplink) => uplink.router === router.name)
    .map((uplink) => ({
      uplink,
      address: { key: uplink.name, address: uplink.address, interface: uplink.interface },
      probeRoute: { dstAddress: `${uplink.probeTarget}/32`, gateway: uplink.gateway, scope: 10 },
      defaultRoute: {
        dstAddress: "0.0.0.0/0",
        gateway: uplink.probeTarget,
        distance: uplink.distance,
        targetScope: 11,
        checkGateway: "ping",
      },
    }));
  const peerAddress = managementAddress(config, peer);
  const worstDistance = Math.max(...config.uplinks.map((u) => u.distance));
  return {
    router,
    peer,
    vlans,
    addresses,
    vrrp,
    uplinks,
    peerFallback:
      peer !== router && peerAddress
        ? {
            dstAddress: "0.0.0.0/0",
            gateway: peerAddress,
            distance: Math.min(worstDistance + 10, 255),
          }
        : undefined,
  };
}

/**
 * Netwatch scripts: when the probe through an uplink fails, the router lowers its VRRP priority
 * so the peer (whose uplink works) takes over the gateway addresses; it restores it on recovery.
 */
export function netwatchScripts(plan: RouterPlan, uplink: Uplink): { up: string; down: string } {
  const set = (priority: number) =>
    `/interface/vrrp/set [find where comment~"^${OWNER_TAG}"] priority=${priority}`;
  return {
    down: `:log warning "${uplink.name} down"; ${set(DEGRADED_PRIORITY)}`,
    up: `:log info "${uplink.name} up"; ${set(plan.router.vrrpPriority)}`,
  };
}
