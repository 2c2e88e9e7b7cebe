/**
 * Internal DNS: one A record for every router, host and guest, plus the Kubernetes API and
 * platform names, all derived from the placement config so records can never drift from it.
 */
import { isIpv4Address } from "../config/addressing";
import type { StackConfig } from "../config/schema";

export interface DnsRecord {
  /** Fully qualified name in the internal zone. */
  name: string;
  address: string;
}

/** Where the Kubernetes ingress answers: the API's virtual address, else the bootstrap node. */
export function ingressAddress(config: StackConfig): string | undefined {
  const api = config.kubernetes.api.address;
  if (isIpv4Address(api)) return api;
  return config.guests.find((g) => g.role === "k8s-control-plane")?.ip;
}

export function dnsRecords(config: StackConfig): DnsRecord[] {
  const zone = config.site.internalZone;
  const management = config.networks.find((n) => n.purpose === "management")?.name ?? "";
  const records: DnsRecord[] = [
    ...config.routers.map((r) => ({
      name: `${r.name}.${zone}`,
      address: r.addresses[management] ?? "",
    })),
    ...config.hosts.map((h) => ({ name: `${h.name}.${zone}`, address: h.managementIp })),
    ...config.guests.map((g) => ({ name: `${g.name}.${zone}`, address: g.ip })),
  ];
  const ingress = ingressAddress(config);
  const api = config.kubernetes.api.address;
  if (ingress && !isIpv4Address(api)) records.push({ name: api, address: ingress });
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
