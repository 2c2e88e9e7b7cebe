/** `/interface/vlan`. */
import type * as pulumi from "@pulumi/pulumi";
import { menuType } from "../definition";
import { COMMON, fields } from "../specHelpers";
import { RouterOsResource, type CommonArgs, type In, type Out } from "../resource";

export const vlanType = menuType({
  type: "Vlan",
  menu: "interface/vlan",
  adopt: "duplicate",
  deleteBeforeReplace: true,
  required: ["name", "vlanId", "interface"],
  fields: fields({
    name: ["string", { key: true, replace: true }],
    vlanId: ["int", { min: 1, max: 4094 }],
    interface: "string",
    mtu: ["int", { min: 64, max: 65535 }],
    arp: "string",
    useServiceTag: "bool",
    loopProtect: "string",
    ...COMMON,
  }),
});

export interface VlanArgs extends CommonArgs {
  name: In<string>;
  vlanId: In<number>;
  /** Parent interface (a bridge or ethernet port). */
  interface: In<string>;
  mtu?: In<number>;
  arp?: In<string>;
  useServiceTag?: In<boolean>;
  loopProtect?: In<string>;
}

export class Vlan extends RouterOsResource {
  declare readonly name: Out<string>;
  declare readonly vlanId: Out<number>;
  declare readonly interface: Out<string>;
  declare readonly mtu: Out<number | undefined>;
  declare readonly comment: Out<string | undefined>;
  constructor(name: string, args: VlanArgs, opts?: pulumi.CustomResourceOptions) {
    super(vlanType.name, name, { ...args }, opts);
  }
}
