/** `/ip/address`. */
import type * as pulumi from "@pulumi/pulumi";
import { menuType } from "../definition";
import { COMMON, fields } from "../specHelpers";
import { RouterOsResource, type CommonArgs, type In, type Out } from "../resource";

export const ipAddressType = menuType({
  type: "IpAddress",
  menu: "ip/address",
  adopt: "duplicate",
  deleteBeforeReplace: true,
  required: ["address", "interface"],
  fields: fields({
    address: ["cidr", { key: true, format: "prefix" }],
    interface: ["string", { key: true }],
    network: ["string", { format: "ip" }],
    ...COMMON,
  }),
});

export interface IpAddressArgs extends CommonArgs {
  /** CIDR; a bare address means /32, as on the router. */
  address: In<string>;
  interface: In<string>;
  network?: In<string>;
}

export class IpAddress extends RouterOsResource {
  declare readonly address: Out<string>;
  declare readonly interface: Out<string>;
  constructor(name: string, args: IpAddressArgs, opts?: pulumi.CustomResourceOptions) {
    super(ipAddressType.name, name, { ...args }, opts);
  }
}
