/** IP-level resources: routes, netwatch, firewall rules, address lists, DNS records. */
import type * as pulumi from "@pulumi/pulumi";
import { RouterOsResource, type RouterArgs } from "./resource-base";

type In<T> = pulumi.Input<T>;
type Out<T> = pulumi.Output<T>;

interface CommonArgs extends RouterArgs {
  comment?: In<string>;
  disabled?: In<boolean>;
}

export interface IpRouteArgs extends CommonArgs {
  /** @default "0.0.0.0/0" */
  dstAddress?: In<string>;
  gateway: In<string>;
  /** Lower wins; the backup uplink of a dual-uplink pair gets a higher distance. */
  distance?: In<number>;
  /** `ping` makes a dead uplink's route inactive so the other one takes over. */
  checkGateway?: In<"arp" | "bfd" | "bfd-multihop" | "none" | "ping">;
  /** @default "main" */
  routingTable?: In<string>;
  scope?: In<number>;
  targetScope?: In<number>;
  prefSrc?: In<string>;
  vrfInterface?: In<string>;
  suppressHwOffload?: In<boolean>;
}

/** `/ip/route`. Adopted by (dstAddress, gateway, routingTable). */
export class IpRoute extends RouterOsResource {
  declare readonly dstAddress: Out<string | undefined>;
  declare readonly gateway: Out<string>;
  declare readonly distance: Out<number | undefined>;
  declare readonly checkGateway: Out<string | undefined>;
  constructor(name: string, args: IpRouteArgs, opts?: pulumi.CustomResourceOptions) {
    super("IpRoute", name, { ...args }, opts);
  }
}

export interface NetwatchArgs extends CommonArgs {
  host: In<string>;
  type?: In<string>;
  name?: In<string>;
  interval?: In<string>;
  timeout?: In<string>;
  startDelay?: In<string>;
  srcAddress?: In<string>;
  port?: In<number>;
  upScript?: In<string>;
  downScript?: In<string>;
  testScript?: In<string>;
}

/** `/tool/netwatch`. Adopted by (host, type). */
export class Netwatch extends RouterOsResource {
  declare readonly host: Out<string>;
  constructor(name: string, args: NetwatchArgs, opts?: pulumi.CustomResourceOptions) {
    super("Netwatch", name, { ...args }, opts);
  }
}

/** Matchers and parameters shared by filter and NAT rules; unset ones are removed with `!field`. */
export interface RuleArgs extends CommonArgs {
  chain: In<string>;
  /** Required and unique within the chain: it is the rule's identity (adoption, ordering). */
  comment: In<string>;
  action: In<string>;
  srcAddress?: In<string>;
  dstAddress?: In<string>;
  srcAddressList?: In<string>;
  dstAddressList?: In<string>;
  protocol?: In<string>;
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

export interface FirewallFilterRuleArgs extends RuleArgs {
  rejectWith?: In<string>;
}

/** `/ip/firewall/filter` rule. */
export class FirewallFilterRule extends RouterOsResource {
  declare readonly chain: Out<string>;
  declare readonly comment: Out<string>;
  declare readonly action: Out<string>;
  constructor(name: string, args: FirewallFilterRuleArgs, opts?: pulumi.CustomResourceOptions) {
    super("FirewallFilterRule", name, { ...args }, opts);
  }
}

export interface NatRuleArgs extends RuleArgs {
  toAddresses?: In<string>;
  toPorts?: In<string>;
}

/** `/ip/firewall/nat` rule. */
export class NatRule extends RouterOsResource {
  declare readonly chain: Out<string>;
  declare readonly comment: Out<string>;
  declare readonly action: Out<string>;
  constructor(name: string, args: NatRuleArgs, opts?: pulumi.CustomResourceOptions) {
    super("NatRule", name, { ...args }, opts);
  }
}

export interface AddressListEntryArgs extends CommonArgs {
  list: In<string>;
  address: In<string>;
  timeout?: In<string>;
}

/** `/ip/firewall/address-list` entry. */
export class AddressListEntry extends RouterOsResource {
  declare readonly list: Out<string>;
  declare readonly address: Out<string>;
  constructor(name: string, args: AddressListEntryArgs, opts?: pulumi.CustomResourceOptions) {
    super("AddressListEntry", name, { ...args }, opts);
  }
}

export interface DnsStaticRecordArgs extends CommonArgs {
  name?: In<string>;
  regexp?: In<string>;
  /** @default "A" */
  type?: In<"A" | "AAAA" | "CNAME" | "FWD" | "MX" | "NS" | "NXDOMAIN" | "SRV" | "TXT">;
  address?: In<string>;
  cname?: In<string>;
  text?: In<string>;
  forwardTo?: In<string>;
  mxExchange?: In<string>;
  mxPreference?: In<number>;
  ttl?: In<string>;
  matchSubdomain?: In<boolean>;
  addressList?: In<string>;
  placeBefore?: In<string>;
}

/** `/ip/dns/static` record. Adopted by (name|regexp, type, value). */
export class DnsStaticRecord extends RouterOsResource {
  declare readonly name: Out<string | undefined>;
  declare readonly address: Out<string | undefined>;
  declare readonly ttl: Out<string | undefined>;
  constructor(name: string, args: DnsStaticRecordArgs, opts?: pulumi.CustomResourceOptions) {
    super("DnsStaticRecord", name, { ...args }, opts);
  }
}
