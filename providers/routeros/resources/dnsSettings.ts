/** `/ip/dns` settings. Deleting the resource restores the values found before the first set. */
import type * as pulumi from "@pulumi/pulumi";
import { settingsType } from "../definition";
import { fields } from "../specHelpers";
import { RouterOsResource, type In, type Out, type RouterArgs } from "../resource";

export const dnsSettingsType = settingsType({
  type: "DnsSettings",
  menu: "ip/dns",
  adopt: "lookup",
  deleteBeforeReplace: true,
  required: [],
  fields: fields({
    servers: "list",
    allowRemoteRequests: "bool",
    // KiB; RouterOS prints `2048KiB`.
    cacheSize: "kib",
    cacheMaxTtl: "duration",
    maxUdpPacketSize: "int",
    queryServerTimeout: "duration",
    queryTotalTimeout: "duration",
    maxConcurrentQueries: "int",
    maxConcurrentTcpSessions: "int",
    useDohServer: "string",
    verifyDohCert: "bool",
  }),
});

export interface DnsSettingsArgs extends RouterArgs {
  servers?: In<string[]>;
  allowRemoteRequests?: In<boolean>;
  /** KiB (`2048`, or `"2048KiB"` as RouterOS prints it). */
  cacheSize?: In<string | number>;
  cacheMaxTtl?: In<string>;
  maxUdpPacketSize?: In<number>;
  queryServerTimeout?: In<string>;
  queryTotalTimeout?: In<string>;
  maxConcurrentQueries?: In<number>;
  maxConcurrentTcpSessions?: In<number>;
  useDohServer?: In<string>;
  verifyDohCert?: In<boolean>;
}

export class DnsSettings extends RouterOsResource {
  declare readonly servers: Out<string[] | undefined>;
  declare readonly allowRemoteRequests: Out<boolean | undefined>;
  declare readonly original: Out<Record<string, string>>;
  constructor(name: string, args: DnsSettingsArgs, opts?: pulumi.CustomResourceOptions) {
    super(dnsSettingsType.name, name, { original: undefined, ...args }, opts);
  }
}
