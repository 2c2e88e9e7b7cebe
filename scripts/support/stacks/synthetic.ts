/**
 * A valid stack configuration of any size: `hosts` identical Proxmox hosts, a three-member MongoDB
 * replica set and three control-plane nodes on distinct hosts (fewer hosts: co-location is
 * allowed), Harbor's PostgreSQL and object store, a Kubernetes worker and one service container on
 * every host.
 */
import { stringify } from "yaml";
import { CONFIG_NAMESPACE } from "../../../components/config/issues";
import { PINNED_CLOUD_IMAGE, PINNED_LXC_TEMPLATE } from "./images";
import { productionKubernetesConfig } from "./kubernetesConfig";

const MAX_HOSTS = 60_000;

/** `10.<second>.x.y` for the `offset`-th address of a /16. */
function address(second: number, offset: number): string {
  return `10.${second}.${Math.floor(offset / 256)}.${offset % 256}`;
}

const MANAGEMENT = 10;
const SERVICES = 20;
const KUBERNETES = 30;
/** Addresses below this offset are kept for the gateway and the routers. */
const FIRST_FREE = 16;

function hostName(index: number): string {
  return `pve-${String(index + 1).padStart(3, "0")}`;
}

const SERVICE_ROLES = ["redis", "zabbix", "elasticsearch", "kibana"] as const;

const DATA_PATHS: Record<string, string> = {
  mongodb: "/var/lib/mongodb",
  redis: "/var/lib/redis",
  zabbix: "/var/lib/postgresql",
  elasticsearch: "/var/lib/elasticsearch",
  postgresql: "/var/lib/postgresql",
  objectstore: "/var/lib/garage",
};

