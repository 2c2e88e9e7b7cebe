/**
 * Wires the layers together in dependency order. Each layer is a ComponentResource that receives
 * validated, typed values; this function is the only place that knows how they connect.
 *
 * Kubernetes is formed in two steps around the compute layer: the cluster token and each node's
 * cloud-init come first (the VMs boot from them), the platform releases after the VMs exist.
 */
import * as pulumi from "@pulumi/pulumi";
import { ComputeLayer, fqdnOf, type PlacedGuest } from "./compute";
import type { HostCapacity } from "./config/capacity";
import type { LoadedStack } from "./config/load";
import type { StackConfig } from "./config/schema";
import {
  KubernetesPlatform,
  Microk8sCluster,
  type Microk8sNodeSpec,
  type PlatformServices,
} from "./kubernetes";
import type { ReleaseInfo } from "./kubernetes/platform";
import { ProxmoxCsiAccess } from "./kubernetes/proxmoxCsiAccess";
import { privateCaBundle } from "./kubernetes/caBundle";
import { NetworkLayer, type DnsRecord } from "./network";
import { HARBOR_REDIS_USER, ServicesLayer, type ServiceInventoryEntry } from "./services";

export interface DataCenterOutputs {
  guests: PlacedGuest[];
  capacity: HostCapacity[];
  kubeconfig: pulumi.Output<string>;
  platformReleases: ReleaseInfo[];
  platformHostnames: StackConfig["kubernetes"]["hostnames"];
  /** Admin and service credentials the platform generated (each secret). */
  platformCredentials: Record<string, pulumi.Output<string>>;
  dnsRecords: DnsRecord[];
  /** What the services layer installs in which guest (pinned package versions). */
  services: ServiceInventoryEntry[];
  /** Credentials the services layer generated (each secret). */
  serviceCredentials: Record<string, pulumi.Output<string>>;
}

/** Kubernetes nodes in config order; the first control-plane node bootstraps the cluster. */
export function kubernetesNodes(config: StackConfig): Microk8sNodeSpec[] {
  const nodes = config.guests.filter(
    (g) => g.role === "k8s-control-plane" || g.role === "k8s-worker",
  );
  const bootstrap = nodes.find((g) => g.role === "k8s-control-plane");
  return nodes.map((g) => ({
    name: g.name,
    ip: g.ip,
    hostNode: g.host,
    role: g === bootstrap ? "bootstrap" : "join",
    ...(g.role === "k8s-worker" ? { worker: true } : {}),
  }));
}

/** Where the platform finds the services that run outside the cluster. */
export function platformServices(config: StackConfig): PlatformServices {
  const byRole = (role: string) => config.guests.filter((g) => g.role === role);
  const fqdn = (name: string) => fqdnOf(name, config);
  const [zabbix] = byRole("zabbix");
  const [elasticsearch] = byRole("elasticsearch");
  return {
    mongodb: byRole("mongodb").map((g) => ({ host: fqdn(g.name), port: 27017 })),
    redis: byRole("redis").map((g) => ({ host: fqdn(g.name), port: 6379 })),
    zabbixServer: { host: zabbix ? fqdn(zabbix.name) : "" },
    elasticsearch: { url: elasticsearch ? `https://${fqdn(elasticsearch.name)}:9200` : "" },
    routers: config.routers.map((r) => ({
      name: r.name,
      ip: r.addresses["management"] ?? r.restUrl,
    })),
  };
}

/** Whether the routers answer SNMP from the Kubernetes network (firewall `monitoringFrom`). */
export function routersMonitoredFromCluster(config: StackConfig): boolean {
  const kubernetesNetworks = config.networks.filter((n) => n.purpose === "kubernetes");
  return kubernetesNetworks.some((n) => config.firewall.monitoringFrom.includes(n.name));
}

export function buildDataCenter({ config, secrets }: LoadedStack): DataCenterOutputs {
  // The routers read their credentials from stack config in the provider (configure), so the
  // network layer needs none here.
  const network = new NetworkLayer("network", { config });

  const nodes = kubernetesNodes(config);
  const cluster = new Microk8sCluster("kubernetes", {
    config: config.kubernetes,
    nodes,
    site: { internalZone: config.site.internalZone, region: config.site.name },
    harborRegistryHost: config.kubernetes.hostnames.harbor,
    login: {
      user: config.access.user,
      sshPublicKeys: config.access.sshPublicKeys,
      timezone: config.site.timezone,
    },
  });

  const compute = new ComputeLayer("compute", {
    config,
    proxmoxApiToken: secrets.proxmoxApiToken,
    sshPrivateKey: secrets.sshPrivateKey,
    vmUserData: cluster.userData,
  });

  // The CSI plugin's Proxmox identity; created through the compute layer's provider.
  const csiAccess = config.kubernetes.storage.proxmoxCsi
    ? new ProxmoxCsiAccess("proxmox-csi", { provider: compute.provider })
    : undefined;

  const hasRedis = config.guests.some((g) => g.role === "redis");
  const platform = new KubernetesPlatform("platform", {
    config: config.kubernetes,
    bootstrapNode: cluster.bootstrapNode,
    nodes: nodes.map((n) => ({ name: n.name, ip: n.ip })),
    sshPrivateKey: secrets.sshPrivateKey,
    sshUser: config.access.user,
    dependsOn: Object.values(compute.vms),
    services: platformServices(config),
    site: { internalZone: config.site.internalZone, publicDomain: config.site.publicDomain },
    // The services layer provisions Redis with an ACL user for Harbor and TLS only.
    ...(hasRedis ? { harborRedisTls: true } : {}),
    secrets: {
      cloudflareApiToken: secrets.cloudflareApiToken,
      ...(hasRedis ? { harborRedisUser: HARBOR_REDIS_USER } : {}),
      // The exporter walks the routers from the node VMs, so their network must be allowed.
      ...(routersMonitoredFromCluster(config) ? { routerSnmp: network.snmp } : {}),
      ...(csiAccess
        ? {
            proxmoxCsi: pulumi
              .all([csiAccess.tokenId, csiAccess.tokenSecret])
              .apply(([tokenId, tokenSecret]) => ({
                endpoint: config.proxmox.endpoint,
                insecure: config.proxmox.insecure,
                region: config.site.name,
                tokenId,
                tokenSecret,
              })),
          }
        : {}),
    },
    certificateAuthorities: cluster.certificateAuthorities,
  });

  const services = new ServicesLayer("services", {
    config,
    placement: compute.placement,
    containers: compute.containers,
    sshPrivateKey: secrets.sshPrivateKey,
    certificateAuthorities: cluster.certificateAuthorities,
    caBundle:
      privateCaBundle(config.kubernetes, cluster.certificateAuthorities) ?? pulumi.output(""),
    platformCredentials: platform.credentials,
    routerSnmp: network.snmp,
  });

  return {
    guests: compute.placement,
    capacity: compute.capacity,
    kubeconfig: platform.kubeconfig,
    platformReleases: Object.values(platform.releases),
    platformHostnames: platform.hostnames,
    platformCredentials: platform.credentials,
    dnsRecords: network.dnsRecords,
    services: services.inventory,
    serviceCredentials: services.credentials,
  };
}
