/** Shared shapes between the cluster formation step and the compute layer. */

/** One microk8s node VM as the compute layer plans it. */
export interface Microk8sNodeSpec {
  /** VM / host name; the natural key of everything created for the node. */
  readonly name: string;
  /** Static IPv4 of the node (the join target must be an IP, microk8s rejects host names). */
  readonly ip: string;
  /** Proxmox host that runs the VM. */
  readonly hostNode: string;
  /** Exactly one node bootstraps the cluster; every other node joins it. */
  readonly role: "bootstrap" | "join";
  /** Join as a worker (kubelet only, not a dqlite voter). @default false */
  readonly worker?: boolean;
}

/** A node as seen by the platform step (after the VMs exist). */
export interface PlatformNode {
  readonly name: string;
  readonly ip: string;
}

/** Addresses of services that run outside the cluster (LXC guests, routers). */
export interface PlatformServices {
  readonly mongodb: readonly { host: string; port: number }[];
  readonly redis: readonly { host: string; port: number }[];
  readonly zabbixServer: { host: string };
  readonly elasticsearch: { url: string };
  readonly routers: readonly { name: string; ip: string }[];
}

/** The login a node's cloud-init creates: used by operators and to fetch the kubeconfig. */
export interface NodeLogin {
  readonly user: string;
  readonly sshPublicKeys: readonly string[];
  readonly timezone: string;
}
