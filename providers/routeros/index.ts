/**
 * RouterOS v7 resources over the REST API, as Pulumi dynamic resources
 * (`pulumi-nodejs:dynamic/routeros:<Type>`).
 *
 * Credentials: stack config `baremetal:routerosUsername` + secret `baremetal:routerosPassword`
 * (or env `ROUTEROS_USERNAME` / `ROUTEROS_PASSWORD`), read by the providers' `configure`.
 * Each resource takes `router: { url, caFile?, insecure? }`.
 */
export type { RouterConnection } from "./types";
export {
  Bridge,
  BridgePort,
  InterfaceList,
  InterfaceListMember,
  IpAddress,
  Vlan,
  VrrpInterface,
} from "./resources-interface";
export type {
  BridgeArgs,
  BridgePortArgs,
  InterfaceListArgs,
  InterfaceListMemberArgs,
} from "./resources-interface";
export type { IpAddressArgs, VlanArgs, VrrpInterfaceArgs } from "./resources-interface";
export { AddressListEntry, DnsStaticRecord, FirewallFilterRule, IpRoute } from "./resources-ip";
export { NatRule, Netwatch } from "./resources-ip";
export type {
  AddressListEntryArgs,
  DnsStaticRecordArgs,
  FirewallFilterRuleArgs,
} from "./resources-ip";
export type { IpRouteArgs, NatRuleArgs, NetwatchArgs, RuleArgs } from "./resources-ip";
export { DnsSettings, FirewallChain, SystemIdentity } from "./resources-settings";
export type { DnsSettingsArgs, FirewallChainArgs, SystemIdentityArgs } from "./resources-settings";
export { SnmpCommunity, SnmpSettings } from "./resources-snmp";
export type { SnmpCommunityArgs, SnmpSettingsArgs } from "./resources-snmp";
export { providers } from "./providers";
export { clearReadCache } from "./registry";
