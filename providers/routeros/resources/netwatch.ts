/** `/tool/netwatch`. Adopted by (host, type). */
import type * as pulumi from "@pulumi/pulumi";
import { menuType } from "../definition";
import { COMMON, fields } from "../specHelpers";
import { RouterOsResource, type CommonArgs, type In, type Out } from "../resource";

export const netwatchType = menuType({
  type: "Netwatch",
  menu: "tool/netwatch",
  adopt: "lookup",
  deleteBeforeReplace: false,
  required: ["host"],
  fields: fields({
    host: ["string", { key: true, format: "ip" }],
    type: ["string", { key: true, absentAs: "simple" }],
    name: "string",
    interval: "duration",
    timeout: "duration",
    startDelay: "duration",
    srcAddress: ["string", { format: "ip" }],
    port: ["int", { min: 1, max: 65535 }],
    upScript: ["string", { unsetWhenAbsent: true }],
    downScript: ["string", { unsetWhenAbsent: true }],
    testScript: ["string", { unsetWhenAbsent: true }],
    ...COMMON,
  }),
});

export interface NetwatchArgs extends CommonArgs {
  host: In<string>;
  type?: In<string>;
  name?: In<string>;
  interval?: In<string>;
  timeout?: In<string>;
  startDelay?: In<string>;
  srcAddress?: In<string>;
  port?: In<number>;
  upScript?: In<string>;
  downScript?: In<string>;
  testScript?: In<string>;
}

export class Netwatch extends RouterOsResource {
  declare readonly host: Out<string>;
  constructor(name: string, args: NetwatchArgs, opts?: pulumi.CustomResourceOptions) {
    super(netwatchType.name, name, { ...args }, opts);
  }
}
