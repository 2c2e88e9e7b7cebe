/** What filter and NAT rules share: matchers, the filter actions and the program arguments. */
import type { FieldDef } from "../specHelpers";
import { matchers } from "../specHelpers";
import type { CommonArgs, In } from "../resource";

export const RULE_MATCHERS: Record<string, FieldDef> = {
  ...matchers([
    "srcAddressList",
    "dstAddressList",
    "protocol",
    "inInterface",
    "outInterface",
    "inInterfaceList",
    "outInterfaceList",
    "connectionMark",
    "packetMark",
    "routingMark",
    "icmpOptions",
    "limit",
    "jumpTarget",
    "addressList",
    "logPrefix",
  ]),
  ...matchers(["connectionState", "connectionNatState", "tcpFlags"], "set"),
  // RouterOS prints a host prefix without `/32` (routeros-rest §4): compared as addresses.
  srcAddress: ["address", { unsetWhenAbsent: true, format: "target" }],
  dstAddress: ["address", { unsetWhenAbsent: true, format: "target" }],
  srcPort: ["string", { unsetWhenAbsent: true, format: "ports" }],
  dstPort: ["string", { unsetWhenAbsent: true, format: "ports" }],
  port: ["string", { unsetWhenAbsent: true, format: "ports" }],
  addressListTimeout: ["duration", { unsetWhenAbsent: true }],
  log: ["bool", { absentAs: "false", implied: "false" }],
  disabled: ["bool", { absentAs: "false", implied: "false" }],
  // Rules have no name: chain + comment is the key, so comments are required and unique.
  chain: ["string", { key: true, replace: true }],
  comment: ["string", { key: true }],
  placeBefore: ["string", { createOnly: true }],
};

export const FILTER_ACTIONS = [
  "accept",
  "drop",
  "reject",
  "jump",
  "return",
  "log",
  "passthrough",
  "tarpit",
  "fasttrack-connection",
  "add-src-to-address-list",
  "add-dst-to-address-list",
];

/** Matchers and parameters shared by filter and NAT rules; unset ones are removed with `!field`. */
export interface RuleArgs extends CommonArgs {
  chain: In<string>;
  /** Required and unique within the chain: it is the rule's identity (adoption, ordering). */
  comment: In<string>;
  action: In<string>;
  /** Address, prefix or range (`a-b`), optionally `!`-negated. */
  srcAddress?: In<string>;
  dstAddress?: In<string>;
  srcAddressList?: In<string>;
  dstAddressList?: In<string>;
  protocol?: In<string>;
  /** Port, range or comma list (`22`, `1000-2000`, `80,443`), optionally `!`-negated. */
  srcPort?: In<string>;
  dstPort?: In<string>;
  port?: In<string>;
  inInterface?: In<string>;
  outInterface?: In<string>;
  inInterfaceList?: In<string>;
  outInterfaceList?: In<string>;
  connectionState?: In<string[]>;
  connectionNatState?: In<string[]>;
  connectionMark?: In<string>;
  packetMark?: In<string>;
  routingMark?: In<string>;
  icmpOptions?: In<string>;
  tcpFlags?: In<string[]>;
  limit?: In<string>;
  jumpTarget?: In<string>;
  addressList?: In<string>;
  addressListTimeout?: In<string>;
  log?: In<boolean>;
  logPrefix?: In<string>;
  /** Create-only: `.id` or comment of the rule to insert before. Use `FirewallChain` for order. */
  placeBefore?: In<string>;
}
