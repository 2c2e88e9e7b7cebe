/**
 * Specs of the SNMP menus: the `/snmp` settings and `/snmp/community`.
 *
 * Properties, enums and defaults follow the MikroTik SNMP manual (help.mikrotik.com ROS/SNMP,
 * "General Properties" and "Community Properties") and the REST rows quoted by
 * terraform-provider-routeros (`resource_snmp.go`, `resource_snmp_community.go`, RouterOS 7).
 */
import type { MenuSpec } from "./types";
import { COMMON, fields } from "./spec-helpers";

/**
 * `/snmp`. Only the fields whose REST shape is documented unambiguously are modelled; the trap
 * target list, `trap-generators` (its v7 default is `temp-exception`, the manual says none) and
 * `engine-id-suffix` (7.10+) are left alone.
 */
export const snmpSettingsSpec: MenuSpec = {
  type: "SnmpSettings",
  menu: "snmp",
  adopt: "lookup",
  deleteBeforeReplace: true,
  required: [],
  fields: fields({
    enabled: "bool",
    contact: "string",
    location: "string",
    trapVersion: ["int", { min: 1, max: 3 }],
    // The community traps are sent with: for v1/v2c traps it is a password on the wire.
    trapCommunity: ["string", { secret: true }],
  }),
};

/**
 * `/snmp/community`: a v1/v2c community, or for SNMPv3 the user (its name is the security name).
 * The factory `public` row carries the read-only flag `default` and cannot be removed.
 */
export const snmpCommunitySpec: MenuSpec = {
  type: "SnmpCommunity",
  menu: "snmp/community",
  // The duplicate-name error text is not documented: look the name up instead.
  adopt: "lookup",
  deleteBeforeReplace: true,
  required: ["name"],
  builtinFlag: "default",
  fields: fields({
    name: ["string", { key: true, replace: true }],
    // RouterOS 7 prints the default as `::/0` (any IPv4 or IPv6 source).
    addresses: "cidrs",
    security: ["string", { oneOf: ["none", "authorized", "private"] }],
    readAccess: "bool",
    writeAccess: "bool",
    authenticationProtocol: ["string", { oneOf: ["md5", "sha1"] }],
    // SNMPv3 keys are derived from passwords of at least 8 characters (RFC 3414 §11.2).
    authenticationPassword: ["string", { secret: true, minLength: 8 }],
    encryptionProtocol: ["string", { oneOf: ["des", "aes"] }],
    encryptionPassword: ["string", { secret: true, minLength: 8 }],
    ...COMMON,
  }),
};
