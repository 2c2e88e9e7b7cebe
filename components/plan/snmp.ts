/**
 * SNMP on the router pair, derived from the stack config alone: who may poll the routers
 * (the monitoring networks the firewall already admits to UDP 161), what the routers say about
 * themselves, and the SNMPv3 credentials the poller (snmp_exporter in the cluster) uses. Pure.
 */
import { networksNamed } from "../config/networks";
import type { Network, StackConfig } from "../config/schema";

/** What a poller needs to walk both routers: SNMPv3 authPriv, the same on both. */
export interface SnmpV3Credentials {
  /** The SNMPv3 user, i.e. the name of the community on the routers. */
  username: string;
  authProtocol: "SHA1";
  authPassword: string;
  privProtocol: "AES";
  privPassword: string;
}

/**
 * RouterOS 7 offers MD5/SHA1 authentication and DES/AES (AES-128, RFC 3826) privacy for SNMPv3
 * (MikroTik SNMP manual, community properties); SHA1 + AES is the strongest pair it has.
 */
export const SNMP_AUTH_PROTOCOL = "SHA1" as const;
export const SNMP_PRIV_PROTOCOL = "AES" as const;

/** Length of the generated user name and passwords; RouterOS requires at least 8 characters. */
export const SNMP_SECRET_LENGTH = 32;

/** The community every RouterOS ships with: v1/v2c, no password, any source (`::/0`). */
export const BUILTIN_COMMUNITY = "public";

/**
 * How the built-in community is closed. RouterOS refuses to remove it (its `default` flag is
 * read-only), but it is an ordinary row otherwise: `disabled` stops it answering at all, and
 * limiting `addresses` to the router itself keeps it closed should someone enable it again.
 */
export const CLOSED_BUILTIN_COMMUNITY = { disabled: true, addresses: ["127.0.0.1/32"] } as const;

export interface SnmpPlan {
  /** SNMP runs only when some network may poll; with none, every community would be useless. */
  enabled: boolean;
  /** Prefixes allowed to poll: the networks of `firewall.monitoringFrom`, in config order. */
  sources: string[];
  contact: string;
  location: string;
}

/** The networks of `firewall.monitoringFrom` (names the validator has already resolved). */
export function monitoringNetworks(config: StackConfig): Network[] {
  return networksNamed(config.networks, [...new Set(config.firewall.monitoringFrom)]);
}

/**
 * The site config has no contact or location fields, so both are derived from it: the location
 * is the site's short name (the same for both routers; sysName tells them apart), the contact
 * the operators' login user at the site's public domain.
 */
export function planSnmp(config: StackConfig): SnmpPlan {
  const sources = monitoringNetworks(config).map((n) => n.cidr);
  return {
    enabled: sources.length > 0,
    sources,
    contact: `${config.access.user}@${config.site.publicDomain}`,
    location: config.site.name,
  };
}

/** The credentials object from the three generated values. */
export function snmpV3Credentials(
  username: string,
  authPassword: string,
  privPassword: string,
): SnmpV3Credentials {
  return {
    username,
    authProtocol: SNMP_AUTH_PROTOCOL,
    authPassword,
    privProtocol: SNMP_PRIV_PROTOCOL,
    privPassword,
  };
}
