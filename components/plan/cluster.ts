/**
 * The cluster slice: the microk8s nodes in stack-file order, the one that bootstraps the
 * cluster, the stable API address and where the ingress answers, and what every node's cloud-init
 * starts from (site, topology region, login).
 */
import { apiVirtualIp } from "../config/apiAddress";
import type { KubernetesConfig } from "../config/kubernetes";
import { isKubernetesNode } from "../config/roles";
import type { Guest, StackConfig } from "../config/schema";
import { mustExist } from "../invariant";

/** One microk8s node VM. */
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

/** The login a node's cloud-init creates: used by operators and to fetch the kubeconfig. */
export interface NodeLogin {
  readonly user: string;
  readonly sshPublicKeys: readonly string[];
  readonly timezone: string;
}

export interface ApiPlan {
  /** The stable API address (virtual IP or DNS name) in kubeconfig and the certificate SANs. */
  address: string;
  /** `address` is a DNS name (a record points it at `ingressAddress`), not an IP. */
  isName: boolean;
  /** Where the ingress and a named API answer: the virtual IP, else the bootstrap node. */
  ingressAddress: string | undefined;
}

export interface ClusterPlan {
  readonly config: KubernetesConfig;
  readonly nodes: Microk8sNodeSpec[];
  readonly bootstrap: { name: string; ip: string };
  readonly api: ApiPlan;
  /** `region` is the topology region the kubelets register with (the Proxmox cluster). */
  readonly site: { internalZone: string; region: string };
  /** Host name of the internal Harbor that containerd trusts. */
  readonly harborRegistryHost: string;
  readonly login: NodeLogin;
}

/** The node that bootstraps the cluster: the first control-plane node in the stack file. */
export function bootstrapGuest<G extends Pick<Guest, "role">>(guests: readonly G[]): G | undefined {
  return guests.find((g) => g.role === "k8s-control-plane");
}

export function planApi(config: Pick<StackConfig, "kubernetes" | "guests">): ApiPlan {
  const virtualIp = apiVirtualIp(config.kubernetes);
  return {
    address: config.kubernetes.api.address,
    isName: virtualIp === undefined,
    ingressAddress: virtualIp ?? bootstrapGuest(config.guests)?.ip,
  };
}

/**
 * Labels a node's kubelet registers with: region = the Proxmox cluster (the CSI plugin's cluster
 * `region`), zone = the Proxmox host, so the plugin puts a volume on the node's host.
 */
export function topologyLabels(region: string, proxmoxHost: string): Record<string, string> {
  return {
    "topology.kubernetes.io/region": region,
    "topology.kubernetes.io/zone": proxmoxHost,
  };
}

/** The login every node VM's cloud-init creates (and the kubeconfig is fetched with). */
export function nodeLogin(config: Pick<StackConfig, "access" | "site">): NodeLogin {
  return {
    user: config.access.user,
    sshPublicKeys: config.access.sshPublicKeys,
    timezone: config.site.timezone,
  };
}

export function planCluster(config: StackConfig): ClusterPlan {
  const guests = config.guests.filter(isKubernetesNode);
  const bootstrap = mustExist(bootstrapGuest(guests), "a k8s-control-plane guest");
  const nodes = guests.map((g): Microk8sNodeSpec => ({
    name: g.name,
    ip: g.ip,
    hostNode: g.host,
    role: g === bootstrap ? "bootstrap" : "join",
    ...(g.role === "k8s-worker" ? { worker: true } : {}),
  }));
  return {
    config: config.kubernetes,
    nodes,
    bootstrap: { name: bootstrap.name, ip: bootstrap.ip },
    api: planApi(config),
    site: { internalZone: config.site.internalZone, region: config.site.name },
    harborRegistryHost: config.kubernetes.hostnames.harbor,
    login: nodeLogin(config),
  };
}
