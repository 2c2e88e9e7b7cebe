/**
 * The one list of RouterOS resource types. Everything per type is generated from it: the
 * implementations the runtime bundle exports (runtime.ts) and the thin providers resources hand
 * to Pulumi (`thinProviders` here). A new type is one file under resources/ plus one line here.
 *
 * API, do not change: every type name is called by thin providers stored in existing stacks'
 * state (see thinProvider.ts); add names, never rename or remove one.
 */
import type { ResourceType } from "./definition";
import { addressListEntryType } from "./resources/addressListEntry";
import { bridgeType } from "./resources/bridge";
import { bridgePortType } from "./resources/bridgePort";
import { dnsSettingsType } from "./resources/dnsSettings";
import { dnsStaticRecordType } from "./resources/dnsStaticRecord";
import { firewallChainType } from "./resources/firewallChain";
import { firewallFilterRuleType } from "./resources/firewallFilterRule";
import { interfaceListType } from "./resources/interfaceList";
import { interfaceListMemberType } from "./resources/interfaceListMember";
import { ipAddressType } from "./resources/ipAddress";
import { ipRouteType } from "./resources/ipRoute";
import { natRuleType } from "./resources/natRule";
import { netwatchType } from "./resources/netwatch";
import { snmpCommunityType } from "./resources/snmpCommunity";
import { snmpSettingsType } from "./resources/snmpSettings";
import { systemIdentityType } from "./resources/systemIdentity";
import { vlanType } from "./resources/vlan";
import { vrrpInterfaceType } from "./resources/vrrpInterface";

export const RESOURCE_TYPES = [
  ipAddressType,
  bridgeType,
  bridgePortType,
  vlanType,
  vrrpInterfaceType,
  interfaceListType,
  interfaceListMemberType,
  ipRouteType,
  netwatchType,
  firewallFilterRuleType,
  natRuleType,
  addressListEntryType,
  dnsStaticRecordType,
  dnsSettingsType,
  systemIdentityType,
  firewallChainType,
  snmpSettingsType,
  snmpCommunityType,
] as const satisfies readonly ResourceType[];

type Listed = (typeof RESOURCE_TYPES)[number];

/** Pulumi type name of a RouterOS resource (token `pulumi-nodejs:dynamic/routeros:<name>`). */
export type ProviderName = Listed["name"];

/** The listed type called `N`. */
export type TypeNamed<N extends ProviderName> = Extract<Listed, { name: N }>;

/** `{ [name]: f(type) }` over the list, keeping each name's own type. */
export function byName<R extends { [N in ProviderName]: unknown }>(
  f: (type: ResourceType) => R[ProviderName],
): R {
  return Object.fromEntries(RESOURCE_TYPES.map((t) => [t.name, f(t)])) as R;
}
