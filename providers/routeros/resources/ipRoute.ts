/** `/ip/route`. Adopted by (dstAddress, gateway, routingTable). */
import type * as pulumi from "@pulumi/pulumi";
import { menuType } from "../definition";
import { COMMON, fields } from "../specHelpers";
import { RouterOsResource, type CommonArgs, type In, type Out } from "../resource";

export const ipRouteType = menuType({
  type: "IpRoute",
  menu: "ip/route",
  adopt: "lookup",
  deleteBeforeReplace: false,
  required: ["gateway"],
  fields: fields({
    dstAddress: ["cidr", { key: true, absentAs: "0.0.0.0/0", format: "prefix" }],
    gateway: ["string", { key: true }],
    // A disabled static route drops these fields from its row (routeros-rest §10).
    routingTable: ["string", { key: true, absentAs: "main", droppedWhenDisabled: true }],
    distance: ["int", { min: 1, max: 255, droppedWhenDisabled: true }],
    scope: ["int", { droppedWhenDisabled: true }],
    targetScope: ["int", { droppedWhenDisabled: true }],
    checkGateway: [
      "string",
      { unsetWhenAbsent: true, oneOf: ["arp", "bfd", "bfd-multihop", "none", "ping"] },
    ],
    prefSrc: ["string", { unsetWhenAbsent: true, format: "ip" }],
    vrfInterface: ["string", { unsetWhenAbsent: true }],
    suppressHwOffload: "bool",
    ...COMMON,
  }),
});

export interface IpRouteArgs extends CommonArgs {
  /** @default "0.0.0.0/0" */
  dstAddress?: In<string>;
  gateway: In<string>;
  /** Lower wins; the backup uplink of a dual-uplink pair gets a higher distance. */
  distance?: In<number>;
  /** `ping` makes a dead uplink's route inactive so the other one takes over. */
  checkGateway?: In<"arp" | "bfd" | "bfd-multihop" | "none" | "ping">;
  /** @default "main" */
  routingTable?: In<string>;
  scope?: In<number>;
  targetScope?: In<number>;
  prefSrc?: In<string>;
  vrfInterface?: In<string>;
  suppressHwOffload?: In<boolean>;
}

export class IpRoute extends RouterOsResource {
  declare readonly dstAddress: Out<string | undefined>;
  declare readonly gateway: Out<string>;
  declare readonly distance: Out<number | undefined>;
  declare readonly checkGateway: Out<string | undefined>;
  constructor(name: string, args: IpRouteArgs, opts?: pulumi.CustomResourceOptions) {
    super(ipRouteType.name, name, { ...args }, opts);
  }
}
