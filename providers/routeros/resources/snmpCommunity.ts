/**
 * `/snmp/community`: a v1/v2c community, or for SNMPv3 the user (its name is the security name).
 * Adopted by name. The factory `public` row carries the read-only flag `default` and cannot be
 * removed: adopting it is allowed, and deleting the resource then restores the values it had.
 *
 * Properties, enums and defaults follow the MikroTik SNMP manual ("Community Properties") and
 * terraform-provider-routeros `resource_snmp_community.go` (RouterOS 7).
 */
import type * as pulumi from "@pulumi/pulumi";
import { menuType } from "../definition";
import { COMMON, fields } from "../specHelpers";
import { RouterOsResource, type In, type Out, type RouterArgs } from "../resource";

export const snmpCommunityType = menuType({
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
});

export interface SnmpCommunityArgs extends RouterArgs {
  /** Community name, for SNMPv3 the user name; unique per router, a change replaces it. */
  name: In<string>;
  /** Sources allowed to use it (addresses or prefixes). @default ["::/0"], i.e. anyone */
  addresses?: In<In<string>[]>;
  /** `none` (v1/v2c, v3 noAuthNoPriv), `authorized` (authNoPriv), `private` (authPriv). */
  security?: In<"none" | "authorized" | "private">;
  /** @default true */
  readAccess?: In<boolean>;
  /** @default false */
  writeAccess?: In<boolean>;
  /** @default "MD5" */
  authenticationProtocol?: In<"MD5" | "SHA1">;
  /** At least 8 characters. RouterOS returns it in clear; stored as a Pulumi secret. */
  authenticationPassword?: In<string>;
  /** @default "DES" */
  encryptionProtocol?: In<"DES" | "AES">;
  /** At least 8 characters. RouterOS returns it in clear; stored as a Pulumi secret. */
  encryptionPassword?: In<string>;
  comment?: In<string>;
  disabled?: In<boolean>;
}

export class SnmpCommunity extends RouterOsResource {
  declare readonly name: Out<string>;
  declare readonly addresses: Out<string[] | undefined>;
  declare readonly security: Out<string | undefined>;
  declare readonly disabled: Out<boolean | undefined>;
  declare readonly authenticationPassword: Out<string | undefined>;
  declare readonly encryptionPassword: Out<string | undefined>;
  /** Set only when the built-in row was adopted: what deleting the resource puts back. */
  declare readonly original: Out<Record<string, string> | undefined>;
  constructor(name: string, args: SnmpCommunityArgs, opts?: pulumi.CustomResourceOptions) {
    super(snmpCommunityType.name, name, { original: undefined, ...args }, opts, [
      "authenticationPassword",
      "encryptionPassword",
      "original",
    ]);
  }
}
