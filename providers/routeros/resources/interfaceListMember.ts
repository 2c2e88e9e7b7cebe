/** `/interface/list/member`. */
import type * as pulumi from "@pulumi/pulumi";
import { menuType } from "../definition";
import { COMMON, fields } from "../specHelpers";
import { RouterOsResource, type CommonArgs, type In, type Out } from "../resource";

export const interfaceListMemberType = menuType({
  type: "InterfaceListMember",
  menu: "interface/list/member",
  adopt: "lookup",
  deleteBeforeReplace: true,
  required: ["list", "interface"],
  fields: fields({
    list: ["string", { key: true, replace: true }],
    interface: ["string", { key: true, replace: true }],
    ...COMMON,
  }),
});

export interface InterfaceListMemberArgs extends CommonArgs {
  list: In<string>;
  interface: In<string>;
}

export class InterfaceListMember extends RouterOsResource {
  declare readonly list: Out<string>;
  declare readonly interface: Out<string>;
  constructor(name: string, args: InterfaceListMemberArgs, opts?: pulumi.CustomResourceOptions) {
    super(interfaceListMemberType.name, name, { ...args }, opts);
  }
}
