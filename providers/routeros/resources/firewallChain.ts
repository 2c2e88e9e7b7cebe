/** Keeps one firewall chain in the declared order with `move`; reports undeclared rules. */
import type * as pulumi from "@pulumi/pulumi";
import { chainType } from "../definition";
import { RouterOsResource, type In, type Out, type RouterArgs } from "../resource";

export const firewallChainType = chainType("FirewallChain");

export interface FirewallChainArgs extends RouterArgs {
  table: In<"filter" | "nat">;
  chain: In<string>;
  /** Rule comments or `routerosId`s in evaluation order (pass rule outputs to get dependencies). */
  rules: In<In<string>[]>;
  /** Delete rules of the chain that are not declared. @default false (only reported) */
  removeUndeclared?: In<boolean>;
}

export class FirewallChain extends RouterOsResource {
  declare readonly rules: Out<string[]>;
  declare readonly ruleIds: Out<string[]>;
  /** Rules found in the chain that nobody declared (a warning; removed if `removeUndeclared`). */
  declare readonly undeclared: Out<string[]>;
  declare readonly inOrder: Out<boolean>;
  constructor(name: string, args: FirewallChainArgs, opts?: pulumi.CustomResourceOptions) {
    const computed = { ruleIds: undefined, undeclared: undefined, inOrder: undefined };
    super(firewallChainType.name, name, { ...computed, ...args }, opts);
  }
}
