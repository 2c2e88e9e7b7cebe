/**
 * Every guest as the layers need it: the stack-file entry plus what follows from it — its kind
 * (container or VM), whether its data is protected, its FQDN and its network resolved from the
 * name. Computed once; the compute layer, DNS, the cluster and the services plan all read it.
 */
import { networksByName } from "../config/networks";
import { isStateful, kindOf, type GuestKind } from "../config/roles";
import type { Guest, Network, StackConfig } from "../config/schema";
import { mustExist } from "../invariant";
import { haResourceId } from "./resilience";

export interface PlannedGuest extends Guest {
  kind: GuestKind;
  /** Holds data that exists nowhere else. */
  stateful: boolean;
  /** `<name>.<internalZone>`. */
  fqdn: string;
  /** The network named by `network`. */
  vlan: Network;
  /** Listed in `placement.allowReplace`: may be replaced in this update. */
  replaceable: boolean;
  /** Pulumi `protect` and Proxmox `protection`: stateful and not opted into replacement. */
  protect: boolean;
  /** Proxmox tags, lower-case and sorted as Proxmox stores them. */
  tags: string[];
  /** `ct:<vmid>` or `vm:<vmid>`. */
  haResourceId: string;
}

/** A guest as the stack output `guests` reports it. */
export interface PlacedGuest {
  name: string;
  role: Guest["role"];
  kind: GuestKind;
  host: string;
  vmId: number;
  ip: string;
  fqdn: string;
  stateful: boolean;
}

export function fqdnOf(name: string, config: Pick<StackConfig, "site">): string {
  return `${name}.${config.site.internalZone}`;
}

/** Whether a stateful guest may be replaced in the next update (explicit opt-in per stack). */
export function replacementAllowed(
  guest: Pick<Guest, "name">,
  config: Pick<StackConfig, "placement">,
): boolean {
  return config.placement.allowReplace.includes(guest.name);
}

/** Proxmox `protection` (blocks deletion in Proxmox itself) for stateful guests. */
export function proxmoxProtection(
  guest: Pick<Guest, "name" | "role">,
  config: Pick<StackConfig, "placement">,
): boolean {
  return isStateful(guest) && !replacementAllowed(guest, config);
}

/** Proxmox lower-cases and sorts tags; giving them that way avoids a perpetual diff. */
export function guestTags(guest: Pick<Guest, "role">, config: Pick<StackConfig, "site">): string[] {
  return [config.site.name, guest.role, isStateful(guest) ? "stateful" : "stateless"].sort();
}

export function planGuest(guest: Guest, config: StackConfig): PlannedGuest {
  const vlan = mustExist(
    networksByName(config.networks).get(guest.network),
    `network ${guest.network}`,
  );
  return {
    ...guest,
    kind: kindOf(guest),
    stateful: isStateful(guest),
    fqdn: fqdnOf(guest.name, config),
    vlan,
    replaceable: replacementAllowed(guest, config),
    protect: proxmoxProtection(guest, config),
    tags: guestTags(guest, config),
    haResourceId: haResourceId(guest),
  };
}

/** Every guest, in stack-file order. */
export function planGuests(config: StackConfig): PlannedGuest[] {
  return config.guests.map((guest) => planGuest(guest, config));
}

export function placedGuest(guest: PlannedGuest): PlacedGuest {
  return {
    name: guest.name,
    role: guest.role,
    kind: guest.kind,
    host: guest.host,
    vmId: guest.vmId,
    ip: guest.ip,
    fqdn: guest.fqdn,
    stateful: guest.stateful,
  };
}
