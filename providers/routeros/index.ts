/**
 * RouterOS v7 resources over the REST API, as Pulumi dynamic resources
 * (`pulumi-nodejs:dynamic/routeros:<Type>`), one file per type under resources/ and one list of
 * them in catalog.ts.
 *
 * Credentials: stack config `baremetal:routerosUsername` + secret `baremetal:routerosPassword`
 * (or env `ROUTEROS_USERNAME` / `ROUTEROS_PASSWORD`), read by the providers' `configure`
 * (credentials.ts). Each resource takes `router: { url, caFile?, insecure?, allowInsecureHttp? }`.
 */
export type { RouterConnection } from "./types";
export type { RouterArgs, CommonArgs } from "./resource";
export * from "./resources/addressListEntry";
export * from "./resources/bridge";
export * from "./resources/bridgePort";
export * from "./resources/dnsSettings";
export * from "./resources/dnsStaticRecord";
export * from "./resources/firewallChain";
export * from "./resources/firewallFilterRule";
export type { RuleArgs } from "./resources/firewallMatchers";
export * from "./resources/interfaceList";
export * from "./resources/interfaceListMember";
export * from "./resources/ipAddress";
export * from "./resources/ipRoute";
export * from "./resources/natRule";
export * from "./resources/netwatch";
export * from "./resources/snmpCommunity";
export * from "./resources/snmpSettings";
export * from "./resources/systemIdentity";
export * from "./resources/vlan";
export * from "./resources/vrrpInterface";
export { providers } from "./runtime";
export { clearReadCache } from "./registry";
