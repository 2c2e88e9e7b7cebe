/** `/interface/bridge`. */
import type * as pulumi from "@pulumi/pulumi";
import { menuType } from "../definition";
import { COMMON, fields } from "../specHelpers";
import { RouterOsResource, type CommonArgs, type In, type Out } from "../resource";

export const bridgeType = menuType({
  type: "Bridge",
  menu: "interface/bridge",
  adopt: "duplicate",
  deleteBeforeReplace: true,
  required: ["name"],
  fields: fields({
    name: ["string", { key: true, replace: true }],
    mtu: "string",
    protocolMode: ["string", { oneOf: ["none", "stp", "rstp", "mstp"] }],
    vlanFiltering: "bool",
    pvid: ["int", { min: 1, max: 4094 }],
    frameTypes: "string",
    ingressFiltering: "bool",
    ageingTime: "duration",
    arp: "string",
    adminMac: "string",
    autoMac: "bool",
    fastForward: "bool",
    igmpSnooping: "bool",
    dhcpSnooping: "bool",
    ...COMMON,
  }),
});

export interface BridgeArgs extends CommonArgs {
  /** Interface name; unique per router, a change replaces the bridge. */
  name: In<string>;
  mtu?: In<string | number>;
  protocolMode?: In<"none" | "stp" | "rstp" | "mstp">;
  vlanFiltering?: In<boolean>;
  pvid?: In<number>;
  frameTypes?: In<string>;
  ingressFiltering?: In<boolean>;
  ageingTime?: In<string>;
  arp?: In<string>;
  adminMac?: In<string>;
  autoMac?: In<boolean>;
  fastForward?: In<boolean>;
  igmpSnooping?: In<boolean>;
  dhcpSnooping?: In<boolean>;
}

export class Bridge extends RouterOsResource {
  declare readonly name: Out<string>;
  declare readonly vlanFiltering: Out<boolean | undefined>;
  declare readonly comment: Out<string | undefined>;
  constructor(name: string, args: BridgeArgs, opts?: pulumi.CustomResourceOptions) {
    super(bridgeType.name, name, { ...args }, opts);
  }
}
