/**
 * Traffic the Kubernetes platform needs through the routers. The firewall drops everything
 * between VLANs that `firewall.forward` does not allow, so a platform dependency the stack forgot
 * to allow would only show up after `pulumi up` as a stuck release or an empty dashboard (the
 * CSI plugin unable to reach the Proxmox API, Harbor its database, Prometheus an exporter).
 * Each needed flow must be allowed.
 */
import { contains, isIpv4Address } from "../addressing";
import { networkWithPurpose } from "../networks";
import { SERVICE_PORTS } from "../ports";
import type { ForwardRule, Network } from "../schema";
import type { Report, Sections } from "./context";

export interface Flow {
  /** What needs it, for the message. */
  purpose: string;
  /** The destination; the source is the cluster's network unless `toCluster`. */
  address: string;
  port: number;
  /** From `address` (a guest) into the cluster's network instead (Zabbix polling its agents). */
  toCluster?: boolean;
}

/** Whether `ports` (`80,443,8000-8100`) includes `port`; no list means every port. */
export function portsInclude(ports: string | undefined, port: number): boolean {
  if (ports === undefined) return true;
  return ports.split(",").some((part) => {
    const [low, high] = part.split("-").map(Number);
    return high === undefined ? low === port : (low ?? 0) <= port && port <= high;
  });
}

export function allows(rule: ForwardRule, from: string, to: string, port: number): boolean {
  const protocolFits = rule.protocol === undefined || rule.protocol === "tcp";
  return rule.from === from && rule.to === to && protocolFits && portsInclude(rule.ports, port);
}

function urlPort(url: URL): number {
  if (url.port) return Number(url.port);
  return url.protocol === "https:" ? 443 : 80;
}

/** TCP flows from the cluster's nodes that the platform's configuration implies. */
export function platformFlows({ kubernetes, guests, site, proxmox }: Sections): Flow[] {
  if (!kubernetes || !guests || !site) return [];
  const ipOf = (host: string): string | undefined => {
    if (isIpv4Address(host)) return host;
    return guests.find((g) => `${g.name}.${site.internalZone}` === host.toLowerCase())?.ip;
  };
  const flows: Flow[] = [];
  const add = (purpose: string, host: string, port: number) => {
    const address = ipOf(host);
    if (address) flows.push({ purpose, address, port });
  };
  if (kubernetes.storage.proxmoxCsi && proxmox) {
    const api = new URL(proxmox.endpoint);
    add("the Proxmox CSI plugin to the Proxmox API", api.hostname, urlPort(api));
  }
  const harbor = kubernetes.harbor;
  if (harbor.imageStorage.type === "s3") {
    const endpoint = new URL(harbor.imageStorage.regionendpoint);
    add("Harbor to its object store", endpoint.hostname, urlPort(endpoint));
  }
  add("Harbor to PostgreSQL", harbor.database.host, harbor.database.port);
  const redisAt = harbor.redis.addr.lastIndexOf(":");
  add(
    "Harbor to Redis",
    harbor.redis.addr.slice(0, redisAt),
    Number(harbor.redis.addr.slice(redisAt + 1)),
  );
  // Monitoring and shipping between the cluster and the LXC services (see the values builders).
  const monitoring = kubernetes.monitoring;
  for (const guest of guests) {
    const at = (purpose: string, port: number, toCluster = false) =>
      flows.push({ purpose, address: guest.ip, port, ...(toCluster ? { toCluster } : {}) });
    if (guest.role === "mongodb")
      at("Prometheus to the MongoDB exporter", monitoring.mongodbExporterPort);
    if (guest.role === "redis")
      at("Prometheus to the Redis exporter", monitoring.redisExporterPort);
    if (guest.role === "elasticsearch")
      at("Elastic agents and APM to Elasticsearch", SERVICE_PORTS.elasticsearch);
    if (guest.role === "zabbix") {
      at("Zabbix agents to the Zabbix server (active checks)", SERVICE_PORTS.zabbixServer);
      at(
        "the Zabbix server to its agents on the nodes (passive checks)",
        SERVICE_PORTS.zabbixAgent,
        true,
      );
    }
  }
  return flows;
}

export function flowRules(sections: Sections, report: Report): void {
  const { networks, firewall, partial } = sections;
  if (!networks || !firewall || partial?.has("networks") || partial?.has("firewall")) return;
  const cluster = networkWithPurpose(networks, "kubernetes");
  if (!cluster) return;
  const networkOf = (address: string): Network | undefined =>
    networks.find((n) => contains(n.cidr, address));
  for (const flow of platformFlows(sections)) {
    const other = networkOf(flow.address);
    // Same VLAN: switched, not routed; outside every VLAN: the uplinks' business.
    if (!other || other.name === cluster.name) continue;
    const [from, to] = flow.toCluster ? [other, cluster] : [cluster, other];
    if (firewall.forward.some((rule) => allows(rule, from.name, to.name, flow.port))) continue;
    report(
      ["firewall", "forward"],
      `no rule lets ${from.name} reach ${to.name} on tcp ${flow.port} (${flow.purpose}, ${flow.address})`,
    );
  }
}
