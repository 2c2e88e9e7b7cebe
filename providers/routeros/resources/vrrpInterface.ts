/** `/interface/vrrp`. The virtual IP is a separate `IpAddress` on this interface. */
import type * as pulumi from "@pulumi/pulumi";
import { menuType } from "../definition";
import { COMMON, fields } from "../specHelpers";
import { RouterOsResource, type CommonArgs, type In, type Out } from "../resource";

export const vrrpInterfaceType = menuType({
  type: "VrrpInterface",
  menu: "interface/vrrp",
  adopt: "duplicate",
  deleteBeforeReplace: true,
  required: ["name", "interface"],
  fields: fields({
    name: ["string", { key: true, replace: true }],
    interface: "string",
    vrid: ["int", { min: 1, max: 255 }],
    // 255 is the owner priority in the RFC, but RouterOS rejects it (routeros-rest §12).
    priority: ["int", { min: 1, max: 254 }],
    interval: "duration",
    preemptionMode: "bool",
    authentication: ["string", { oneOf: ["none", "simple", "ah"] }],
    password: ["string", { secret: true, unsetWhenAbsent: true }],
    version: ["int", { min: 2, max: 3 }],
    v3Protocol: ["string", { oneOf: ["ipv4", "ipv6"] }],
    onMaster: ["string", { unsetWhenAbsent: true }],
    onBackup: ["string", { unsetWhenAbsent: true }],
    onFail: ["string", { unsetWhenAbsent: true }],
    syncConnectionTracking: "bool",
    remoteAddress: ["string", { format: "ip" }],
    groupAuthority: "string",
    arp: "string",
    ...COMMON,
  }),
});

export interface VrrpInterfaceArgs extends CommonArgs {
  name: In<string>;
  interface: In<string>;
  vrid?: In<number>;
  /** 1..254 (RouterOS rejects 255). */
  priority?: In<number>;
  interval?: In<string>;
  preemptionMode?: In<boolean>;
  authentication?: In<"none" | "simple" | "ah">;
  /** Returned in clear by RouterOS; stored as a Pulumi secret. */
  password?: In<string>;
  version?: In<2 | 3>;
  v3Protocol?: In<"ipv4" | "ipv6">;
  onMaster?: In<string>;
  onBackup?: In<string>;
  onFail?: In<string>;
  syncConnectionTracking?: In<boolean>;
  remoteAddress?: In<string>;
  groupAuthority?: In<string>;
  arp?: In<string>;
}

export class VrrpInterface extends RouterOsResource {
  declare readonly name: Out<string>;
  declare readonly interface: Out<string>;
  declare readonly vrid: Out<number | undefined>;
  declare readonly priority: Out<number | undefined>;
  declare readonly password: Out<string | undefined>;
  constructor(name: string, args: VrrpInterfaceArgs, opts?: pulumi.CustomResourceOptions) {
    super(vrrpInterfaceType.name, name, { ...args }, opts, ["password"]);
  }
}
