/** `/interface/bridge/port`. Adopted by interface. */
import type * as pulumi from "@pulumi/pulumi";
import { menuType } from "../definition";
import { COMMON, fields } from "../specHelpers";
import { RouterOsResource, type CommonArgs, type In, type Out } from "../resource";

export const bridgePortType = menuType({
  type: "BridgePort",
  menu: "interface/bridge/port",
  // An interface can be a port of one bridge only; its duplicate error text is not documented.
  adopt: "lookup",
  deleteBeforeReplace: true,
  required: ["bridge", "interface"],
  fields: fields({
    interface: ["string", { key: true, replace: true }],
    bridge: "string",
    pvid: ["int", { min: 1, max: 4094 }],
    frameTypes: "string",
    ingressFiltering: "bool",
    edge: "string",
    horizon: "string",
    ...COMMON,
  }),
});

export interface BridgePortArgs extends CommonArgs {
  bridge: In<string>;
  /** The port; an interface belongs to one bridge only, a change replaces the port. */
  interface: In<string>;
  pvid?: In<number>;
  frameTypes?: In<string>;
  ingressFiltering?: In<boolean>;
  edge?: In<string>;
  horizon?: In<string>;
}

export class BridgePort extends RouterOsResource {
  declare readonly bridge: Out<string>;
  declare readonly interface: Out<string>;
  declare readonly pvid: Out<number | undefined>;
  constructor(name: string, args: BridgePortArgs, opts?: pulumi.CustomResourceOptions) {
    super(bridgePortType.name, name, { ...args }, opts);
  }
}
