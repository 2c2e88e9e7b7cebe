/**
 * The smallest stack the rules accept: a management and a Kubernetes network, one host, one
 * MongoDB member, one control-plane node, and the guests Harbor needs outside the cluster
 * (PostgreSQL, Redis and the object store for its image blobs).
 */
import type { RawStackConfig } from "../../../components/config/validate";
import { PINNED_CLOUD_IMAGE, PINNED_LXC_TEMPLATE } from "../../support/images";
import { stagingKubernetesConfig } from "../../support/kubernetesConfig";

export function minimalStackConfig(): RawStackConfig {
  return {
    site: { name: "lab", internalZone: "lab.example.com", publicDomain: "example.com" },
    networks: [
      {
        name: "lan",
        vlanId: 2,
        cidr: "192.168.0.0/24",
        gateway: "192.168.0.1",
        purpose: "management",
      },
      {
        name: "k8s",
        vlanId: 3,
        cidr: "192.168.1.0/24",
        gateway: "192.168.1.1",
        purpose: "kubernetes",
      },
    ],
    routers: [
      {
        name: "r1",
        model: "hAP",
        restUrl: "https://192.168.0.2",
        vrrpPriority: 2,
        addresses: { lan: "192.168.0.2", k8s: "192.168.1.2" },
        trunkInterface: "ether2",
      },
      {
        name: "r2",
        model: "hAP",
        restUrl: "https://192.168.0.3",
        vrrpPriority: 1,
        addresses: { lan: "192.168.0.3", k8s: "192.168.1.3" },
        trunkInterface: "ether2",
      },
    ],
    uplinks: [
      {
        name: "a",
        router: "r1",
        interface: "ether1",
        address: "192.0.2.2/31",
        gateway: "192.0.2.3",
        distance: 1,
        probeTarget: "1.1.1.1",
      },
      {
        name: "b",
        router: "r2",
        interface: "ether1",
        address: "192.0.2.4/31",
        gateway: "192.0.2.5",
        distance: 2,
        probeTarget: "9.9.9.9",
      },
    ],
    proxmox: {
      endpoint: "https://192.168.0.10:8006/",
      bridge: { name: "vmbr0" },
      imageDatastore: "local",
      lxcTemplate: { ...PINNED_LXC_TEMPLATE },
      cloudImage: { ...PINNED_CLOUD_IMAGE },
      ha: { enabled: false },
      backup: { storage: "local", schedule: "daily" },
    },
    hosts: [
      {
        name: "pve",
        model: "NUC",
        sockets: 1,
        coresPerSocket: 8,
        threadsPerCore: 1,
        memoryGb: 32,
        managementIp: "192.168.0.10",
        bridgePorts: ["eno1"],
        datastores: [
          {
            id: "local",
            type: "dir",
            sizeGb: 400,
            content: ["images", "rootdir", "vztmpl", "snippets", "import", "backup"],
          },
        ],
      },
    ],
    capacity: { reserve: { cores: 0, memoryGb: 0, diskGb: 0 }, cpuOvercommit: 1 },
    guests: [
      {
        name: "db",
        role: "mongodb",
        host: "pve",
        vmId: 100,
        network: "lan",
        ip: "192.168.0.20",
        cores: 2,
        memoryGb: 8,
        rootDisk: { datastore: "local", sizeGb: 20 },
        dataDisk: { datastore: "local", sizeGb: 30, mountPath: "/var/lib/mongodb" },
      },
      {
        name: "k8s",
        role: "k8s-control-plane",
        host: "pve",
        vmId: 101,
        network: "k8s",
        ip: "192.168.1.21",
        cores: 2,
        memoryGb: 8,
        rootDisk: { datastore: "local", sizeGb: 50 },
      },
      ...(
        [
          ["pg", "postgresql", 102, "/var/lib/postgresql"],
          ["cache", "redis", 103, "/var/lib/redis"],
          ["objects", "objectstore", 104, "/var/lib/garage"],
        ] as const
      ).map(([name, role, vmId, mountPath]) => ({
        name,
        role,
        host: "pve",
        vmId,
        network: "lan",
        ip: `192.168.0.${vmId - 80}`,
        cores: 1,
        memoryGb: 2,
        rootDisk: { datastore: "local", sizeGb: 8 },
        dataDisk: { datastore: "local", sizeGb: 20, mountPath },
      })),
    ],
    access: { sshPublicKeys: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIexample ops@lab"] },
    kubernetes: {
      ...structuredClone(stagingKubernetesConfig),
      api: { address: "192.168.1.10", extraSANs: [] },
      metallb: { addressPool: ["192.168.1.200-192.168.1.220"] },
      harbor: {
        ...structuredClone(stagingKubernetesConfig.harbor),
        database: {
          ...structuredClone(stagingKubernetesConfig.harbor.database),
          host: "pg.lab.example.com",
        },
        redis: { addr: "cache.lab.example.com:6379" },
        imageStorage: {
          type: "s3",
          regionendpoint: "https://objects.lab.example.com:3900",
          region: "default",
          bucket: "harbor",
        },
      },
    },
    firewall: {
      managementFrom: ["lan"],
      dnsUpstreams: ["9.9.9.9"],
      forward: [
        {
          from: "k8s",
          to: "lan",
          protocol: "tcp",
          ports: "3900,5432,6379,9216,9121",
          comment: "cluster to Harbor's services and exporters",
        },
      ],
    },
  };
}
