/** `/ip/dns/static` record. Adopted by (name|regexp, type, value). */
import type * as pulumi from "@pulumi/pulumi";
import { menuType } from "../definition";
import { COMMON, fields } from "../specHelpers";
import { RouterOsResource, type CommonArgs, type In, type Out } from "../resource";

export const dnsStaticRecordType = menuType({
  type: "DnsStaticRecord",
  menu: "ip/dns/static",
  // One name may have several addresses; only exact duplicates are rejected, so look up the key.
  adopt: "lookup",
  deleteBeforeReplace: false,
  required: [],
  fields: fields({
    name: ["string", { key: true }],
    regexp: ["string", { key: true }],
    type: [
      "string",
      {
        key: true,
        absentAs: "A",
        oneOf: ["a", "aaaa", "cname", "fwd", "mx", "ns", "nxdomain", "srv", "txt"],
      },
    ],
    address: ["string", { key: true, format: "ip" }],
    cname: ["string", { key: true }],
    text: ["string", { key: true }],
    forwardTo: ["string", { key: true }],
    mxExchange: ["string", { key: true }],
    mxPreference: "int",
    ttl: "duration",
    matchSubdomain: "bool",
    addressList: ["string", { unsetWhenAbsent: true }],
    placeBefore: ["string", { createOnly: true }],
    ...COMMON,
  }),
});

export interface DnsStaticRecordArgs extends CommonArgs {
  name?: In<string>;
  regexp?: In<string>;
  /** @default "A" */
  type?: In<"A" | "AAAA" | "CNAME" | "FWD" | "MX" | "NS" | "NXDOMAIN" | "SRV" | "TXT">;
  address?: In<string>;
  cname?: In<string>;
  text?: In<string>;
  forwardTo?: In<string>;
  mxExchange?: In<string>;
  mxPreference?: In<number>;
  ttl?: In<string>;
  matchSubdomain?: In<boolean>;
  addressList?: In<string>;
  placeBefore?: In<string>;
}

export class DnsStaticRecord extends RouterOsResource {
  declare readonly name: Out<string | undefined>;
  declare readonly address: Out<string | undefined>;
  declare readonly ttl: Out<string | undefined>;
  constructor(name: string, args: DnsStaticRecordArgs, opts?: pulumi.CustomResourceOptions) {
    super(dnsStaticRecordType.name, name, { ...args }, opts);
  }
}
