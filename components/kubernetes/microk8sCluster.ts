/**
 * Step (a) of cluster formation: the cluster token and each node's cloud-init user-data.
 *
 * It is separate from the platform step because of a dependency cycle: the VMs need the
 * user-data, which needs the token, while the platform needs the running VMs.
 */
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import type { KubernetesConfig } from "./config";
import { renderNodeUserData } from "./launchConfig";
import type { Microk8sNodeSpec, NodeLogin } from "./types";

export interface Microk8sClusterArgs {
  readonly config: KubernetesConfig;
  /** Node VMs; names are natural keys and must be unique. */
  readonly nodes: Microk8sNodeSpec[];
  readonly site: { internalZone: string };
  /** Host name of the internal Harbor that containerd trusts. */
  readonly harborRegistryHost: string;
  /** Login user and keys every node gets (see NodeUserDataInput.login). */
  readonly login?: NodeLogin;
}

/** Checks the node plan against the config; throws with the offending arg named. */
export function validateNodes(config: KubernetesConfig, nodes: readonly Microk8sNodeSpec[]): void {
  const names = nodes.map((n) => n.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) throw new Error(`[nodes] node name ${duplicate} is not unique`);
  const bootstraps = nodes.filter((n) => n.role === "bootstrap");
  if (bootstraps.length !== 1) {
    throw new Error(`[nodes] need exactly one bootstrap node, got ${bootstraps.length}`);
  }
  if (bootstraps[0]?.worker) throw new Error("[nodes] the bootstrap node cannot be a worker");
  const controlPlane = nodes.filter((n) => !n.worker).length;
  if (controlPlane !== config.controlPlaneNodes) {
    throw new Error(
      `[nodes] ${controlPlane} control-plane nodes but [config.controlPlaneNodes] is ${config.controlPlaneNodes}`,
    );
  }
}

export class Microk8sCluster extends pulumi.ComponentResource {
  static readonly __pulumiType = "baremetal:kubernetes:Microk8sCluster";

  /** Persistent cluster token (secret). */
  public readonly token: pulumi.Output<string>;
  /** Full `#cloud-config` user-data per node name (secret: it carries the token). */
  public readonly userData: Record<string, pulumi.Output<string>>;
  public readonly bootstrapNode: { name: string; ip: string };

  constructor(name: string, args: Microk8sClusterArgs, opts?: pulumi.ComponentResourceOptions) {
    super(Microk8sCluster.__pulumiType, name, args, opts);
    validateNodes(args.config, args.nodes);
    const bootstrap = args.nodes.find((n) => n.role === "bootstrap");
    if (!bootstrap) throw new Error("[nodes] no bootstrap node");
    this.bootstrapNode = { name: bootstrap.name, ip: bootstrap.ip };

    // microk8s requires exactly 32 characters; letters and digits keep it URL-path safe.
    const token = new random.RandomPassword(
      `${name}-token`,
      { length: 32, special: false, upper: true, lower: true, numeric: true },
      { parent: this, additionalSecretOutputs: ["result"] },
    );
    this.token = pulumi.secret(token.result);

    this.userData = {};
    for (const node of args.nodes) {
      this.userData[node.name] = pulumi.secret(
        this.token.apply((value) =>
          renderNodeUserData({
            config: args.config,
            node,
            bootstrapIp: bootstrap.ip,
            token: value,
            harborRegistryHost: args.harborRegistryHost,
            internalZone: args.site.internalZone,
            ...(args.login ? { login: args.login } : {}),
          }),
        ),
      );
    }

    this.registerOutputs({
      token: this.token,
      userData: this.userData,
      bootstrapNode: this.bootstrapNode,
    });
  }
}
