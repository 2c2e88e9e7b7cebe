/** `/ip/firewall/filter` rule. */
import type * as pulumi from "@pulumi/pulumi";
import { menuType } from "../definition";
import { fields } from "../specHelpers";
import { RouterOsResource, type In, type Out } from "../resource";
import { FILTER_ACTIONS, RULE_MATCHERS, type RuleArgs } from "./firewallMatchers";

export const firewallFilterRuleType = menuType({
  type: "FirewallFilterRule",
  menu: "ip/firewall/filter",
  adopt: "lookup",
  deleteBeforeReplace: false,
  required: ["chain", "comment", "action"],
  fields: fields({
    ...RULE_MATCHERS,
    action: ["string", { oneOf: FILTER_ACTIONS }],
    rejectWith: ["string", { unsetWhenAbsent: true }],
  }),
});

export interface FirewallFilterRuleArgs extends RuleArgs {
  rejectWith?: In<string>;
}

export class FirewallFilterRule extends RouterOsResource {
  declare readonly chain: Out<string>;
  declare readonly comment: Out<string>;
  declare readonly action: Out<string>;
  constructor(name: string, args: FirewallFilterRuleArgs, opts?: pulumi.CustomResourceOptions) {
    super(firewallFilterRuleType.name, name, { ...args }, opts);
  }
}
