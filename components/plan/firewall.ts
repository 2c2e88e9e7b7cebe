/**
 * The firewall baseline as ordered rule lists, one per chain. Order is meaning in a firewall, so
 * the lists are built here in evaluation order and a FirewallChain resource keeps them so.
 * Every rule is identified on the router by its comment.
 */
import { contains } from "../config/addressing";
import { networksByName, networksNamed } from "../config/networks";
import { ruleSlug } from "../config/ruleNames";
import type { Network, StackConfig } from "../config/schema";
import { LAN_LIST, WAN_LIST, owned } from "./routers";
import { monitoringNetworks } from "./snmp";

export interface FirewallRule {
  chain: "input" | "forward" | "srcnat";
  /** Unique per chain; the rule's identity on the router. */
  comment: string;
  action: "accept" | "drop" | "masquerade";
  connectionState?: string[];
  protocol?: string;
  dstPort?: string;
  srcAddress?: string;
  dstAddress?: string;
  inInterfaceList?: string;
  outInterfaceList?: string;
}

/** TCP services of RouterOS that only the management networks may reach. */
export const MANAGEMENT_PORTS = "22,443,8291,8729";

const tag = owned;

function stateful(chain: "input" | "forward"): FirewallRule[] {
  return [
    {
      chain,
      comment: tag(`${chain} accept established`),
      action: "accept",
      connectionState: ["established", "related", "untracked"],
    },
    { chain, comment: tag(`${chain} drop invalid`), action: "drop", connectionState: ["invalid"] },
  ];
}

/** An input rule accepting one service on the router from the LAN (optionally from one network). */
function acceptInput(
  what: string,
  protocol: string,
  dstPort?: string,
  from?: Network,
): FirewallRule {
  return {
    chain: "input",
    comment: tag(`input ${what}`),
    action: "accept",
    protocol,
    ...(dstPort ? { dstPort } : {}),
    ...(from ? { srcAddress: from.cidr } : {}),
    inInterfaceList: LAN_LIST,
  };
}

export function inputRules(config: StackConfig): FirewallRule[] {
  const networks = (names: string[]) => networksNamed(config.networks, names);
  return [
    ...stateful("input"),
    { chain: "input", comment: tag("input accept icmp"), action: "accept", protocol: "icmp" },
    // The peer's VRRP advertisements; without them both routers claim the gateway addresses.
    acceptInput("accept vrrp", "vrrp"),
    acceptInput("accept dns udp", "udp", "53"),
    acceptInput("accept dns tcp", "tcp", "53"),
    ...networks(config.firewall.managementFrom).map((network) =>
      acceptInput(`management from ${network.name}`, "tcp", MANAGEMENT_PORTS, network),
    ),
    // The same networks the SNMP community admits (snmp.ts).
    ...monitoringNetworks(config).map((network) =>
      acceptInput(`snmp from ${network.name}`, "udp", "161", network),
    ),
    { chain: "input", comment: tag("input drop everything else"), action: "drop" },
  ];
}

/**
 * Where a declared rule may go: the whole `to` network, or (`toProxmoxHosts`) each Proxmox host's
 * management address inside it, one rule per host named after it.
 */
function destinations(
  config: StackConfig,
  rule: StackConfig["firewall"]["forward"][number],
  to: Network,
): { suffix: string; address: string }[] {
  if (!rule.toProxmoxHosts) return [{ suffix: "", address: to.cidr }];
  return (
    config.hosts
      .filter((host) => contains(to.cidr, host.managementIp))
      // A bare address, as RouterOS prints a /32 back; a prefix would diff after every refresh.
      .map((host) => ({ suffix: ` ${host.name}`, address: host.managementIp }))
  );
}

export function forwardRules(config: StackConfig): FirewallRule[] {
  const byName = networksByName(config.networks);
  const declared = config.firewall.forward.flatMap((rule): FirewallRule[] => {
    const from = byName.get(rule.from);
    const to = byName.get(rule.to);
    if (!from || !to) return [];
    return destinations(config, rule, to).map(({ suffix, address }) => ({
      chain: "forward",
      comment: tag(`forward ${rule.comment}${suffix}`),
      action: "accept",
      srcAddress: from.cidr,
      dstAddress: address,
      ...(rule.protocol ? { protocol: rule.protocol } : {}),
      ...(rule.ports ? { dstPort: rule.ports } : {}),
    }));
  });
  return [
    ...stateful("forward"),
    {
      chain: "forward",
      comment: tag("forward lan to internet"),
      action: "accept",
      inInterfaceList: LAN_LIST,
      outInterfaceList: WAN_LIST,
    },
    ...declared,
    { chain: "forward", comment: tag("forward drop everything else"), action: "drop" },
  ];
}

export function natRules(): FirewallRule[] {
  return [
    {
      chain: "srcnat",
      comment: tag("srcnat masquerade to uplinks"),
      action: "masquerade",
      outInterfaceList: WAN_LIST,
    },
  ];
}

/** The logical-name part of a rule: the slug of its comment without the owner tag. */
export function ruleName(rule: Pick<FirewallRule, "comment">): string {
  const prefix = owned("");
  const text = rule.comment.startsWith(prefix) ? rule.comment.slice(prefix.length) : rule.comment;
  return ruleSlug(text);
}

export interface FirewallChainPlan {
  table: "filter" | "nat";
  chain: FirewallRule["chain"];
  /** In evaluation order. */
  rules: FirewallRule[];
}

/** Every managed chain, in the order the routers get them. */
export function firewallChains(config: StackConfig): FirewallChainPlan[] {
  return [
    { table: "filter", chain: "input", rules: inputRules(config) },
    { table: "filter", chain: "forward", rules: forwardRules(config) },
    { table: "nat", chain: "srcnat", rules: natRules() },
  ];
}
