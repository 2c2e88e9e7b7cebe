/**
 * The SNMP resources of one router: the built-in community closed, one SNMPv3 (authPriv) user for
 * monitoring limited to the monitoring networks, and the `/snmp` settings. Called by RouterNode.
 */
import type * as pulumi from "@pulumi/pulumi";
import * as ros from "../../providers/routeros";
import {
  BUILTIN_COMMUNITY,
  CLOSED_BUILTIN_COMMUNITY,
  SNMP_AUTH_PROTOCOL,
  SNMP_PRIV_PROTOCOL,
  owned,
  type SnmpPlan,
  type SnmpV3Credentials,
} from "../plan";

export interface RouterSnmpArgs {
  /** Who may poll and what the routers say about themselves (the network plan's SNMP part). */
  plan: SnmpPlan;
  router: ros.RouterConnection;
  /** Logical-name prefix of the router's resources (`rtr-1`). */
  prefix: string;
  /** Shared by both routers; secret. */
  credentials: pulumi.Output<SnmpV3Credentials>;
  /**
   * What must exist before SNMP answers: the input chain, whose `snmp from <network>` rules admit
   * the pollers and whose final drop keeps everyone else out.
   */
  firewall: pulumi.Resource[];
  parent: pulumi.Resource;
}

export interface RouterSnmp {
  settings: ros.SnmpSettings;
  builtin: ros.SnmpCommunity;
  /** Absent when no network may poll (`firewall.monitoringFrom` is empty). */
  monitoring: ros.SnmpCommunity | undefined;
}

export function routerSnmp(args: RouterSnmpArgs): RouterSnmp {
  const plan = args.plan;
  const base = { router: args.router };
  const parent = { parent: args.parent };
  const id = (suffix: string) => `${args.prefix}-${suffix}`;
  const secret = <K extends keyof SnmpV3Credentials>(key: K) =>
    args.credentials.apply((c) => c[key]);

  const builtin = new ros.SnmpCommunity(
    id("snmp-public"),
    {
      ...base,
      name: BUILTIN_COMMUNITY,
      disabled: CLOSED_BUILTIN_COMMUNITY.disabled,
      addresses: [...CLOSED_BUILTIN_COMMUNITY.addresses],
      comment: owned("built-in community, closed"),
    },
    parent,
  );
  // An open community would answer anyone (`::/0`): without a monitoring network there is none.
  const monitoring = plan.enabled
    ? new ros.SnmpCommunity(
        id("snmp-monitoring"),
        {
          ...base,
          name: secret("username"),
          addresses: plan.sources,
          security: "private",
          authenticationProtocol: SNMP_AUTH_PROTOCOL,
          authenticationPassword: secret("authPassword"),
          encryptionProtocol: SNMP_PRIV_PROTOCOL,
          encryptionPassword: secret("privPassword"),
          readAccess: true,
          writeAccess: false,
          comment: owned("monitoring (SNMPv3)"),
        },
        parent,
      )
    : undefined;
  // SNMP is switched on last, and off first on destroy: never with `public` still open or
  // before the firewall admits only the monitoring networks.
  const settings = new ros.SnmpSettings(
    id("snmp"),
    { ...base, enabled: plan.enabled, contact: plan.contact, location: plan.location },
    {
      ...parent,
      dependsOn: [builtin, ...(monitoring ? [monitoring] : []), ...args.firewall],
    },
  );
  return { settings, builtin, monitoring };
}
