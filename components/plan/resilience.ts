/**
 * Backups and high availability for the guests, as pure descriptions (tested without mocks);
 * the compute layer turns them into Proxmox resources.
 */
import { isStateful, kindOf, ROLE_TRAITS } from "../config/roles";
import type { Guest, StackConfig } from "../config/schema";

/** Proxmox HA id of a guest: `ct:<vmid>` for containers, `vm:<vmid>` for VMs. */
export function haResourceId(guest: Guest): string {
  return `${kindOf(guest) === "lxc" ? "ct" : "vm"}:${guest.vmId}`;
}

export interface SpreadRule {
  name: string;
  resources: string[];
}

/** Negative resource-affinity rules: members of a spread group must never share a host. */
export function spreadRules(config: StackConfig): SpreadRule[] {
  const groups = new Map<string, Guest[]>();
  for (const guest of config.guests) {
    const group = ROLE_TRAITS[guest.role].spreadGroup;
    if (group && !config.placement.allowColocation.includes(group)) {
      groups.set(group, [...(groups.get(group) ?? []), guest]);
    }
  }
  return [...groups.entries()]
    .filter(([, members]) => members.length > 1)
    .map(([group, members]) => ({
      name: `${group}-spread`,
      resources: members.map(haResourceId).sort(),
    }));
}

/** Guest name → host, for every member of a spread rule (pinned there on Proxmox VE 8). */
export function pinnedHosts(config: StackConfig): Map<string, string> {
  const members = new Set(spreadRules(config).flatMap((rule) => rule.resources));
  return new Map(
    config.guests.filter((g) => members.has(haResourceId(g))).map((g) => [g.name, g.host]),
  );
}

/** VMIDs covered by the nightly vzdump job: every guest whose data exists nowhere else. */
export function backedUpVmIds(config: StackConfig): string[] {
  return config.guests
    .filter(isStateful)
    .map((guest) => guest.vmId)
    .sort((a, b) => a - b)
    .map(String);
}

export function pruneBackups(config: StackConfig): Record<string, string> {
  const { keepDaily, keepWeekly, keepMonthly } = config.proxmox.backup;
  return {
    "keep-daily": String(keepDaily),
    "keep-weekly": String(keepWeekly),
    "keep-monthly": String(keepMonthly),
  };
}
