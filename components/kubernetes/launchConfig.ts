/**
 * Pure renderer of a node's cloud-init user-data: the microk8s launch configuration, the snap
 * install, and (for joiners) the join step. No Pulumi types here so it is unit-testable.
 *
 * Launch configurations are read by the snap's install hook, which copies the first file found
 * among /etc/microk8s.yaml, ~/snap/microk8s/common/.microk8s.yaml and
 * /var/snap/microk8s/common/.microk8s.yaml; the file must therefore exist before `snap install`.
 * cloud-init runs write_files before runcmd, which gives exactly that order.
 */
import { stringify } from "yaml";
import type { KubernetesConfig } from "../config/kubernetes";
import { baseCloudConfig, topologyLabels } from "../plan";
import type { Microk8sNodeSpec, NodeLogin } from "./types";

export const LAUNCH_CONFIG_PATH = "/etc/microk8s.yaml";
export const JOIN_SCRIPT_PATH = "/usr/local/sbin/microk8s-join.sh";
/** Cluster-agent port a joiner contacts on the bootstrap node. */
export const CLUSTER_AGENT_PORT = 25000;
export const API_PORT = 16443;

export interface NodeUserDataInput {
  readonly config: KubernetesConfig;
  readonly node: Microk8sNodeSpec;
  readonly bootstrapIp: string;
  /** Persistent cluster token (32 characters). */
  readonly token: string;
  readonly harborRegistryHost: string;
  readonly internalZone: string;
  /** Topology region of the node labels (the Proxmox cluster the CSI plugin addresses). */
  readonly region: string;
  /** Private CA roots the node trusts (containerd verifies Harbor against the trust store). */
  readonly trustedCaPems?: readonly string[];
  /**
   * Login user, keys and time zone. Proxmox cannot combine its own user settings with a
   * user-data snippet, so the document must create the user the kubeconfig is fetched with.
   */
  readonly login?: NodeLogin;
}

interface LaunchAddon {
  name: string;
  args?: string[];
}

/** Addons that belong to the cluster; enabled once, on the bootstrap node. */
export function clusterAddons(config: KubernetesConfig): LaunchAddon[] {
  const addons: LaunchAddon[] = [
    { name: "dns" },
    { name: "rbac" },
    // One comma-separated argument, as `microk8s enable metallb:<ranges>` expects.
    { name: "metallb", args: [config.metallb.addressPool.join(",")] },
  ];
  if (config.storage.hostpathAllowed) addons.push({ name: "hostpath-storage" });
  // Traefik in microk8s 1.35+ (see README: ingress choice).
  addons.push({ name: "ingress" });
  for (const extra of config.extraAddons) {
    addons.push(
      extra.args.length > 0 ? { name: extra.name, args: [...extra.args] } : { name: extra.name },
    );
  }
  return addons;
}

/** containerd `hosts.toml` for the internal Harbor: pull and resolve over HTTPS. */
export function harborHostsToml(registryHost: string): string {
  return [
    `server = "https://${registryHost}"`,
    "",
    `[host."https://${registryHost}"]`,
    `  capabilities = ["pull", "resolve"]`,
    "",
  ].join("\n");
}

/** The launch configuration document written to LAUNCH_CONFIG_PATH. */
export function renderLaunchConfig(input: NodeUserDataInput): Record<string, unknown> {
  const { config, node } = input;
  const doc: Record<string, unknown> = {
    version: config.launchConfigVersion,
    // Lets any node (not only the bootstrap one) accept joins with the same token later on.
    persistentClusterToken: input.token,
    extraSANs: [config.api.address, ...config.api.extraSANs],
    // kube-prometheus-stack scrapes kube-proxy on the node address.
    extraKubeProxyArgs: { "--metrics-bind-address": "0.0.0.0:10249" },
    // Region/zone = Proxmox cluster/host: the CSI plugin places a volume on the node's host.
    // NodeRestriction lets a kubelet set exactly these topology labels on itself.
    extraKubeletArgs: { "--node-labels": nodeLabels(input) },
    containerdRegistryConfigs: {
      [input.harborRegistryHost]: harborHostsToml(input.harborRegistryHost),
    },
  };
  if (node.role === "bootstrap") doc["addons"] = clusterAddons(config);
  return doc;
}

function nodeLabels(input: NodeUserDataInput): string {
  return Object.entries(topologyLabels(input.region, input.node.hostNode))
    .map(([key, value]) => `${key}=${value}`)
    .join(",");
}

