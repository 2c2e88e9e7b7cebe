/** Specs of settings menus (singletons). */
import type { MenuSpec } from "./types";
import { fields } from "./spec-helpers";

export const dnsSettingsSpec: MenuSpec = {
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
};

export const systemIdentitySpec: MenuSpec = {
  type: "SystemIdentity",
  menu: "system/identity",
  adopt: "lookup",
  deleteBeforeReplace: true,
  required: ["name"],
  fields: fields({ name: "string" }),
};
