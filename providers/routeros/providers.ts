/**
 * The one provider instance per resource type. Pulumi caches serialization by object identity,
 * so sharing an instance keeps `pulumi up` fast with hundreds of resources (pulumi-dynamic §5).
 */
import { FirewallChainProvider } from "./chain";
import { MenuProvider } from "./provider";
import { SingletonProvider } from "./singleton";
import { bridgePortSpec, bridgeSpec } from "./specs-interface";
import { interfaceListMemberSpec, interfaceListSpec } from "./specs-interface";
import { ipAddressSpec, vlanSpec, vrrpSpec } from "./specs-interface";
import { addressListSpec, dnsStaticSpec, firewallFilterSpec } from "./specs-ip";
import { ipRouteSpec, natRuleSpec, netwatchSpec } from "./specs-ip";
import { dnsSettingsSpec, systemIdentitySpec } from "./specs-settings";
import { snmpCommunitySpec, snmpSettingsSpec } from "./specs-snmp";

export const providers = {
  IpAddress: new MenuProvider(ipAddressSpec),
  Bridge: new MenuProvider(bridgeSpec),
  BridgePort: new MenuProvider(bridgePortSpec),
  Vlan: new MenuProvider(vlanSpec),
  VrrpInterface: new MenuProvider(vrrpSpec),
  InterfaceList: new MenuProvider(interfaceListSpec),
  InterfaceListMember: new MenuProvider(interfaceListMemberSpec),
  IpRoute: new MenuProvider(ipRouteSpec),
  Netwatch: new MenuProvider(netwatchSpec),
  FirewallFilterRule: new MenuProvider(firewallFilterSpec),
  NatRule: new MenuProvider(natRuleSpec),
  AddressListEntry: new MenuProvider(addressListSpec),
  DnsStaticRecord: new MenuProvider(dnsStaticSpec),
  DnsSettings: new SingletonProvider(dnsSettingsSpec),
  SystemIdentity: new SingletonProvider(systemIdentitySpec),
  FirewallChain: new FirewallChainProvider(),
  SnmpSettings: new SingletonProvider(snmpSettingsSpec),
  SnmpCommunity: new MenuProvider(snmpCommunitySpec),
} as const;

export type ProviderName = keyof typeof providers;