/**
 * Join loop for nodes 2..n. The bootstrap VM may still be installing when a joiner boots, so the
 * join is retried instead of being left to the one-shot launch-config `join` field; a marker
 * file keeps a re-run from joining twice.
 */
export function renderJoinScript(input: NodeUserDataInput): string {
  const url = `${input.bootstrapIp}:${CLUSTER_AGENT_PORT}/${input.token}`;
  const workerFlag = input.node.worker ? " --worker" : "";
  return [
    "#!/bin/sh",
    "set -eu",
    "marker=/var/lib/microk8s-joined",
    '[ -f "$marker" ] && exit 0',
    "for attempt in $(seq 1 90); do",
    `  if microk8s join ${url}${workerFlag}; then`,
    '    touch "$marker"',
    "    exit 0",
    "  fi",
    '  echo "join attempt $attempt failed; retrying" >&2',
    "  sleep 10",
    "done",
    "exit 1",
    "",
  ].join("\n");
}

/** keepalived holding the API VIP on control-plane nodes while their API server is live. */
export function renderKeepalived(input: NodeUserDataInput): string | undefined {
  const vrrp = input.config.api.vrrp;
  if (!vrrp || input.node.worker) return undefined;
  const priority = input.node.role === "bootstrap" ? 150 : 100;
  return [
    "global_defs {",
    "  enable_script_security",
    "  script_user root",
    "}",
    "vrrp_script chk_apiserver {",
    // /livez is readable anonymously (system:public-info-viewer).
    `  script "/usr/bin/curl -skf --max-time 2 https://127.0.0.1:${API_PORT}/livez"`,
    "  interval 3",
    "  fall 3",
    "  rise 2",
    "}",
    "vrrp_instance K8S_API {",
    "  state BACKUP",
    `  interface ${vrrp.interface}`,
    `  virtual_router_id ${vrrp.virtualRouterId}`,
    `  priority ${priority}`,
    "  advert_int 1",
    `  virtual_ipaddress {\n    ${input.config.api.address}\n  }`,
    "  track_script {\n    chk_apiserver\n  }",
    "}",
    "",
  ].join("\n");
}

/** The complete `#cloud-config` document for one node. */
export function renderNodeUserData(input: NodeUserDataInput): string {
  const { config, node } = input;
  const keepalived = renderKeepalived(input);
  const files: Record<string, unknown>[] = [
    {
      path: LAUNCH_CONFIG_PATH,
      owner: "root:root",
      permissions: "0600",
      content: stringify(renderLaunchConfig(input), { blockQuote: "literal" }),
    },
  ];
  if (node.role === "join") {
    files.push({
      path: JOIN_SCRIPT_PATH,
      owner: "root:root",
      permissions: "0700",
      content: renderJoinScript(input),
    });
  }
  if (keepalived) {
    files.push({
      path: "/etc/keepalived/keepalived.conf",
      permissions: "0644",
      content: keepalived,
    });
  }
  const runcmd: string[][] = [
    ["systemctl", "enable", "--now", "qemu-guest-agent"],
    ["snap", "install", "microk8s", "--classic", `--channel=${config.snapChannel}`],
    ["microk8s", "status", "--wait-ready", "--timeout", "600"],
  ];
  if (node.role === "join") runcmd.push([JOIN_SCRIPT_PATH]);
  if (keepalived) runcmd.push(["systemctl", "enable", "--now", "keepalived"]);

  const fqdn = `${node.name}.${input.internalZone}`;
  const base = input.login ? baseCloudConfig({ hostname: node.name, fqdn, ...input.login }) : {};
  const baseRuncmd = (base["runcmd"] as string[][] | undefined) ?? [];
  const doc: Record<string, unknown> = {
    ...base,
    hostname: node.name,
    fqdn,
    manage_etc_hosts: true,
    package_update: true,
    packages: keepalived ? ["qemu-guest-agent", "keepalived"] : ["qemu-guest-agent"],
  };
  // containerd verifies Harbor against the system trust store; private CAs are added to it.
  const trusted = [
    ...(input.trustedCaPems ?? []),
    ...(config.registryCaPem ? [config.registryCaPem] : []),
  ];
  if (trusted.length > 0) doc["ca_certs"] = { trusted };
  doc["write_files"] = files;
  const seen = new Set(runcmd.map((step) => step.join(" ")));
  doc["runcmd"] = [...baseRuncmd.filter((step) => !seen.has(step.join(" "))), ...runcmd];
  // Literal blocks keep scripts and configs readable in the VM and in snapshots.
  return `#cloud-config\n${stringify(doc, { blockQuote: "literal" })}`;
}
