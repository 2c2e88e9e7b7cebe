/**
 * The Proxmox CSI plugin creates each volume on a datastore of the host that runs the node VM,
 * so the datastore it is given must exist, and hold VM disks, on every host with a Kubernetes
 * node. A host without it would only show up as PVCs stuck in Pending after `pulumi up`.
 */
import { isKubernetesNode } from "../roles";
import type { Report, Sections } from "./context";

/** Datastore types of the schema on which the plugin allocates volumes (nfs and pbs: no). */
const BLOCK_TYPES: ReadonlySet<string> = new Set(["lvmthin", "zfspool", "dir"]);

export function storageRules({ kubernetes, guests, hosts }: Sections, report: Report): void {
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
    }
  }
}
