/**
 * The platform slice: what the Kubernetes platform releases need to know about everything
 * outside the cluster — the nodes, the services in LXC guests (with their ports defined once in
 * config/ports.ts), the routers it monitors (their management address, found by the network's
 * purpose) and the Proxmox API endpoint of the CSI plugin.
 */
import type { KubernetesConfig } from "../config/kubernetes";
import { networkWithPurpose, networksNamed } from "../config/networks";
import { SERVICE_PORTS } from "../config/ports";
import type { StackConfig } from "../config/schema";
import { mustExist } from "../invariant";
import type { ClusterPlan } from "./cluster";
import type { PlannedGuest } from "./guests";
import { managementAddress } from "./routers";

/** A node as seen by the platform step (after the VMs exist). */
export interface PlatformNode {
  readonly name: string;
  readonly ip: string;
}

/** Addresses of services that run outside the cluster (LXC guests, routers). */
export interface PlatformServices {
  readonly mongodb: readonly { host: string; port: number }[];
  readonly redis: readonly { host: string; port: number }[];
  readonly zabbixServer: { host: string; port: number };
  readonly elasticsearch: { url: string };
  /** Routers the SNMP exporter walks (by management address), when the cluster may poll them. */
  readonly routers: readonly { name: string; ip: string }[];
}

/** Where the Proxmox CSI plugin reaches the Proxmox API; the token comes from the compute layer. */
export interface CsiEndpointPlan {
  readonly endpoint: string;
  readonly insecure: boolean;
  /** Topology region of the nodes' labels (see topologyLabels). */
  readonly region: string;
}

export interface PlatformPlan {
  readonly config: KubernetesConfig;
  readonly bootstrapNode: PlatformNode;
  readonly nodes: PlatformNode[];
  /** The login the node VMs create; the kubeconfig is fetched with it. */
  readonly sshUser: string;
  readonly services: PlatformServices;
  readonly site: { internalZone: string; publicDomain: string };
  /** The routers answer SNMP from the cluster's network (`firewall.monitoringFrom`). */
  readonly monitorsRouters: boolean;
  /** Present when the stack uses the Proxmox CSI plugin. */
  readonly csi?: CsiEndpointPlan;
}

/** Whether the routers answer SNMP from the Kubernetes network (firewall `monitoringFrom`). */
export function routersMonitoredFromCluster(config: StackConfig): boolean {
  const cluster = networkWithPurpose(config.networks, "kubernetes");
  return (
    cluster !== undefined &&
    networksNamed(config.networks, config.firewall.monitoringFrom).includes(cluster)
  );
}

/** The routers' management addresses: the SNMP exporter's targets. */
export function monitoredRouters(config: StackConfig): { name: string; ip: string }[] {
  return config.routers.map((router) => ({
    name: router.name,
    ip: mustExist(managementAddress(config, router), `${router.name}'s management address`),
  }));
}

export function platformServices(
  config: StackConfig,
  guests: readonly PlannedGuest[],
): PlatformServices {
  const fqdns = (role: string) => guests.filter((g) => g.role === role).map((g) => g.fqdn);
  const [zabbix] = fqdns("zabbix");
  const [elasticsearch] = fqdns("elasticsearch");
  return {
    mongodb: fqdns("mongodb").map((host) => ({ host, port: SERVICE_PORTS.mongodb })),
    redis: fqdns("redis").map((host) => ({ host, port: SERVICE_PORTS.redis })),
    zabbixServer: { host: zabbix ?? "", port: SERVICE_PORTS.zabbixServer },
    elasticsearch: {
      url: elasticsearch ? `https://${elasticsearch}:${SERVICE_PORTS.elasticsearch}` : "",
    },
    routers: monitoredRouters(config),
  };
}

export function planPlatform(
  config: StackConfig,
  cluster: ClusterPlan,
  guests: readonly PlannedGuest[],
): PlatformPlan {
  const csi = config.kubernetes.storage.proxmoxCsi;
  return {
    config: config.kubernetes,
    bootstrapNode: cluster.bootstrap,
    nodes: cluster.nodes.map((n) => ({ name: n.name, ip: n.ip })),
    sshUser: cluster.login.user,
    services: platformServices(config, guests),
    site: { internalZone: config.site.internalZone, publicDomain: config.site.publicDomain },
    monitorsRouters: routersMonitoredFromCluster(config),
    ...(csi
      ? {
          csi: {
            endpoint: config.proxmox.endpoint,
            insecure: config.proxmox.insecure,
            region: cluster.site.region,
          },
        }
      : {}),
  };
}
