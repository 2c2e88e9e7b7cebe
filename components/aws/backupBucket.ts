/**
 * The off-site copy of the data center's backups: an S3 bucket that keeps every version, encrypts
 * at rest, moves backups to cold storage after N days, is never public and refuses plain HTTP;
 * and an IAM user the backup jobs use, allowed that bucket only.
 */
import * as aws from "../sdk/aws";
import * as pulumi from "@pulumi/pulumi";
import type { BackupBucket } from "../config/aws";
import { backupWriterPolicy, denyInsecureTransportPolicy } from "./policies";

export interface OffsiteBackupBucketArgs {
  bucket: BackupBucket;
  region: string;
  provider: aws.Provider;
  tags: Record<string, string>;
}

export interface BackupCredentials {
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export class OffsiteBackupBucket extends pulumi.ComponentResource {
  readonly bucketName: pulumi.Output<string>;
  readonly bucketArn: pulumi.Output<string>;
  /** Everything a backup job needs, secret as a whole. */
  readonly credentials: pulumi.Output<BackupCredentials>;

  constructor(name: string, args: OffsiteBackupBucketArgs, opts?: pulumi.ComponentResourceOptions) {
    super("baremetal:aws:OffsiteBackupBucket", name, {}, opts);
    const child = { parent: this, provider: args.provider };
    const { bucket: cfg } = args;
    // The backups themselves: never deleted by this program.
    const bucket = new aws.s3.Bucket(
      "offsite-backups",
      { bucket: cfg.name, tags: { ...args.tags, purpose: "offsite-backups" } },
      { ...child, protect: true, retainOnDelete: true },
    );
    const publicAccess = new aws.s3.BucketPublicAccessBlock(
      "offsite-backups",
      {
        bucket: bucket.id,
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      },
      child,
    );
    new aws.s3.BucketVersioning(
      "offsite-backups",
      { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } },
      child,
    );
    new aws.s3.BucketServerSideEncryptionConfiguration(
      "offsite-backups",
      {
        bucket: bucket.id,
        rules: [
          {
            applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" },
            bucketKeyEnabled: true,
          },
        ],
      },
      child,
    );
    new aws.s3.BucketLifecycleConfiguration(
      "offsite-backups",
      {
        bucket: bucket.id,
        rules: [
          {
            id: "cold-storage",
            status: "Enabled",
            filter: {},
            transitions: [{ days: cfg.coldStorageAfterDays, storageClass: cfg.coldStorageClass }],
            noncurrentVersionTransitions: [
              { noncurrentDays: cfg.coldStorageAfterDays, storageClass: cfg.coldStorageClass },
            ],
            noncurrentVersionExpiration: { noncurrentDays: cfg.noncurrentVersionDays },
            abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
          },
        ],
      },
      child,
    );
    // After the public access block: a policy with a `*` principal is only accepted once AWS
    // knows the bucket cannot be made public through it.
    new aws.s3.BucketPolicy(
      "offsite-backups",
      {
        bucket: bucket.id,
        policy: bucket.arn.apply((arn) => JSON.stringify(denyInsecureTransportPolicy(arn))),
      },
      { ...child, dependsOn: [publicAccess] },
    );

    const writer = new aws.iam.User(
      "backup-writer",
      { name: `${cfg.name}-writer`, tags: { ...args.tags, purpose: "offsite-backups" } },
      child,
    );
    new aws.iam.UserPolicy(
      "backup-writer",
      {
        user: writer.name,
        policy: bucket.arn.apply((arn) => JSON.stringify(backupWriterPolicy(arn))),
      },
      child,
    );
    const key = new aws.iam.AccessKey(
      "backup-writer",
      { user: writer.name },
      { ...child, additionalSecretOutputs: ["secret"] },
    );

    this.bucketName = bucket.bucket;
    this.bucketArn = bucket.arn;
    this.credentials = pulumi.secret(
      pulumi
        .all([bucket.bucket, key.id, key.secret])
        .apply(([bucketName, accessKeyId, secretAccessKey]) => ({
          bucket: bucketName,
          region: args.region,
          accessKeyId,
          secretAccessKey,
        })),
    );
    this.registerOutputs({ bucketName: this.bucketName, bucketArn: this.bucketArn });
  }
}
