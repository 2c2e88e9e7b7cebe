/** What each guest role implies: how it runs and whether its data must be protected. */
import type { Guest, GuestRole } from "./schema";

export type GuestKind = "lxc" | "vm";

interface RoleTraits {
  kind: GuestKind;
  /** Holds data that exists nowhere else: protected, backed up, never silently replaced. */
  stateful: boolean;
  /** Members that must sit on distinct hosts, by anti-affinity group. */
  spreadGroup?: "mongodb" | "kubernetes-control-plane";
}

export const ROLE_TRAITS: Record<GuestRole, RoleTraits> = {
  mongodb: { kind: "lxc", stateful: true, spreadGroup: "mongodb" },
  // Harbor's database (and any other platform database) lives outside the cluster.
  postgresql: { kind: "lxc", stateful: true },
  redis: { kind: "lxc", stateful: true },
  zabbix: { kind: "lxc", stateful: true },
  elasticsearch: { kind: "lxc", stateful: true },
  kibana: { kind: "lxc", stateful: false },
  // S3-compatible object storage for Harbor's image blobs, so that no blob lives on a node VM.
  // We intend Garage (S3 API on port 3900); like every guest's software it is installed by host
  // provisioning, not by this program, which only places the container and its data disk.
  objectstore: { kind: "lxc", stateful: true },
  "k8s-control-plane": { kind: "vm", stateful: false, spreadGroup: "kubernetes-control-plane" },
  "k8s-worker": { kind: "vm", stateful: false },
};

export function kindOf(guest: Pick<Guest, "role">): GuestKind {
  return ROLE_TRAITS[guest.role].kind;
}

export function isStateful(guest: Pick<Guest, "role">): boolean {
  return ROLE_TRAITS[guest.role].stateful;
}

export function isKubernetesNode(guest: Pick<Guest, "role">): boolean {
  return guest.role === "k8s-control-plane" || guest.role === "k8s-worker";
}
