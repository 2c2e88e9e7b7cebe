/** `/system/identity`. Deleting the resource restores the previous name. */
import type * as pulumi from "@pulumi/pulumi";
import { settingsType } from "../definition";
import { fields } from "../specHelpers";
import { RouterOsResource, type In, type Out, type RouterArgs } from "../resource";

export const systemIdentityType = settingsType({
  type: "SystemIdentity",
  menu: "system/identity",
  adopt: "lookup",
  deleteBeforeReplace: true,
  required: ["name"],
  fields: fields({ name: "string" }),
});

export interface SystemIdentityArgs extends RouterArgs {
  name: In<string>;
}

export class SystemIdentity extends RouterOsResource {
  declare readonly name: Out<string>;
  declare readonly original: Out<Record<string, string>>;
  constructor(name: string, args: SystemIdentityArgs, opts?: pulumi.CustomResourceOptions) {
    super(systemIdentityType.name, name, { original: undefined, ...args }, opts);
  }
}
