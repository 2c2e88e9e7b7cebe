/**
 * The Proxmox CSI plugin creates each volume on a datastore of the host that runs the node VM,
 * so the datastore it is given must exist, and hold VM disks, on every host with a Kubernetes
 * node. A host without it would only show up as PVCs stuck in Pending after `pulumi up`.
 */
import { platformClaimsGb } from "../claims";
import { capacityReport } from "../capacity";
import { isKubernetesNode } from "../roles";
import type { Report, Sections } from "./context";

/** Datastore types of the schema on which the plugin allocates volumes (nfs and pbs: no). */
const BLOCK_TYPES: ReadonlySet<string> = new Set(["lvmthin", "zfspool", "dir"]);

export function storageRules(
  { kubernetes, guests, hosts, capacity }: Sections,
  report: Report,
): void {
  const csi = kubernetes?.storage.proxmoxCsi;
  if (!csi || !guests || !hosts) return;
  const path = ["kubernetes", "storage", "proxmoxCsi", "datastore"];
  const nodeHosts = [...new Set(guests.filter(isKubernetesNode).map((g) => g.host))].sort();
  for (const hostName of nodeHosts) {
    const host = hosts.find((h) => h.name === hostName);
    if (!host) continue; // an unknown host is already reported by the reference rule
    const datastore = host.datastores.find((d) => d.id === csi.datastore);
    if (!datastore) {
      report(
        path,
        `${csi.datastore} is not a datastore of ${hostName}, which runs a Kubernetes node`,
      );
    } else if (!datastore.content.includes("images") || !BLOCK_TYPES.has(datastore.type)) {
      report(
        path,
        `${csi.datastore} on ${hostName} must be a block datastore with content "images" for volumes`,
      );
    } else if (capacity) {
      // Pods may all land on one node, so each node's host must be able to hold every volume.
      const needed = platformClaimsGb(kubernetes);
      const [hostCapacity] = capacityReport([host], guests, capacity);
      const free = hostCapacity?.datastores[csi.datastore]?.free ?? 0;
      if (free < needed) {
        report(
          path,
          `${hostName} has ${free} GB free on ${csi.datastore} after its guests; the platform's volumes need up to ${needed} GB there`,
        );
      }
    }
  }
}
