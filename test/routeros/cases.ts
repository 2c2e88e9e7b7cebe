/** One lifecycle case per list resource type, shared by the lifecycle and conformance tests. */
import type { ProviderName } from "../../providers/routeros/runtime";

export interface LifecycleCase {
  type: Exclude<ProviderName, "DnsSettings" | "SystemIdentity" | "SnmpSettings" | "FirewallChain">;
  menu: string;
  /** Program inputs without `router`. */
  create: Record<string, unknown>;
  /** Changes applied for the update step. */
  update: Record<string, unknown>;
  /** A RouterOS field changed behind Pulumi's back, with its new value. */
  drift: [string, string];
  /** Rows to create first (menu, body), e.g. the parent interface. */
  before?: [string, Record<string, string>][];
}

export const CASES: LifecycleCase[] = [
  {
    type: "Bridge",
    menu: "interface/bridge",
    create: { name: "br-t", vlanFiltering: true, ageingTime: "300s", comment: "t" },
    update: { ageingTime: "10m", protocolMode: "none" },
    drift: ["vlan-filtering", "no"],
  },
  {
    type: "BridgePort",
    menu: "interface/bridge/port",
    before: [["interface/bridge", { name: "br-port-t" }]],
    create: { bridge: "br-port-t", interface: "ether5", pvid: 10 },
    update: { pvid: 20, comment: "trunk" },
    drift: ["pvid", "30"],
  },
  {
    type: "Vlan",
    menu: "interface/vlan",
    create: { name: "vl-t", vlanId: 42, interface: "ether2", mtu: 1500 },
    update: { vlanId: 43, comment: "moved" },
    drift: ["vlan-id", "99"],
  },
  {
    type: "VrrpInterface",
    menu: "interface/vrrp",
    create: {
      name: "vr-t",
      interface: "ether3",
      vrid: 7,
      priority: 254,
      password: "pw",
      authentication: "simple",
      version: 2,
      interval: "1000ms",
    },
    update: { priority: 100, preemptionMode: false },
    drift: ["priority", "50"],
  },
  {
    type: "InterfaceList",
    menu: "interface/list",
    create: { name: "WAN-t", comment: "uplinks" },
    update: { include: ["static"] },
    drift: ["comment", "changed"],
  },
  {
    type: "InterfaceListMember",
    menu: "interface/list/member",
    before: [["interface/list", { name: "LAN-t" }]],
    create: { list: "LAN-t", interface: "ether4" },
    update: { comment: "lan port" },
    drift: ["disabled", "yes"],
  },
  {
    type: "IpAddress",
    menu: "ip/address",
    create: { address: "192.0.2.1", interface: "ether1" },
    update: { comment: "vip" },
    drift: ["comment", "x"],
  },
  {
    type: "IpRoute",
    menu: "ip/route",
    create: { gateway: "198.51.100.1", distance: 1, checkGateway: "ping", comment: "uplink-a" },
    update: { distance: 2, disabled: true },
    drift: ["check-gateway", "arp"],
  },
  {
    type: "Netwatch",
    menu: "tool/netwatch",
    create: { host: "198.51.100.1", interval: "30s", timeout: "1000ms", comment: "gw" },
    update: { interval: "1m", disabled: true },
    drift: ["interval", "5s"],
  },
  {
    type: "FirewallFilterRule",
    menu: "ip/firewall/filter",
    create: {
      chain: "input",
      action: "accept",
      comment: "est",
      connectionState: ["established", "related"],
    },
    update: { connectionState: ["established"], log: true, dstPort: "22" },
    drift: ["dst-port", "23"],
  },
  {
    type: "NatRule",
    menu: "ip/firewall/nat",
    create: { chain: "srcnat", action: "masquerade", comment: "wan", outInterface: "ether1" },
    update: { outInterface: "ether2", disabled: false },
    drift: ["out-interface", "ether5"],
  },
  {
    type: "AddressListEntry",
    menu: "ip/firewall/address-list",
    create: { list: "mgmt-t", address: "203.0.113.7", comment: "bastion" },
    update: { timeout: "1d" },
    drift: ["comment", "other"],
  },
  {
    type: "DnsStaticRecord",
    menu: "ip/dns/static",
    create: { name: "api.t.internal", address: "10.9.0.1", ttl: "24h" },
    update: { ttl: "5m", comment: "api" },
    drift: ["ttl", "1h"],
  },
  {
    type: "SnmpCommunity",
    menu: "snmp/community",
    create: {
      name: "monitor-t",
      addresses: ["10.20.0.0/24", "10.30.0.7"],
      security: "private",
      authenticationProtocol: "SHA1",
      authenticationPassword: "auth-pw-lifecycle",
      encryptionProtocol: "AES",
      encryptionPassword: "priv-pw-lifecycle",
      readAccess: true,
      writeAccess: false,
    },
    update: { addresses: ["10.20.0.0/24"], encryptionPassword: "priv-pw-rotated", comment: "v3" },
    drift: ["write-access", "yes"],
  },
];
