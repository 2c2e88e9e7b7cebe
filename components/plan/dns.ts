/**
 * Internal DNS: one A record for every router, host and guest, plus the Kubernetes API and
 * platform names, all derived from the placement config so records can never drift from it.
 */
import type { StackConfig } from "../config/schema";
import { planApi } from "./cluster";
import { managementAddress } from "./routers";

export interface DnsRecord {
  /** Fully qualified name in the internal zone. */
  name: string;
  address: string;
}

/** Where the Kubernetes ingress answers: the API's virtual address, else the bootstrap node. */
export function ingressAddress(config: StackConfig): string | undefined {
  return planApi(config).ingressAddress;
}

export function dnsRecords(config: StackConfig): DnsRecord[] {
  const zone = config.site.internalZone;
  const records: DnsRecord[] = [
    ...config.routers.map((r) => ({
      name: `${r.name}.${zone}`,
      address: managementAddress(config, r) ?? "",
    })),
    ...config.hosts.map((h) => ({ name: `${h.name}.${zone}`, address: h.managementIp })),
    ...config.guests.map((g) => ({ name: `${g.name}.${zone}`, address: g.ip })),
  ];
  const api = planApi(config);
  const ingress = api.ingressAddress;
  if (ingress && api.isName) records.push({ name: api.address, address: ingress });
  if (ingress) {
    for (const hostname of Object.values(config.kubernetes.hostnames)) {
      records.push({ name: hostname, address: ingress });
    }
  }
  // Only names inside the zone the routers are authoritative for; keep the first of duplicates.
  const seen = new Set<string>();
  return records.filter((record) => {
    const inZone = record.name === zone || record.name.endsWith(`.${zone}`);
    if (!inZone || seen.has(record.name) || record.address === "") return false;
    seen.add(record.name);
    return true;
  });
}
