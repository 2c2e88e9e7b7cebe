/**
 * `/snmp` settings. Deleting the resource restores the values found before the first set.
 *
 * Properties, enums and defaults follow the MikroTik SNMP manual (help.mikrotik.com ROS/SNMP,
 * "General Properties") and the REST rows quoted by terraform-provider-routeros
 * (`resource_snmp.go`, RouterOS 7). Only the fields whose REST shape is documented unambiguously
 * are modelled; the trap target list, `trap-generators` (its v7 default is `temp-exception`, the
 * manual says none) and `engine-id-suffix` (7.10+) are left alone.
 */
import type * as pulumi from "@pulumi/pulumi";
import { settingsType } from "../definition";
import { fields } from "../specHelpers";
import { RouterOsResource, type In, type Out, type RouterArgs } from "../resource";

export const snmpSettingsType = settingsType({
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
});

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

export class SnmpSettings extends RouterOsResource {
  declare readonly enabled: Out<boolean | undefined>;
  declare readonly contact: Out<string | undefined>;
  declare readonly location: Out<string | undefined>;
  declare readonly original: Out<Record<string, string>>;
  constructor(name: string, args: SnmpSettingsArgs, opts?: pulumi.CustomResourceOptions) {
    super(snmpSettingsType.name, name, { original: undefined, ...args }, opts, [
      "trapCommunity",
      "original",
    ]);
  }
}