/** Raw config of an N-host stack, keyed like the stack file's keys without `baremetal:`. */
export function syntheticStackConfig(hosts: number): Record<string, unknown> {
  if (!Number.isInteger(hosts) || hosts < 1 || hosts > MAX_HOSTS) {
    throw new RangeError(`hosts must be an integer from 1 to ${MAX_HOSTS}, got ${hosts}`);
  }
  const networks = [
    {
      name: "management",
      vlanId: 10,
      cidr: "10.10.0.0/16",
      gateway: "10.10.0.1",
      purpose: "management",
    },
    {
      name: "services",
      vlanId: 20,
      cidr: "10.20.0.0/16",
      gateway: "10.20.0.1",
      purpose: "services",
    },
    {
      name: "kubernetes",
      vlanId: 30,
      cidr: "10.30.0.0/16",
      gateway: "10.30.0.1",
      purpose: "kubernetes",
    },
  ];
  const routers = [2, 3].map((last, i) => ({
    name: `rtr-${i + 1}`,
    model: "CCR2116-12G-4S+",
    restUrl: `https://10.10.0.${last}`,
    vrrpPriority: i === 0 ? 200 : 100,
    trunkInterface: "sfp-sfpplus1",
    addresses: {
      management: `10.10.0.${last}`,
      services: `10.20.0.${last}`,
      kubernetes: `10.30.0.${last}`,
    },
  }));
  const uplinks = [
    {
      name: "isp-a",
      router: "rtr-1",
      interface: "ether1",
      address: "198.51.100.2/30",
      gateway: "198.51.100.1",
      distance: 1,
      probeTarget: "1.1.1.1",
    },
    {
      name: "isp-b",
      router: "rtr-2",
      interface: "ether1",
      address: "203.0.113.2/30",
      gateway: "203.0.113.1",
      distance: 2,
      probeTarget: "8.8.8.8",
    },
  ];
  const hostList = Array.from({ length: hosts }, (_, i) => ({
    name: hostName(i),
    model: "PowerEdge R660",
    sockets: 2,
    coresPerSocket: 16,
    threadsPerCore: 2,
    memoryGb: 256,
    managementIp: address(MANAGEMENT, FIRST_FREE + i),
    bridgePorts: ["ens1f0np0"],
    datastores: [
      { id: "local", type: "dir", sizeGb: 200, content: ["iso", "vztmpl", "snippets", "import"] },
      { id: "local-lvm", type: "lvmthin", sizeGb: 1000, content: ["images", "rootdir"] },
      { id: "nvme", type: "lvmthin", sizeGb: 4000, content: ["images", "rootdir"] },
      { id: "pbs", type: "pbs", sizeGb: 100000, content: ["backup"], shared: true },
    ],
  }));

  const guests: Record<string, unknown>[] = [];
  let servicesOffset = FIRST_FREE;
  let kubernetesOffset = FIRST_FREE;
  const container = (name: string, role: string, host: number, vmId: number, size: number) => {
    guests.push({
      name,
      role,
      host: hostName(host % hosts),
      vmId,
      network: "services",
      ip: address(SERVICES, servicesOffset++),
      cores: role === "mongodb" ? 8 : 4,
      memoryGb: role === "mongodb" ? 32 : 16,
      rootDisk: { datastore: "local-lvm", sizeGb: 16 },
      ...(role in DATA_PATHS
        ? { dataDisk: { datastore: "nvme", sizeGb: size, mountPath: DATA_PATHS[role] } }
        : {}),
    });
  };
  const node = (name: string, role: string, host: number, vmId: number) => {
    guests.push({
      name,
      role,
      host: hostName(host % hosts),
      vmId,
      network: "kubernetes",
      ip: address(KUBERNETES, kubernetesOffset++),
      cores: 8,
      memoryGb: role === "k8s-worker" ? 32 : 16,
      rootDisk: { datastore: "nvme", sizeGb: 100 },
    });
  };

  for (let m = 0; m < 3; m++) container(`mongo-${m + 1}`, "mongodb", m, 201 + m, 500);
  container("postgres-1", "postgresql", 0, 241, 100);
  container("objects-1", "objectstore", 1, 251, 500);
  const controlPlanes = hosts >= 3 ? 3 : 1;
  for (let c = 0; c < controlPlanes; c++)
    node(`k8s-cp-${c + 1}`, "k8s-control-plane", c + 3, 301 + c);
  for (let i = 0; i < hosts; i++) {
    const suffix = String(i + 1).padStart(3, "0");
    const role = SERVICE_ROLES[i % SERVICE_ROLES.length] ?? "redis";
    container(`${role}-${suffix}`, role, i, 100_000 + i, 100);
    node(`k8s-w-${suffix}`, "k8s-worker", i, 200_000 + i);
  }

  const kubernetes = {
    ...structuredClone(productionKubernetesConfig),
    controlPlaneNodes: controlPlanes,
    // A VRRP address for the API needs the three-node control plane.
    api:
      controlPlanes === 3
        ? { ...structuredClone(productionKubernetesConfig.api), address: "10.30.0.10" }
        : { address: "10.30.0.10", extraSANs: [] },
    // The top of the Kubernetes /16, far above the node addresses.
    metallb: { addressPool: ["10.30.255.200-10.30.255.239"] },
    // Harbor's external services are this stack's own guests (redis-001 is on the first host).
    harbor: {
      ...structuredClone(productionKubernetesConfig.harbor),
      database: {
        ...structuredClone(productionKubernetesConfig.harbor.database),
        host: "postgres-1.syn.internal.example.com",
      },
      redis: { addr: "redis-001.syn.internal.example.com:6379" },
      imageStorage: {
        type: "s3",
        regionendpoint: "https://objects-1.syn.internal.example.com:3900",
        region: "default",
        bucket: "harbor",
      },
    },
  };

  return {
    site: {
      name: "syn",
      internalZone: "syn.internal.example.com",
      publicDomain: "example.com",
      timezone: "America/Sao_Paulo",
    },
    networks,
    routers,
    uplinks,
    proxmox: {
      endpoint: "https://10.10.0.16:8006/",
      insecure: false,
      sshUser: "root",
      version: 9,
      bridge: { name: "vmbr1", mtu: 9000 },
      imageDatastore: "local",
      lxcTemplate: { ...PINNED_LXC_TEMPLATE },
      cloudImage: { ...PINNED_CLOUD_IMAGE },
      ha: { enabled: hosts >= 3 },
      backup: { storage: "pbs", schedule: "*-*-* 02:30", mode: "snapshot" },
    },
    hosts: hostList,
    capacity: { reserve: { cores: 4, memoryGb: 16, diskGb: 50 }, cpuOvercommit: 2 },
    placement: { allowColocation: hosts >= 3 ? [] : ["mongodb"], allowReplace: [] },
    guests,
    access: {
      user: "ops",
      sshPublicKeys: [
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG2T0SaOexamplekeyforopsteam0000000000000 ops@baremetal",
      ],
    },
    kubernetes,
    firewall: {
      managementFrom: ["management"],
      dnsUpstreams: ["1.1.1.1", "9.9.9.9"],
      removeUndeclared: false,
      forward: [
        {
          from: "kubernetes",
          to: "services",
          protocol: "tcp",
          ports: "27017,6379,5432,3900,9200,10051,9216,9121",
          comment: "apps and scrapers to data services",
        },
        {
          from: "services",
          to: "kubernetes",
          protocol: "tcp",
          ports: "10050",
          comment: "zabbix to its agents",
        },
        {
          from: "kubernetes",
          to: "management",
          protocol: "tcp",
          ports: "8006",
          comment: "CSI plugin to the Proxmox API",
        },
        { from: "management", to: "services", comment: "operators to services" },
        { from: "management", to: "kubernetes", comment: "operators to kubernetes" },
      ],
    },
  };
}

/** The same stack as a complete `Pulumi.<stack>.yaml` document with `baremetal:` keys. */
export function syntheticStackYaml(hosts: number): string {
  const config: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(syntheticStackConfig(hosts))) {
    config[`${CONFIG_NAMESPACE}:${key}`] = value;
  }
  return `# Synthetic stack: ${hosts} hosts.\n${stringify({ config }, { lineWidth: 0 })}`;
}
