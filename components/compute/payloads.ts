/**
 * Pure builders for the Proxmox resource arguments of each guest. Kept free of Pulumi resources so
 * that sizing, networking and protection can be unit-tested directly.
 */
import type * as proxmox from "../sdk/proxmox";
import { withPrefix } from "../config/addressing";
import type { GuestSettings, PlannedGuest } from "../plan";

const MIB_PER_GB = 1024;

export interface GuestContext {
  guest: PlannedGuest;
  settings: GuestSettings;
}

function dns({ guest, settings }: GuestContext) {
  // The routers answer DNS on the network's VRRP address.
  return { domain: settings.internalZone, servers: [guest.vlan.gateway] };
}

function ipv4({ guest }: GuestContext) {
  return { address: withPrefix(guest.ip, guest.vlan.cidr), gateway: guest.vlan.gateway };
}

/** Boot order: data services first, so applications find them on a cold start. */
export function startupOrder(guest: Pick<PlannedGuest, "role" | "stateful">): number {
  return guest.stateful ? 1 : guest.role === "kibana" ? 2 : 3;
}

/** What identifies a guest in Proxmox and to a person browsing it, for containers and VMs alike. */
function guestIdentity({ guest, settings }: GuestContext) {
  return {
    nodeName: guest.host,
    vmId: guest.vmId,
    description: `${guest.role} (${settings.site}), managed by Pulumi`,
    tags: guest.tags,
    protection: guest.protect,
  };
}

export function containerArgs(
  ctx: GuestContext,
  templateFileId: proxmox.types.input.ContainerLegacyOperatingSystem["templateFileId"],
): proxmox.ContainerLegacyArgs {
  const { guest, settings } = ctx;
  return {
    ...guestIdentity(ctx),
    unprivileged: true,
    startOnBoot: true,
    started: true,
    startup: { order: startupOrder(guest), upDelay: 30 },
    // systemd in current Debian templates needs nesting inside unprivileged containers.
    features: { nesting: true },
    cpu: { cores: guest.cores },
    memory: { dedicated: guest.memoryGb * MIB_PER_GB, swap: 0 },
    disk: { datastoreId: guest.rootDisk.datastore, size: guest.rootDisk.sizeGb },
    mountPoints: guest.dataDisk
      ? [
          {
            volume: guest.dataDisk.datastore,
            size: `${guest.dataDisk.sizeGb}G`,
            path: guest.dataDisk.mountPath,
            backup: true,
          },
        ]
      : [],
    networkInterfaces: [
      {
        name: "eth0",
        bridge: settings.bridge.name,
        vlanId: guest.vlan.vlanId,
        firewall: true,
        ...(settings.bridge.mtu ? { mtu: settings.bridge.mtu } : {}),
      },
    ],
    initialization: {
      hostname: guest.name,
      ipConfigs: [{ ipv4: ipv4(ctx) }],
      dns: dns(ctx),
      userAccount: { keys: settings.sshPublicKeys },
    },
    operatingSystem: { templateFileId, type: "debian" },
  };
}

export function vmArgs(
  ctx: GuestContext,
  imageFileId: proxmox.types.input.VmLegacyDisk["importFrom"],
  userDataFileId: proxmox.types.input.VmLegacyInitialization["userDataFileId"],
): proxmox.VmLegacyArgs {
  const { guest, settings } = ctx;
  return {
    ...guestIdentity(ctx),
    name: guest.name,
    onBoot: true,
    started: true,
    stopOnDestroy: true,
    startup: { order: startupOrder(guest), upDelay: 60 },
    machine: "q35",
    agent: { enabled: true, trim: true },
    // All hosts of a stack are the same model, so the host CPU model costs no live migration.
    cpu: { cores: guest.cores, sockets: 1, type: "host", numa: true },
    // No ballooning: the kubelet plans with the memory it sees at boot.
    memory: { dedicated: guest.memoryGb * MIB_PER_GB, floating: 0 },
    scsiHardware: "virtio-scsi-single",
    disks: [
      {
        interface: "scsi0",
        datastoreId: guest.rootDisk.datastore,
        importFrom: imageFileId,
        size: guest.rootDisk.sizeGb,
        discard: "on",
        ssd: true,
        iothread: true,
      },
    ],
    networkDevices: [
      {
        bridge: settings.bridge.name,
        vlanId: guest.vlan.vlanId,
        model: "virtio",
        firewall: true,
        ...(settings.bridge.mtu ? { mtu: settings.bridge.mtu } : {}),
      },
    ],
    initialization: {
      datastoreId: guest.rootDisk.datastore,
      ipConfigs: [{ ipv4: ipv4(ctx) }],
      dns: dns(ctx),
      userDataFileId,
    },
    operatingSystem: { type: "l26" },
    // Cloud images log to the serial console and hang at boot without one.
    serialDevices: [{ device: "socket" }],
  };
}
