/**
 * Conformance cases: one per resource type, inside an isolated namespace (a test bridge and VLAN,
 * names and comments tagged with a random suffix, TEST-NET addresses, custom firewall chains that
 * nothing jumps to, a disabled SNMP community limited to TEST-NET sources). Values avoid anything
 * that could affect a production router's traffic; the `/snmp` settings case touches only the
 * contact and location strings, never whether SNMP runs.
 */
import type { ProviderName } from "../providers/routeros/runtime";

export interface ConformanceCase {
  type: Exclude<ProviderName, "FirewallChain">;
  menu: string;
  create: Record<string, unknown>;
  update: Record<string, unknown>;
  /** RouterOS field and value set out of band to prove drift detection. */
  drift?: [string, string];
  settings?: boolean;
}

export function conformanceCases(tag: string, originalIdentity: string): ConformanceCase[] {
  const br = `cf-br-${tag}`;
  const vl = `cf-vl-${tag}`;
  const comment = `conformance ${tag}`;
  return [
    {
      type: "Bridge",
      menu: "interface/bridge",
      create: { name: br, comment },
      update: { ageingTime: "10m" },
      drift: ["ageing-time", "1m"],
    },
    {
      type: "Vlan",
      menu: "interface/vlan",
      create: { name: vl, vlanId: 3999, interface: br, comment },
      update: { mtu: 1400 },
      drift: ["mtu", "1500"],
    },
    {
      type: "Bridge",
      menu: "interface/bridge",
      create: { name: `cf-br2-${tag}`, comment },
      update: { protocolMode: "none" },
      drift: ["protocol-mode", "rstp"],
    },
    // The test VLAN (on the test bridge) as a port of a second test bridge: touches no real port.
    {
      type: "BridgePort",
      menu: "interface/bridge/port",
      create: { bridge: `cf-br2-${tag}`, interface: vl, comment },
      update: { pvid: 20 },
      drift: ["pvid", "30"],
    },
    {
      type: "VrrpInterface",
      menu: "interface/vrrp",
      create: {
        name: `cf-vr-${tag}`,
        interface: vl,
        vrid: 250,
        priority: 10,
        comment,
        disabled: true,
      },
      update: { priority: 20, password: "cf-secret" },
      drift: ["priority", "30"],
    },
    {
      type: "InterfaceList",
      menu: "interface/list",
      create: { name: `cf-list-${tag}`, comment },
      update: { comment: `${comment} upd` },
      drift: ["comment", "changed"],
    },
    {
      type: "InterfaceListMember",
      menu: "interface/list/member",
      create: { list: `cf-list-${tag}`, interface: br, comment },
      update: { disabled: true },
      drift: ["disabled", "no"],
    },
    {
      type: "IpAddress",
      menu: "ip/address",
      create: { address: "198.18.250.1/30", interface: vl, comment },
      update: { disabled: true },
      drift: ["disabled", "no"],
    },
    {
      type: "IpRoute",
      menu: "ip/route",
      create: {
        dstAddress: "198.18.251.0/24",
        gateway: "198.18.250.2",
        distance: 250,
        checkGateway: "ping",
        comment,
      },
      update: { distance: 249 },
      drift: ["check-gateway", "arp"],
    },
    {
      type: "Netwatch",
      menu: "tool/netwatch",
      create: { host: "198.18.250.2", interval: "1m", comment, disabled: true },
      update: { interval: "2m" },
      drift: ["interval", "30s"],
    },
    {
      type: "FirewallFilterRule",
      menu: "ip/firewall/filter",
      create: {
        chain: `cf-${tag}`,
        action: "accept",
        comment: `${comment} a`,
        protocol: "tcp",
        dstPort: "9",
      },
      update: { dstPort: "19" },
      drift: ["dst-port", "29"],
    },
    {
      type: "FirewallFilterRule",
      menu: "ip/firewall/filter",
      create: { chain: `cf-${tag}`, action: "return", comment: `${comment} b` },
      update: { log: true },
      drift: ["action", "accept"],
    },
    {
      type: "NatRule",
      menu: "ip/firewall/nat",
      create: { chain: `cf-${tag}`, action: "accept", comment, srcAddress: "198.18.250.0/30" },
      update: { srcAddress: "198.18.250.4/30" },
      drift: ["src-address", "198.18.250.8/30"],
    },
    {
      type: "AddressListEntry",
      menu: "ip/firewall/address-list",
      create: { list: `cf-${tag}`, address: "198.18.250.9", comment },
      update: { comment: `${comment} upd` },
      drift: ["comment", "changed"],
    },
    {
      type: "DnsStaticRecord",
      menu: "ip/dns/static",
      create: {
        name: `cf-${tag}.conformance.invalid`,
        address: "198.18.250.10",
        ttl: "24h",
        comment,
      },
      update: { ttl: "5m" },
      drift: ["ttl", "1h"],
    },
    {
      type: "SnmpCommunity",
      menu: "snmp/community",
      create: {
        name: `cf-snmp-${tag}`,
        addresses: ["198.18.250.0/30"],
        security: "private",
        authenticationProtocol: "SHA1",
        authenticationPassword: `snmpauth-${tag}-cf`,
        encryptionProtocol: "AES",
        encryptionPassword: `snmppriv-${tag}-cf`,
        readAccess: true,
        writeAccess: false,
        disabled: true,
        comment,
      },
      update: { addresses: ["198.18.250.4/30"], encryptionPassword: `snmppriv-${tag}-cf2` },
      drift: ["write-access", "yes"],
    },
    {
      type: "SnmpSettings",
      menu: "snmp",
      settings: true,
      create: { contact: `conformance ${tag}` },
      update: { location: `conformance ${tag}` },
      drift: ["contact", `conformance ${tag} changed`],
    },
    {
      type: "DnsSettings",
      menu: "ip/dns",
      settings: true,
      create: { cacheMaxTtl: "6d" },
      update: { cacheMaxTtl: "5d" },
      drift: ["cache-max-ttl", "4d"],
    },
    {
      type: "SystemIdentity",
      menu: "system/identity",
      settings: true,
      create: { name: `${originalIdentity}-cf` },
      update: { name: `${originalIdentity}-cf2` },
      drift: ["name", `${originalIdentity}-cf3`],
    },
  ];
}
