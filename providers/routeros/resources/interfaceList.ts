/** `/interface/list`. */
import type * as pulumi from "@pulumi/pulumi";
import { menuType } from "../definition";
import { fields } from "../specHelpers";
import { RouterOsResource, type In, type Out, type RouterArgs } from "../resource";

export const interfaceListType = menuType({
  type: "InterfaceList",
  menu: "interface/list",
  // The duplicate-name error text of this menu is not documented: look the name up instead.
  adopt: "lookup",
  deleteBeforeReplace: true,
  required: ["name"],
  fields: fields({
    name: ["string", { key: true, replace: true }],
    include: ["set", { unsetWhenAbsent: true }],
    exclude: ["set", { unsetWhenAbsent: true }],
    comment: ["string", { unsetWhenAbsent: true }],
  }),
});

export interface InterfaceListArgs extends RouterArgs {
  name: In<string>;
  include?: In<string[]>;
  exclude?: In<string[]>;
  comment?: In<string>;
}

export class InterfaceList extends RouterOsResource {
  declare readonly name: Out<string>;
  constructor(name: string, args: InterfaceListArgs, opts?: pulumi.CustomResourceOptions) {
    super(interfaceListType.name, name, { ...args }, opts);
  }
}
