/**
 * The network slice: per router its REST connection and plan (VLANs, addresses, VRRP, uplinks),
 * and what both routers serve alike — the firewall chains, the internal DNS records, the DNS
 * upstreams and SNMP.
 */
import type { StackConfig } from "../config/schema";
import { dnsRecords, type DnsRecord } from "./dns";
import { firewallChains, type FirewallChainPlan } from "./firewall";
import {
  planRouter,
  routerConnection,
  type RouterConnectionPlan,
  type RouterPlan,
} from "./routers";
import { planSnmp, type SnmpPlan } from "./snmp";

export interface RouterNodePlan extends RouterPlan {
  connection: RouterConnectionPlan;
}

export interface NetworkPlan {
  site: string;
  routers: RouterNodePlan[];
  firewall: {
    chains: FirewallChainPlan[];
    /** Delete rules found in a managed chain that the stack does not declare. */
    removeUndeclared: boolean;
  };
  dns: { upstreams: string[]; records: DnsRecord[] };
  snmp: SnmpPlan;
}

export function planNetwork(config: StackConfig): NetworkPlan {
  return {
    site: config.site.name,
    routers: config.routers.map((router) => ({
      ...planRouter(config, router),
      connection: routerConnection(router),
    })),
    firewall: {
      chains: firewallChains(config),
      removeUndeclared: config.firewall.removeUndeclared,
    },
    dns: { upstreams: config.firewall.dnsUpstreams, records: dnsRecords(config) },
    snmp: planSnmp(config),
  };
}
