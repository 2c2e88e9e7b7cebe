/**
 * The AWS side of the move, built from the migration plan: the pull identity Harbor's ECR
 * replication uses, the adopted EKS node groups scaled by phase, the cutover snapshots, and the
 * off-site backup bucket that outlives the move. Credentials come from the AWS provider's own
 * environment or profile (`AWS_PROFILE`, `AWS_ACCESS_KEY_ID`…), never from this program's config.
 */
import * as aws from "../sdk/aws";
import * as pulumi from "@pulumi/pulumi";
import type { AwsEstate } from "../config/aws";
import type { MigrationPlan } from "../plan/migration";
import { OffsiteBackupBucket, type BackupCredentials } from "./backupBucket";
import { EcrReplicationAccess } from "./ecrReplicationAccess";
import { EksScaling } from "./eksScaling";
import { DataVolumeSnapshots } from "./snapshots";

export { OffsiteBackupBucket, EcrReplicationAccess, EksScaling, DataVolumeSnapshots };
export type { BackupCredentials };

export interface AwsEstateLayerArgs {
  estate: AwsEstate;
  plan: MigrationPlan;
  rehearsal: boolean;
  /** Resources that must change before EKS loses capacity (the Cloudflare maintenance rule). */
  scaleAfter?: pulumi.Input<pulumi.Resource>[];
}

/** What the Harbor component's optional ECR pull replication takes. */
export interface EcrReplicationEndpoint {
  enabled: boolean;
  registryUrl: string;
  region: string;
  repositories: string[];
  project: string;
  accessKeyId: pulumi.Output<string>;
  /** Secret. */
  secretAccessKey: pulumi.Output<string>;
}

export class AwsEstateLayer extends pulumi.ComponentResource {
  readonly provider: aws.Provider;
  readonly ecrReplication: EcrReplicationEndpoint;
  readonly eks: EksScaling;
  readonly snapshots: DataVolumeSnapshots;
  readonly backups: OffsiteBackupBucket;

  constructor(name: string, args: AwsEstateLayerArgs, opts?: pulumi.ComponentResourceOptions) {
    super("baremetal:aws:AwsEstate", name, {}, opts);
    const { estate, plan } = args;
    const tags = {
      "managed-by": "baremetal",
      migration: "aws-exit",
      environment: estate.environment,
    };
    // Refuses to act on any other account, whatever credentials the environment holds.
    this.provider = new aws.Provider(
      "aws",
      { region: estate.region, allowedAccountIds: [estate.accountId] },
      { parent: this },
    );
    const access = new EcrReplicationAccess(
      "ecr-replication",
      {
        accountId: estate.accountId,
        region: estate.region,
        repositories: plan.harbor.ecrReplication.repositories,
        provider: this.provider,
      },
      { parent: this },
    );
    this.ecrReplication = {
      ...plan.harbor.ecrReplication,
      accessKeyId: access.accessKeyId,
      secretAccessKey: access.secretAccessKey,
    };
    this.eks = new EksScaling(
      "eks",
      {
        clusterName: estate.eks.clusterName,
        nodeGroups: estate.eks.nodeGroups,
        scales: plan.eks.nodeGroups,
        provider: this.provider,
        ...(args.scaleAfter ? { after: args.scaleAfter } : {}),
      },
      { parent: this },
    );
    this.snapshots = new DataVolumeSnapshots(
      "snapshots",
      {
        snapshots: plan.snapshots,
        tags,
        rehearsal: args.rehearsal,
        provider: this.provider,
        after: Object.values(this.eks.nodeGroups),
      },
      { parent: this },
    );
    this.backups = new OffsiteBackupBucket(
      "backups",
      { bucket: estate.backupBucket, region: estate.region, provider: this.provider, tags },
      { parent: this },
    );
    this.registerOutputs({});
  }
}
