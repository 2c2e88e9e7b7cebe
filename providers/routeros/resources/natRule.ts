/** `/ip/firewall/nat` rule. */
import type * as pulumi from "@pulumi/pulumi";
import { menuType } from "../definition";
import { fields } from "../specHelpers";
import { RouterOsResource, type In, type Out } from "../resource";
import { FILTER_ACTIONS, RULE_MATCHERS, type RuleArgs } from "./firewallMatchers";

export const natRuleType = menuType({
  type: "NatRule",
  menu: "ip/firewall/nat",
  adopt: "lookup",
  deleteBeforeReplace: false,
  required: ["chain", "comment", "action"],
  fields: fields({
    ...RULE_MATCHERS,
    action: [
      "string",
      {
        oneOf: [
          ...FILTER_ACTIONS.filter(
            (a) => !["reject", "tarpit", "fasttrack-connection"].includes(a),
          ),
          "dst-nat",
          "src-nat",
          "masquerade",
          "redirect",
          "netmap",
          "same",
          "endpoint-independent-nat",
        ],
      },
    ],
    toAddresses: ["address", { unsetWhenAbsent: true, format: "target" }],
    toPorts: ["string", { unsetWhenAbsent: true, format: "ports" }],
  }),
});

export interface NatRuleArgs extends RuleArgs {
  toAddresses?: In<string>;
  toPorts?: In<string>;
}

export class NatRule extends RouterOsResource {
  declare readonly chain: Out<string>;
  declare readonly comment: Out<string>;
  declare readonly action: Out<string>;
  constructor(name: string, args: NatRuleArgs, opts?: pulumi.CustomResourceOptions) {
    super(natRuleType.name, name, { ...args }, opts);
  }
}
