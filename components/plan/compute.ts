/**
 * The compute slice: how the Proxmox provider reaches the cluster, what each host holds (guest
 * bridge, downloaded images), every guest, the nightly backup job and high availability.
 */
import { capacityReport, type HostCapacity } from "../config/capacity";
import { isKubernetesNode } from "../config/roles";
import type { ProxmoxSettings, StackConfig } from "../config/schema";
import { nodeLogin, type NodeLogin } from "./cluster";
import { placedGuest, type PlacedGuest, type PlannedGuest } from "./guests";
import {
  backedUpVmIds,
  pinnedHosts,
  pruneBackups,
  spreadRules,
  type SpreadRule,
} from "./resilience";

export type DownloadPlan = ProxmoxSettings["lxcTemplate"];

export interface ProxmoxProviderPlan {
  endpoint: string;
  insecure: boolean;
  sshUser: string;
  /** Where the provider reaches each host over SSH (snippet uploads). */
  nodes: { name: string; address: string }[];
}

export interface HostPlan {
  name: string;
  /** The VLAN-aware guest bridge: its NICs and the stack's VLANs (space-separated, sorted). */
  bridge: { name: string; ports: string[]; vids: string; mtu?: number };
  imageDatastore: string;
  /** Downloaded only when a container runs on the host. */
  lxcTemplate?: DownloadPlan;
  /** Downloaded only when a VM runs on the host. */
  cloudImage?: DownloadPlan;
}

/** What every guest's Proxmox arguments share. */
export interface GuestSettings {
  site: string;
  internalZone: string;
  bridge: { name: string; mtu?: number };
  imageDatastore: string;
  sshPublicKeys: string[];
}

export interface BackupPlan {
  resourceId: string;
  schedule: string;
  storage: string;
  mode: ProxmoxSettings["backup"]["mode"];
  vmids: string[];
  pruneBackups: Record<string, string>;
}

export interface HighAvailabilityPlan {
  /** Proxmox VE 8 pins spread-group members with HA groups; 9 uses affinity rules. */
  version: ProxmoxSettings["version"];
  /** Guest name → host, for members pinned by an HA group (Proxmox VE 8 only). */
  pinned: Record<string, string>;
  /** Negative resource-affinity rules (Proxmox VE 9 only). */
  spreadRules: SpreadRule[];
}

/** What the Proxmox CSI plugin's identity is granted on: its datastore and the node VMs. */
export interface CsiAccessPlan {
  datastore: string;
  /** The Kubernetes node VMs, by name (the natural key of each ACL). */
  nodeVms: { name: string; vmId: number }[];
}

export interface ComputePlan {
  site: string;
  provider: ProxmoxProviderPlan;
  hosts: HostPlan[];
  guests: PlannedGuest[];
  settings: GuestSettings;
  /** The login a VM's base cloud-init creates when no cluster document is given for it. */
  login: NodeLogin;
  /** Absent when no guest is stateful. */
  backup?: BackupPlan;
  /** Absent when the stack does not enable HA. */
  ha?: HighAvailabilityPlan;
  /** Present when the stack uses the Proxmox CSI plugin. */
  csiAccess?: CsiAccessPlan;
  placement: PlacedGuest[];
  capacity: HostCapacity[];
}

export function planCompute(config: StackConfig, guests: PlannedGuest[]): ComputePlan {
  const { proxmox } = config;
  const vids = [...new Set(config.networks.map((n) => n.vlanId))].sort((a, b) => a - b).join(" ");
  const mtu = proxmox.bridge.mtu ? { mtu: proxmox.bridge.mtu } : {};
  const hosts = config.hosts.map((host): HostPlan => {
    const placed = guests.filter((g) => g.host === host.name);
    return {
      name: host.name,
      bridge: { name: proxmox.bridge.name, ports: host.bridgePorts, vids, ...mtu },
      imageDatastore: proxmox.imageDatastore,
      ...(placed.some((g) => g.kind === "lxc") ? { lxcTemplate: proxmox.lxcTemplate } : {}),
      ...(placed.some((g) => g.kind === "vm") ? { cloudImage: proxmox.cloudImage } : {}),
    };
  });
  const vmids = backedUpVmIds(config);
  const csi = config.kubernetes.storage.proxmoxCsi;
  return {
    site: config.site.name,
    provider: {
      endpoint: proxmox.endpoint,
      insecure: proxmox.insecure,
      sshUser: proxmox.sshUser,
      nodes: config.hosts.map((host) => ({ name: host.name, address: host.managementIp })),
    },
    hosts,
    guests,
    settings: {
      site: config.site.name,
      internalZone: config.site.internalZone,
      bridge: { name: proxmox.bridge.name, ...mtu },
      imageDatastore: proxmox.imageDatastore,
      sshPublicKeys: config.access.sshPublicKeys,
    },
    login: nodeLogin(config),
    ...(vmids.length > 0
      ? {
          backup: {
            resourceId: `${config.site.name}-stateful`,
            schedule: proxmox.backup.schedule,
            storage: proxmox.backup.storage,
            mode: proxmox.backup.mode,
            vmids,
            pruneBackups: pruneBackups(config),
          },
        }
      : {}),
    ...(proxmox.ha.enabled
      ? {
          ha: {
            version: proxmox.version,
            pinned: proxmox.version < 9 ? Object.fromEntries(pinnedHosts(config)) : {},
            spreadRules: proxmox.version < 9 ? [] : spreadRules(config),
          },
        }
      : {}),
    ...(csi
      ? {
          csiAccess: {
            datastore: csi.datastore,
            nodeVms: guests.filter(isKubernetesNode).map((g) => ({ name: g.name, vmId: g.vmId })),
          },
        }
      : {}),
    placement: guests.map(placedGuest),
    capacity: capacityReport(config.hosts, config.guests, config.capacity),
  };
}
