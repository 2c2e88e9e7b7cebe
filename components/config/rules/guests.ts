/**
 * Per-guest limits Proxmox itself enforces, where Kubernetes nodes live, and the names a guest
 * shares the internal zone with (the platform's hostnames included).
 */
import { isKubernetesNode } from "../roles";
import { duplicates, type Report, type Sections } from "./context";

export function guestLimitRules({ guests, hosts }: Sections, report: Report): void {
  if (!guests || !hosts) return;
  guests.forEach((guest, i) => {
    const host = hosts.find((h) => h.name === guest.host);
    if (!host) return; // reported by the reference rule
    const threads = host.sockets * host.coresPerSocket * host.threadsPerCore;
    if (guest.cores > threads) {
      report(
        ["guests", i, "cores"],
        `${guest.cores} vCPUs is more than host ${host.name} has threads (${threads}); Proxmox refuses it`,
      );
    }
    if (guest.memoryGb > host.memoryGb) {
      report(
        ["guests", i, "memoryGb"],
        `${guest.memoryGb} GB is more than host ${host.name} has (${host.memoryGb} GB); Proxmox refuses it`,
      );
    }
  });
}

export function kubernetesNodeNetworkRules(
  { guests, networks, partial }: Sections,
  report: Report,
): void {
  if (!guests || !networks || partial?.has("networks")) return;
  guests.forEach((guest, i) => {
    if (!isKubernetesNode(guest)) return;
    const network = networks.find((n) => n.name === guest.network);
    if (network && network.purpose !== "kubernetes") {
      report(
        ["guests", i, "network"],
        `network "${network.name}" has purpose ${network.purpose}; Kubernetes nodes belong on a network with purpose "kubernetes"`,
      );
    }
  });
}

export function platformHostnameRules(
  { kubernetes, site, guests, hosts, routers }: Sections,
  report: Report,
): void {
  if (!kubernetes) return;
  const entries = Object.entries(kubernetes.hostnames).map(([key, name]) => ({
    key,
    name: name.toLowerCase(),
  }));
  duplicates(
    entries,
    (e) => e.name,
    (i, name) => {
      const first = entries.find((e) => e.name === name);
      report(
        ["kubernetes", "hostnames", entries[i]?.key ?? ""],
        `${name} is also baremetal:kubernetes.hostnames.${first?.key ?? ""}; each platform service needs its own hostname`,
      );
    },
  );
  if (!site) return;
  const zone = site.internalZone.toLowerCase();
  const named = [
    ...(routers ?? []).map((r, i) => ({ name: r.name, segments: ["routers", i, "name"] })),
    ...(hosts ?? []).map((h, i) => ({ name: h.name, segments: ["hosts", i, "name"] })),
    ...(guests ?? []).map((g, i) => ({ name: g.name, segments: ["guests", i, "name"] })),
  ];
  for (const { name, segments } of named) {
    const record = `${name}.${zone}`;
    const platform = entries.find((e) => e.name === record);
    if (platform) {
      report(
        segments,
        `${record} is also the platform hostname baremetal:kubernetes.hostnames.${platform.key}; the internal zone would answer with two addresses`,
      );
    }
  }
}
