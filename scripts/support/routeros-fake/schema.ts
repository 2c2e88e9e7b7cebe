/**
 * Menus the fake router knows (a test and benchmark harness, not product code), transcribed from routeros-rest.md §11–§12 (fields, defaults,
 * read-only fields, ranges, uniqueness errors). Only what the spec documents is modelled.
 */

export type FakeType =
  | "str"
  | "bool"
  | "int"
  | "dur"
  | "addr"
  | "enum"
  | "iface"
  | "list"
  /** Comma-separated prefixes; a bare address is stored with its host prefix. */
  | "addrs"
  /** Firewall address matcher: a host prefix is printed without its length (`/32`, `/128`). */
  | "fwaddr"
  /** A size in KiB, printed with its unit (`2048` → `2048KiB`). */
  | "kib";

export interface FakeField {
  t: FakeType;
  /** Value applied on create when not written. */
  def?: string;
  /** Read-only: writing it fails with `unknown parameter`. */
  ro?: boolean;
  min?: number;
  max?: number;
  values?: string[];
  required?: boolean;
  /** Returned only once the field was written (firewall `disabled`, `log`, `log-prefix`). */
  onlyIfWritten?: boolean;
  /**
   * Writing it makes the row a timed, `dynamic` entry that disappears when the time is up, and
   * the field then prints the time left (address-list `timeout`, MikroTik manual "Address list").
   */
  countdown?: boolean;
}

export interface FakeMenu {
  path: string;
  singleton?: boolean;
  /** `place-before` accepted on create; `move` meaningful. */
  ordered?: boolean;
  /** Rows are interfaces: `name` unique across all interface menus, addressable by name. */
  isInterface?: boolean;
  /** Name prefix for rows created without a name (`vlan1`, `bridge1`). */
  autoName?: string;
  fields: Record<string, FakeField>;
  /** Returns the `failure: …` detail when `row` duplicates one of `others`. */
  duplicate?: (row: Record<string, string>, others: Record<string, string>[]) => string | undefined;
  /** Rows present on a factory router (values over the defaults); they cannot be removed. */
  factoryRows?: Record<string, string>[];
  /** The `failure: …` detail of removing a factory row. */
  factoryRemove?: string;
}

const common: Record<string, FakeField> = {
  comment: { t: "str" },
  disabled: { t: "bool", def: "false" },
};
const ifaceRo: Record<string, FakeField> = {
  running: { t: "bool", ro: true },
  "mac-address": { t: "str", ro: true },
  l2mtu: { t: "str", ro: true },
};
const same = (keys: string[]) => (a: Record<string, string>, b: Record<string, string>) =>
  keys.every((k) => (a[k] ?? "") === (b[k] ?? ""));

