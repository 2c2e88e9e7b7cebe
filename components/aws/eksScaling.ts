/**
 * The EKS node groups, adopted (never created) and changed only in their scaling: everything else
 * about them belongs to whoever built the cluster, so every other input is ignored. Waves order
 * the changes: when scaling down, workers reach 0 before the system groups follow.
 */
import * as aws from "../sdk/aws";
import * as pulumi from "@pulumi/pulumi";
import type { EksNodeGroup } from "../config/aws";
import type { NodeGroupScale } from "../plan/migration";

/** Every NodeGroup input except `scalingConfig`. */
export const NODE_GROUP_IGNORED_INPUTS = [
  "amiType",
  "capacityType",
  "clusterName",
  "diskSize",
  "forceUpdateVersion",
  "instanceTypes",
  "labels",
  "launchTemplate",
  "nodeGroupName",
  "nodeGroupNamePrefix",
  "nodeRepairConfig",
  "nodeRoleArn",
  "region",
  "releaseVersion",
  "remoteAccess",
  "subnetIds",
  "tags",
  "taints",
  "updateConfig",
  "version",
  "warmPoolConfig",
];

export interface EksScalingArgs {
  clusterName: string;
  /** The adopted groups' required inputs (role, subnets), from the estate config. */
  nodeGroups: EksNodeGroup[];
  /** Sizes and waves from the migration plan. */
  scales: NodeGroupScale[];
  provider: aws.Provider;
  /** Resources that must change first (access cut at Cloudflare before capacity goes). */
  after?: pulumi.Input<pulumi.Resource>[];
}

export class EksScaling extends pulumi.ComponentResource {
  readonly nodeGroups: Record<string, aws.eks.NodeGroup> = {};

  constructor(name: string, args: EksScalingArgs, opts?: pulumi.ComponentResourceOptions) {
    super("baremetal:aws:EksScaling", name, {}, opts);
    const firstWave: aws.eks.NodeGroup[] = [];
    for (const wave of [1, 2] as const) {
      for (const scale of args.scales.filter((s) => s.wave === wave)) {
        const group = args.nodeGroups.find((g) => g.name === scale.name);
        if (!group) throw new Error(`node group ${scale.name} is not in baremetal:aws.eks`);
        const resource = new aws.eks.NodeGroup(
          scale.name,
          {
            clusterName: args.clusterName,
            nodeGroupName: group.name,
            nodeRoleArn: group.nodeRoleArn,
            subnetIds: group.subnetIds,
            scalingConfig: {
              desiredSize: scale.desiredSize,
              minSize: scale.minSize,
              maxSize: scale.maxSize,
            },
          },
          {
            parent: this,
            provider: args.provider,
            import: `${args.clusterName}:${group.name}`,
            ignoreChanges: NODE_GROUP_IGNORED_INPUTS,
            protect: true,
            dependsOn: wave === 1 ? (args.after ?? []) : [...(args.after ?? []), ...firstWave],
          },
        );
        if (wave === 1) firstWave.push(resource);
        this.nodeGroups[scale.name] = resource;
      }
    }
    this.registerOutputs({});
  }
}
