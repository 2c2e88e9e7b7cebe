/**
 * Pure builders for the Proxmox resource arguments of each guest. Kept free of Pulumi resources so
 * that sizing, networking and protection can be unit-tested directly.
 */
import type * as proxmox from "@muhlba91/pulumi-proxmoxve";
import { withPrefix } from "../config/addressing";
import { isStateful } from "../config/roles";
import type { Guest, Network, StackConfig } from "../config/schema";

const MIB_PER_GB = 1024;

export interface GuestContext {
  guest: Guest;
  network: Network;
  config: StackConfig;
}

/** Whether a stateful guest may be replaced in the next update (explicit opt-in per stack). */
export function replacementAllowed(guest: Guest, config: StackConfig): boolean {
  return config.placement.allowReplace.includes(guest.name);
}

/** Proxmox `protection` (blocks deletion in Proxmox itself) for stateful guests. */
export function proxmoxProtection(guest: Guest, config: StackConfig): boolean {
  return isStateful(guest) && !replacementAllowed(guest, config);
}

/** Proxmox lower-cases and sorts tags; giving them that way avoids a perpetual diff. */
export function guestTags(guest: Guest, config: StackConfig): string[] {
  return [config.site.name, guest.role, isStateful(guest) ? "stateful" : "stateless"].sort();
}

export function fqdnOf(name: string, config: StackConfig): string {
  return `${name}.${config.site.internalZone}`;
}

function dns(ctx: GuestContext) {
  // The routers answer DNS on the network's VRRP address.
  return { domain: ctx.config.site.internalZone, servers: [ctx.network.gateway] };
}

function ipv4(ctx: GuestContext) {
  return { address: withPrefix(ctx.guest.ip, ctx.network.cidr), gateway: ctx.network.gateway };
}

/** Boot order: data services first, so applications find them on a cold start. */
export function startupOrder(guest: Guest): number {
  return isStateful(guest) ? 1 : guest.role === "kibana" ? 2 : 3;
}

/** What identifies a guest in Proxmox and to a person browsing it, for containers and VMs alike. */
function guestIdentity({ guest, config }: GuestContext) {
  return {
    nodeName: guest.host,
    vmId: guest.vmId,
    description: `${guest.role} (${config.site.name}), managed by Pulumi`,
    tags: guestTags(guest, config),
    protection: proxmoxProtection(guest, config),
  };
}

export function containerArgs(
  ctx: GuestContext,
  templateFileId: proxmox.types.input.ContainerLegacyOperatingSystem["templateFileId"],
): proxmox.ContainerLegacyArgs {
  const { guest, config } = ctx;
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
        bridge: config.proxmox.bridge.name,
        vlanId: ctx.network.vlanId,
        firewall: true,
        ...(config.proxmox.bridge.mtu ? { mtu: config.proxmox.bridge.mtu } : {}),
      },
    ],
    initialization: {
      hostname: guest.name,
      ipConfigs: [{ ipv4: ipv4(ctx) }],
      dns: dns(ctx),
      userAccount: { keys: config.access.sshPublicKeys },
    },
    operatingSystem: { templateFileId, type: "debian" },
  };
}

export function vmArgs(
  ctx: GuestContext,
  imageFileId: proxmox.types.input.VmLegacyDisk["importFrom"],
  userDataFileId: proxmox.types.input.VmLegacyInitialization["userDataFileId"],
): proxmox.VmLegacyArgs {
  const { guest, config } = ctx;
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
        bridge: config.proxmox.bridge.name,
        vlanId: ctx.network.vlanId,
        model: "virtio",
        firewall: true,
        ...(config.proxmox.bridge.mtu ? { mtu: config.proxmox.bridge.mtu } : {}),
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