const ruleMatchers = [
  "src-address",
  "dst-address",
  "src-address-list",
  "dst-address-list",
  "src-port",
  "dst-port",
  "port",
  "in-interface",
  "out-interface",
  "in-interface-list",
  "out-interface-list",
  "connection-state",
  "connection-nat-state",
  "connection-mark",
  "packet-mark",
  "routing-mark",
  "icmp-options",
  "tcp-flags",
  "limit",
  "jump-target",
  "address-list",
  "reject-with",
  "to-addresses",
  "to-ports",
];
const ruleFields = (actions: string[]): Record<string, FakeField> => ({
  chain: { t: "str", required: true },
  action: { t: "enum", def: "accept", values: actions },
  protocol: {
    t: "enum",
    values: ["tcp", "udp", "icmp", "gre", "ospf", "vrrp", "icmpv6", "ipsec-esp"],
  },
  ...Object.fromEntries(ruleMatchers.map((m) => [m, { t: "str" } as FakeField])),
  "src-address": { t: "fwaddr" },
  "dst-address": { t: "fwaddr" },
  "address-list-timeout": { t: "dur" },
  comment: { t: "str" },
  disabled: { t: "bool", onlyIfWritten: true },
  log: { t: "bool", onlyIfWritten: true },
  "log-prefix": { t: "str", onlyIfWritten: true },
  bytes: { t: "int", ro: true, def: "0" },
  packets: { t: "int", ro: true, def: "0" },
  dynamic: { t: "bool", ro: true, def: "false" },
  invalid: { t: "bool", ro: true, def: "false" },
});
const filterActions = [
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

export const MENUS: FakeMenu[] = [
  {
    path: "ip/address",
    fields: {
      address: { t: "addr", required: true },
      interface: { t: "iface", required: true },
      network: { t: "str" },
      ...common,
      "actual-interface": { t: "str", ro: true },
      dynamic: { t: "bool", ro: true, def: "false" },
      invalid: { t: "bool", ro: true, def: "false" },
    },
    duplicate: (row, others) =>
      others.some(same(["address", "interface"]).bind(null, row))
        ? "failure: already have such address"
        : undefined,
  },
  {
    path: "interface/bridge",
    isInterface: true,
    autoName: "bridge",
    fields: {
      name: { t: "str" },
      mtu: { t: "str", def: "auto" },
      "protocol-mode": { t: "enum", def: "rstp", values: ["none", "stp", "rstp", "mstp"] },
      "vlan-filtering": { t: "bool", def: "false" },
      pvid: { t: "int", def: "1", min: 1, max: 4094 },
      "frame-types": {
        t: "enum",
        def: "admit-all",
        values: ["admit-all", "admit-only-untagged-and-priority-tagged", "admit-only-vlan-tagged"],
      },
      "ingress-filtering": { t: "bool", def: "true" },
      "ageing-time": { t: "dur", def: "5m" },
      arp: {
        t: "enum",
        def: "enabled",
        values: ["enabled", "disabled", "proxy-arp", "reply-only", "local-proxy-arp"],
      },
      "arp-timeout": { t: "str", def: "auto" },
      "admin-mac": { t: "str" },
      "auto-mac": { t: "bool", def: "true" },
      "fast-forward": { t: "bool", def: "true" },
      "igmp-snooping": { t: "bool", def: "false" },
      "dhcp-snooping": { t: "bool", def: "false" },
      ...common,
      ...ifaceRo,
      "actual-mtu": { t: "str", ro: true },
    },
  },
  {
    path: "interface/bridge/port",
    fields: {
      bridge: { t: "iface", required: true },
      interface: { t: "iface", required: true },
      pvid: { t: "int", def: "1", min: 1, max: 4094 },
      "frame-types": {
        t: "enum",
        def: "admit-all",
        values: ["admit-all", "admit-only-untagged-and-priority-tagged", "admit-only-vlan-tagged"],
      },
      "ingress-filtering": { t: "bool", def: "true" },
      edge: { t: "str", def: "auto" },
      horizon: { t: "str", def: "none" },
      ...common,
      dynamic: { t: "bool", ro: true, def: "false" },
      inactive: { t: "bool", ro: true, def: "false" },
    },
    // Error text not documented in routeros-rest.md; a failure is certain on a real router.
    duplicate: (row, others) =>
      others.some((o) => o["interface"] === row["interface"])
        ? "failure: device already added as bridge port"
        : undefined,
  },
  {
    path: "interface/vlan",
    isInterface: true,
    autoName: "vlan",
    fields: {
      name: { t: "str" },
      "vlan-id": { t: "int", required: true, min: 1, max: 4094 },
      interface: { t: "iface", required: true },
      mtu: { t: "int", def: "1500", min: 64, max: 65535 },
      arp: {
        t: "enum",
        def: "enabled",
        values: ["enabled", "disabled", "proxy-arp", "reply-only", "local-proxy-arp"],
      },
      "arp-timeout": { t: "str", def: "auto" },
      "use-service-tag": { t: "bool", def: "false" },
      "loop-protect": { t: "enum", def: "default", values: ["default", "on", "off"] },
      "loop-protect-disable-time": { t: "dur", def: "5m" },
      "loop-protect-send-interval": { t: "dur", def: "5s" },
      ...common,
      ...ifaceRo,
      "loop-protect-status": { t: "str", ro: true },
    },
  },
  {
    path: "interface/vrrp",
    isInterface: true,
    autoName: "vrrp",
    fields: {
      name: { t: "str" },
      interface: { t: "iface", required: true },
      vrid: { t: "int", def: "1", min: 1, max: 255 },
      priority: { t: "int", def: "100", min: 1, max: 254 },
      interval: { t: "dur", def: "1s" },
      "preemption-mode": { t: "bool", def: "true" },
      authentication: { t: "enum", def: "none", values: ["none", "simple", "ah"] },
      password: { t: "str", def: "" },
      version: { t: "int", def: "3", min: 2, max: 3 },
      "v3-protocol": { t: "enum", def: "ipv4", values: ["ipv4", "ipv6"] },
      arp: {
        t: "enum",
        def: "enabled",
        values: ["enabled", "disabled", "proxy-arp", "reply-only", "local-proxy-arp"],
      },
      "arp-timeout": { t: "str", def: "auto" },
      "on-master": { t: "str", def: "" },
      "on-backup": { t: "str", def: "" },
      "on-fail": { t: "str", def: "" },
      "sync-connection-tracking": { t: "bool", def: "false" },
      "remote-address": { t: "str" },
      "group-authority": { t: "str", def: "none" },
      ...common,
      ...ifaceRo,
      invalid: { t: "bool", ro: true },
      master: { t: "bool", ro: true },
      backup: { t: "bool", ro: true },
    },
  },
  {
    path: "interface/list",
    fields: {
      name: { t: "str", required: true },
      include: { t: "list", def: "" },
      exclude: { t: "list", def: "" },
      comment: { t: "str" },
      builtin: { t: "bool", ro: true, def: "false" },
      dynamic: { t: "bool", ro: true, def: "false" },
    },
    // The exact text is not documented (routeros-rest §12 lists none); a failure is certain.
    duplicate: (row, others) =>
      others.some((o) => o["name"] === row["name"]) ? "failure: already have such name" : undefined,
  },
  {
    path: "interface/list/member",
    fields: {
      list: { t: "str", required: true },
      interface: { t: "iface", required: true },
      ...common,
      dynamic: { t: "bool", ro: true, def: "false" },
    },
  },
  {
    path: "ip/route",
    fields: {
      "dst-address": { t: "addr", def: "0.0.0.0/0" },
      gateway: { t: "str" },
      distance: { t: "int", def: "1", min: 1, max: 255 },
      scope: { t: "int", def: "30" },
      "target-scope": { t: "int", def: "10" },
      "routing-table": { t: "str", def: "main" },
      "check-gateway": { t: "enum", values: ["arp", "bfd", "bfd-multihop", "none", "ping"] },
      "pref-src": { t: "str" },
      "vrf-interface": { t: "str" },
      "suppress-hw-offload": { t: "bool", def: "false" },
      ...common,
      active: { t: "bool", ro: true },
      inactive: { t: "bool", ro: true },
      dynamic: { t: "bool", ro: true, def: "false" },
      static: { t: "bool", ro: true, def: "true" },
      "immediate-gw": { t: "str", ro: true },
    },
  },
  {
    path: "tool/netwatch",
    fields: {
      host: { t: "str", required: true },
      type: {
        t: "enum",
        def: "simple",
        values: ["simple", "icmp", "tcp-conn", "http-get", "https-get", "dns"],
      },
      name: { t: "str" },
      interval: { t: "dur", def: "10s" },
      timeout: { t: "dur", def: "1s" },
      "start-delay": { t: "dur", def: "5s" },
      "src-address": { t: "str" },
      port: { t: "int", min: 1, max: 65535 },
      "up-script": { t: "str", def: "" },
      "down-script": { t: "str", def: "" },
      "test-script": { t: "str", def: "" },
      comment: { t: "str" },
      disabled: { t: "bool", def: "false" },
      status: { t: "str", ro: true, def: "unknown" },
      "done-tests": { t: "int", ro: true, def: "0" },
      "failed-tests": { t: "int", ro: true, def: "0" },
    },
  },
  { path: "ip/firewall/filter", ordered: true, fields: ruleFields(filterActions) },
  {
    path: "ip/firewall/nat",
    ordered: true,
    fields: ruleFields([
      ...filterActions.filter((a) => !["reject", "tarpit", "fasttrack-connection"].includes(a)),
      "dst-nat",
      "src-nat",
      "masquerade",
      "redirect",
      "netmap",
      "same",
      "endpoint-independent-nat",
    ]),
  },
  {
    path: "ip/firewall/address-list",
    fields: {
      list: { t: "str", required: true },
      address: { t: "str", required: true },
      timeout: { t: "dur", countdown: true },
      ...common,
      dynamic: { t: "bool", ro: true, def: "false" },
      "creation-time": { t: "str", ro: true },
    },
    duplicate: (row, others) =>
      others.some(same(["list", "address"]).bind(null, row))
        ? "failure: already have such entry"
        : undefined,
  },
  {
    path: "ip/dns/static",
    ordered: true,
    fields: {
      name: { t: "str" },
      regexp: { t: "str" },
      type: {
        t: "enum",
        def: "A",
        values: ["A", "AAAA", "CNAME", "FWD", "MX", "NS", "NXDOMAIN", "SRV", "TXT"],
      },
      address: { t: "str" },
      cname: { t: "str" },
      text: { t: "str" },
      "forward-to": { t: "str" },
      "mx-exchange": { t: "str" },
      "mx-preference": { t: "int" },
      ttl: { t: "dur", def: "1d" },
      "match-subdomain": { t: "bool", def: "false" },
      "address-list": { t: "str" },
      ...common,
      dynamic: { t: "bool", ro: true, def: "false" },
    },
    duplicate: (row, others) =>
      others.some(
        same(["name", "regexp", "type", "address", "cname", "text", "forward-to"]).bind(null, row),
      )
        ? "failure: entry already exists"
        : undefined,
  },
  {
    path: "ip/dns",
    singleton: true,
    fields: {
      servers: { t: "list", def: "" },
      "allow-remote-requests": { t: "bool", def: "false" },
      "cache-size": { t: "kib", def: "2048KiB" },
      "cache-max-ttl": { t: "dur", def: "1w" },
      "max-udp-packet-size": { t: "int", def: "4096" },
      "query-server-timeout": { t: "dur", def: "2s" },
      "query-total-timeout": { t: "dur", def: "10s" },
      "max-concurrent-queries": { t: "int", def: "100" },
      "max-concurrent-tcp-sessions": { t: "int", def: "20" },
      "use-doh-server": { t: "str", def: "" },
      "verify-doh-cert": { t: "bool", def: "false" },
      "cache-used": { t: "str", ro: true, def: "30KiB" },
      "dynamic-servers": { t: "str", ro: true, def: "" },
    },
  },
  { path: "system/identity", singleton: true, fields: { name: { t: "str", def: "MikroTik" } } },
  // `/system/script` (MikroTik manual "Scripting"): named scripts, source kept as written.
  {
    path: "system/script",
    fields: {
      name: { t: "str" },
      source: { t: "str", def: "" },
      policy: {
        t: "str",
        def: "ftp,reboot,read,write,policy,test,password,sniff,sensitive,romon",
      },
      "dont-require-permissions": { t: "bool", def: "false" },
      comment: { t: "str" },
      owner: { t: "str", ro: true, def: "admin" },
      "run-count": { t: "int", ro: true, def: "0" },
      invalid: { t: "bool", ro: true, def: "false" },
    },
    duplicate: (row, others) =>
      others.some((o) => o["name"] === row["name"])
        ? "failure: already have script with such name"
        : undefined,
  },
  // `/snmp` as RouterOS 7 prints it on a factory router (terraform-provider-routeros quotes the
  // REST row; the MikroTik manual gives the defaults): SNMP off, traps to nobody.
  {
    path: "snmp",
    singleton: true,
    fields: {
      enabled: { t: "bool", def: "false" },
      contact: { t: "str", def: "" },
      location: { t: "str", def: "" },
      "engine-id": { t: "str", ro: true, def: "80003a8c04" },
      "engine-id-suffix": { t: "str", def: "" },
      "src-address": { t: "str", def: "::" },
      "trap-community": { t: "str", def: "public" },
      "trap-generators": { t: "str", def: "temp-exception" },
      "trap-interfaces": { t: "str" },
      "trap-target": { t: "list", def: "" },
      "trap-version": { t: "int", def: "1", min: 1, max: 3 },
      vrf: { t: "str", def: "main" },
    },
  },
  {
    path: "snmp/community",
    fields: {
      name: { t: "str", required: true },
      // `address` (singular, default 0.0.0.0/0) in the v6 manual; RouterOS 7 prints `addresses`
      // and `::/0`, which admits every IPv4 and IPv6 source.
      addresses: { t: "addrs", def: "::/0" },
      security: { t: "enum", def: "none", values: ["none", "authorized", "private"] },
      "read-access": { t: "bool", def: "true" },
      "write-access": { t: "bool", def: "false" },
      "authentication-protocol": { t: "enum", def: "MD5", values: ["MD5", "SHA1"] },
      // Printed in clear over REST, "" when unset (like the VRRP password).
      "authentication-password": { t: "str", def: "" },
      "encryption-protocol": { t: "enum", def: "DES", values: ["DES", "AES"] },
      "encryption-password": { t: "str", def: "" },
      ...common,
      default: { t: "bool", ro: true, def: "false" },
    },
    // Names are unique (a v3 user is looked up by it). The exact text is not documented.
    duplicate: (row, others) =>
      others.some((o) => o["name"] === row["name"])
        ? "failure: already have community with such name"
        : undefined,
    factoryRows: [{ name: "public", default: "true" }],
    // The router refuses to remove the default community; the exact text is not documented.
    factoryRemove: "failure: can not remove default community",
  },
];

/** Ethernet ports present on a factory router. */
export const ETHERNETS = ["ether1", "ether2", "ether3", "ether4", "ether5"];
