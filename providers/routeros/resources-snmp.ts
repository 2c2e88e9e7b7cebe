/** SNMP resources: the `/snmp` settings and communities (SNMPv3 users). */
import type * as pulumi from "@pulumi/pulumi";
import { RouterOsResource, type RouterArgs } from "./resource-base";

type In<T> = pulumi.Input<T>;
type Out<T> = pulumi.Output<T>;

export interface SnmpSettingsArgs extends RouterArgs {
  /** Runs the SNMP service. @default false on a factory router */
  enabled?: In<boolean>;
  /** sysContact. */
  contact?: In<string>;
  /** sysLocation. */
  location?: In<string>;
  /** SNMP version of traps. @default 1 */
  trapVersion?: In<1 | 2 | 3>;
  /** Community (must exist in `/snmp/community`) traps are sent with. Stored as a secret. */
  trapCommunity?: In<string>;
}

/** `/snmp` settings. Deleting the resource restores the values found before the first set. */
export class SnmpSettings extends RouterOsResource {
  declare readonly enabled: Out<boolean | undefined>;
  declare readonly contact: Out<string | undefined>;
  declare readonly location: Out<string | undefined>;
  declare readonly original: Out<Record<string, string>>;
  constructor(name: string, args: SnmpSettingsArgs, opts?: pulumi.CustomResourceOptions) {
    super("SnmpSettings", name, { original: undefined, ...args }, opts, [
      "trapCommunity",
      "original",
    ]);
  }
}

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

/**
 * `/snmp/community`. Adopted by name. The built-in `public` community cannot be removed: adopting
 * it is allowed, and deleting the resource then restores the values it had instead.
 */
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
    super("SnmpCommunity", name, { original: undefined, ...args }, opts, [
      "authenticationPassword",
      "encryptionPassword",
      "original",
    ]);
  }
}
