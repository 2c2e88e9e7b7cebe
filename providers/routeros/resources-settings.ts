/** Settings menus (singletons) and the firewall chain order. */
import type * as pulumi from "@pulumi/pulumi";
import { RouterOsResource, type RouterArgs } from "./resource-base";

type In<T> = pulumi.Input<T>;
type Out<T> = pulumi.Output<T>;

export interface DnsSettingsArgs extends RouterArgs {
  servers?: In<string[]>;
  allowRemoteRequests?: In<boolean>;
  /** KiB (`2048`, or `"2048KiB"` as RouterOS prints it). */
  cacheSize?: In<string | number>;
  cacheMaxTtl?: In<string>;
  maxUdpPacketSize?: In<number>;
  queryServerTimeout?: In<string>;
  queryTotalTimeout?: In<string>;
  maxConcurrentQueries?: In<number>;
  maxConcurrentTcpSessions?: In<number>;
  useDohServer?: In<string>;
  verifyDohCert?: In<boolean>;
}

/** `/ip/dns` settings. Deleting the resource restores the values found before the first set. */
export class DnsSettings extends RouterOsResource {
  declare readonly servers: Out<string[] | undefined>;
  declare readonly allowRemoteRequests: Out<boolean | undefined>;
  declare readonly original: Out<Record<string, string>>;
  constructor(name: string, args: DnsSettingsArgs, opts?: pulumi.CustomResourceOptions) {
    super("DnsSettings", name, { original: undefined, ...args }, opts);
  }
}

export interface SystemIdentityArgs extends RouterArgs {
  name: In<string>;
}

/** `/system/identity`. Deleting the resource restores the previous name. */
export class SystemIdentity extends RouterOsResource {
  declare readonly name: Out<string>;
  declare readonly original: Out<Record<string, string>>;
  constructor(name: string, args: SystemIdentityArgs, opts?: pulumi.CustomResourceOptions) {
    super("SystemIdentity", name, { original: undefined, ...args }, opts);
  }
}

export interface FirewallChainArgs extends RouterArgs {
  table: In<"filter" | "nat">;
  chain: In<string>;
  /** Rule comments or `routerosId`s in evaluation order (pass rule outputs to get dependencies). */
  rules: In<In<string>[]>;
  /** Delete rules of the chain that are not declared. @default false (only reported) */
  removeUndeclared?: In<boolean>;
}

/** Keeps one firewall chain in the declared order with `move`; reports undeclared rules. */
export class FirewallChain extends RouterOsResource {
  declare readonly rules: Out<string[]>;
  declare readonly ruleIds: Out<string[]>;
  /** Rules found in the chain that nobody declared (a warning; removed if `removeUndeclared`). */
  declare readonly undeclared: Out<string[]>;
  declare readonly inOrder: Out<boolean>;
  constructor(name: string, args: FirewallChainArgs, opts?: pulumi.CustomResourceOptions) {
    const computed = { ruleIds: undefined, undeclared: undefined, inOrder: undefined };
    super("FirewallChain", name, { ...computed, ...args }, opts);
  }
}
