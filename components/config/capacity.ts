/**
 * Per-host capacity accounting. Memory and disk are never overcommitted; CPU may be, by the
 * stack's ratio, because idle vCPUs cost nothing while unused memory still cannot be shared safely.
 */
import type { Capacity, Guest, Host } from "./schema";

export interface Usage {
  used: number;
  capacity: number;
  free: number;
}

export interface HostCapacity {
  host: string;
  model: string;
  /** vCPUs: hardware threads minus the reserve, times the overcommit ratio. */
  cores: Usage;
  memoryGb: Usage;
  /** Disk per local datastore (shared datastores are accounted elsewhere). */
  datastores: Record<string, Usage>;
  guests: string[];
}

function usage(used: number, capacity: number): Usage {
  return { used, capacity, free: capacity - used };
}

/** Hardware threads of a host. */
export function threadsOf(host: Host): number {
  return host.sockets * host.coresPerSocket * host.threadsPerCore;
}

/** Disk a guest takes on each datastore, keyed by datastore id. */
export function diskByDatastore(guest: Guest): Record<string, number> {
  const disks = [guest.rootDisk, ...(guest.dataDisk ? [guest.dataDisk] : [])];
  const total: Record<string, number> = {};
  for (const disk of disks) total[disk.datastore] = (total[disk.datastore] ?? 0) + disk.sizeGb;
  return total;
}

/** Used and free resources of every host for the given placement. */
export function capacityReport(hosts: Host[], guests: Guest[], policy: Capacity): HostCapacity[] {
  return hosts.map((host) => {
    const placed = guests.filter((guest) => guest.host === host.name);
    const datastores: Record<string, Usage> = {};
    for (const store of host.datastores.filter((d) => !d.shared)) {
      const used = placed.reduce((sum, guest) => sum + (diskByDatastore(guest)[store.id] ?? 0), 0);
      datastores[store.id] = usage(used, store.sizeGb - policy.reserve.diskGb);
    }
    const vcpus = Math.floor((threadsOf(host) - policy.reserve.cores) * policy.cpuOvercommit);
    return {
      host: host.name,
      model: host.model,
      cores: usage(
        placed.reduce((sum, guest) => sum + guest.cores, 0),
        vcpus,
      ),
      memoryGb: usage(
        placed.reduce((sum, guest) => sum + guest.memoryGb, 0),
        host.memoryGb - policy.reserve.memoryGb,
      ),
      datastores,
      guests: placed.map((guest) => guest.name),
    };
  });
}
