/**
 * Fetches the admin kubeconfig from the bootstrap node over SSH and builds the Kubernetes
 * provider every platform resource uses.
 */
import * as command from "@pulumi/command";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { FETCH_KUBECONFIG_COMMAND, kubeconfigForApi } from "./kubeconfig";

export interface ClusterAccessArgs {
  readonly bootstrapNode: { name: string; ip: string };
  /** Stable API address written into the kubeconfig. */
  readonly apiAddress: string;
  readonly sshUser: string;
  readonly sshPrivateKey: pulumi.Output<string>;
  /** The node VMs: the command must not run before they exist. */
  readonly dependsOn: pulumi.Input<pulumi.Resource>[];
}

export class ClusterAccess extends pulumi.ComponentResource {
  static readonly __pulumiType = "baremetal:kubernetes:ClusterAccess";

  /** Admin kubeconfig pointing at the stable API address (secret). */
  public readonly kubeconfig: pulumi.Output<string>;
  public readonly provider: k8s.Provider;

  constructor(name: string, args: ClusterAccessArgs, opts?: pulumi.ComponentResourceOptions) {
    // The key is wrapped so a caller's plain Output can never land in state as component input.
    super(
      ClusterAccess.__pulumiType,
      name,
      { ...args, sshPrivateKey: pulumi.secret(args.sshPrivateKey), dependsOn: undefined },
      opts,
    );
    const fetch = new command.remote.Command(
      `${name}-kubeconfig`,
      {
        connection: {
          host: args.bootstrapNode.ip,
          user: args.sshUser,
          privateKey: pulumi.secret(args.sshPrivateKey),
        },
        create: FETCH_KUBECONFIG_COMMAND,
        // stdout is the credential: keep it out of the logs and secret in state.
        logging: "stderr",
        // A rebuilt bootstrap node has a new CA and admin token.
        triggers: [args.bootstrapNode.name, args.bootstrapNode.ip],
      },
      { parent: this, dependsOn: args.dependsOn, additionalSecretOutputs: ["stdout"] },
    );
    this.kubeconfig = pulumi.secret(
      fetch.stdout.apply((text) => kubeconfigForApi(text, args.apiAddress)),
    );
    this.provider = new k8s.Provider(
      `${name}-provider`,
      { kubeconfig: this.kubeconfig },
      { parent: this },
    );
    this.registerOutputs({ kubeconfig: this.kubeconfig, provider: this.provider });
  }
}
