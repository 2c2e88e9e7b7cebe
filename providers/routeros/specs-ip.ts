/** Specs of IP-level menus: routes, netwatch, firewall, address lists, DNS records. */
import type { MenuSpec } from "./types";
import { COMMON, fields, matchers, type FieldDef } from "./spec-helpers";

export const ipRouteSpec: MenuSpec = {
  type: "IpRoute",
  menu: "ip/route",
  adopt: "lookup",
  deleteBeforeReplace: false,
  required: ["gateway"],
  fields: fields({
    dstAddress: ["cidr", { key: true, absentAs: "0.0.0.0/0", format: "prefix" }],
    gateway: ["string", { key: true }],
    // A disabled static route drops these fields from its row (routeros-rest §10).
    routingTable: ["string", { key: true, absentAs: "main", droppedWhenDisabled: true }],
    distance: ["int", { min: 1, max: 255, droppedWhenDisabled: true }],
    scope: ["int", { droppedWhenDisabled: true }],
    targetScope: ["int", { droppedWhenDisabled: true }],
    checkGateway: [
      "string",
      { unsetWhenAbsent: true, oneOf: ["arp", "bfd", "bfd-multihop", "none", "ping"] },
    ],
    prefSrc: ["string", { unsetWhenAbsent: true, format: "ip" }],
    vrfInterface: ["string", { unsetWhenAbsent: true }],
    suppressHwOffload: "bool",
    ...COMMON,
  }),
};

export const netwatchSpec: MenuSpec = {
  type: "Netwatch",
  menu: "tool/netwatch",
  adopt: "lookup",
  deleteBeforeReplace: false,
  required: ["host"],
  fields: fields({
    host: ["string", { key: true, format: "ip" }],
    type: ["string", { key: true, absentAs: "simple" }],
    name: "string",
    interval: "duration",
    timeout: "duration",
    startDelay: "duration",
    srcAddress: ["string", { format: "ip" }],
    port: ["int", { min: 1, max: 65535 }],
    upScript: ["string", { unsetWhenAbsent: true }],
    downScript: ["string", { unsetWhenAbsent: true }],
    testScript: ["string", { unsetWhenAbsent: true }],
    ...COMMON,
  }),
};

const RULE_MATCHERS: Record<string, FieldDef> = {
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

const FILTER_ACTIONS = [
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

export const firewallFilterSpec: MenuSpec = {
  type: "FirewallFilterRule",
  menu: "ip/firewall/filter",
  adopt: "lookup",
  deleteBeforeReplace: false,
  required: ["chain", "comment", "action"],
  fields: fields({
    ...RULE_MATCHERS,
    action: ["string", { oneOf: FILTER_ACTIONS }],
    rejectWith: ["string", { unsetWhenAbsent: true }],
  }),
};

export const natRuleSpec: MenuSpec = {
  type: "NatRule",
  menu: "ip/firewall/nat",
  adopt: "lookup",
  deleteBeforeReplace: false,
  required: ["chain", "comment", "action"],
  fields: fields({
    ...RULE_MATCHERS,
    action: [
      "string",
      {
        oneOf: [
          ...FILTER_ACTIONS.filter(
            (a) => !["reject", "tarpit", "fasttrack-connection"].includes(a),
          ),
          "dst-nat",
          "src-nat",
          "masquerade",
          "redirect",
          "netmap",
          "same",
          "endpoint-independent-nat",
        ],
      },
    ],
    toAddresses: ["address", { unsetWhenAbsent: true, format: "target" }],
    toPorts: ["string", { unsetWhenAbsent: true, format: "ports" }],
  }),
};

export const addressListSpec: MenuSpec = {
  type: "AddressListEntry",
  menu: "ip/firewall/address-list",
  adopt: "duplicate",
  deleteBeforeReplace: true,
  required: ["list", "address"],
  fields: fields({
    list: ["string", { key: true }],
    address: ["cidr", { key: true, format: "listAddress" }],
    // A timed entry is `dynamic` and prints the time left, never the timeout written.
    timeout: ["duration", { unsetWhenAbsent: true, countsDown: true }],
    ...COMMON,
  }),
};

export const dnsStaticSpec: MenuSpec = {
  type: "DnsStaticRecord",
  menu: "ip/dns/static",
  // One name may have several addresses; only exact duplicates are rejected, so look up the key.
  adopt: "lookup",
  deleteBeforeReplace: false,
  required: [],
  fields: fields({
    name: ["string", { key: true }],
    regexp: ["string", { key: true }],
    type: [
      "string",
      {
        key: true,
        absentAs: "A",
        oneOf: ["a", "aaaa", "cname", "fwd", "mx", "ns", "nxdomain", "srv", "txt"],
      },
    ],
    address: ["string", { key: true, format: "ip" }],
    cname: ["string", { key: true }],
    text: ["string", { key: true }],
    forwardTo: ["string", { key: true }],
    mxExchange: ["string", { key: true }],
    mxPreference: "int",
    ttl: "duration",
    matchSubdomain: "bool",
    addressList: ["string", { unsetWhenAbsent: true }],
    placeBefore: ["string", { createOnly: true }],
    ...COMMON,
  }),
};
