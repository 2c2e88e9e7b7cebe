/** `/ip/firewall/address-list` entry. */
import type * as pulumi from "@pulumi/pulumi";
import { menuType } from "../definition";
import { COMMON, fields } from "../specHelpers";
import { RouterOsResource, type CommonArgs, type In, type Out } from "../resource";

export const addressListEntryType = menuType({
  type: "AddressListEntry",
  menu: "ip/firewall/address-list",
  adopt: "duplicate",
  deleteBeforeReplace: true,
  required: ["list", "address"],
  fields: fields({
    list: ["string", { key: true }],
    address: ["cidr", { key: true, format: "listAddress" }],
    // A timed entry is `dynamic` and prints the time left, never the timeout written.
    timeout: ["duration", { unsetWhenAbsent: true, countsDown: true }],
    ...COMMON,
  }),
});

export interface AddressListEntryArgs extends CommonArgs {
  list: In<string>;
  /** Address, prefix, range (`a-b`) or DNS name. */
  address: In<string>;
  /** Makes a timed entry: RouterOS removes it when the time is up. */
  timeout?: In<string>;
}

export class AddressListEntry extends RouterOsResource {
  declare readonly list: Out<string>;
  declare readonly address: Out<string>;
  constructor(name: string, args: AddressListEntryArgs, opts?: pulumi.CustomResourceOptions) {
    super(addressListEntryType.name, name, { ...args }, opts);
  }
}
