/**
 * `baremetal:aws`: the AWS estate the data center replaces. Everything here already exists in the
 * account; the program adopts what it must change (the EKS node groups, by `import` id) and never
 * recreates it. The off-site backup bucket is the one thing created in AWS, and it stays after the
 * move.
 */
import { z } from "./zod";

const label = z
  .string()
  .regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, "must be lowercase letters, digits or '-'");
/** `host:port` of a replica-set member, as it appears in the replica-set configuration. */
export const memberHost = z
  .string()
  .regex(
    /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?:\d{1,5}$/,
    "must be host:port such as mongo-0.mongo.prod.svc.cluster.local:27017",
  );

export const AWS_NODE_GROUP_ROLES = ["worker", "system"] as const;

export const eksNodeGroupSchema = z
  .strictObject({
    /** Node group name in EKS (the import id is `<cluster>:<name>`). */
    name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/, "must be an EKS node group name"),
    /** Workers run the applications and are scaled down first; `system` groups after them. */
    role: z.enum(AWS_NODE_GROUP_ROLES),
    /** Required inputs of an adopted node group; changes to them are ignored, never applied. */
    nodeRoleArn: z.string().regex(/^arn:aws:iam::\d{12}:role\/.+$/, "must be an IAM role ARN"),
    subnetIds: z.array(z.string().regex(/^subnet-[0-9a-f]{8,17}$/, "must be a subnet id")).min(1),
    /** Live sizes while the applications still run on EKS. */
    desiredSize: z.number().int().min(0),
    minSize: z.number().int().min(0),
    maxSize: z.number().int().min(1),
  })
  .refine((g) => g.minSize <= g.desiredSize && g.desiredSize <= g.maxSize, {
    message: "sizes must satisfy minSize <= desiredSize <= maxSize",
    path: ["desiredSize"],
  });

export const DATA_SERVICES = ["mongodb", "redis", "elasticsearch", "postgresql", "other"] as const;

export const ebsVolumeSchema = z.strictObject({
  volumeId: z.string().regex(/^vol-[0-9a-f]{8,17}$/, "must be an EBS volume id such as vol-0abc…"),
  /** Natural key of the snapshot resource, e.g. `mongodb-0-data`. */
  name: label,
  service: z.enum(DATA_SERVICES),
});

export const awsMongoMemberSchema = z
  .strictObject({
    host: memberHost,
    priority: z.number().min(0).max(1000).default(1),
    votes: z.union([z.literal(0), z.literal(1)]).default(1),
    hidden: z.boolean().default(false),
  })
  .refine((m) => !(m.hidden || m.votes === 0) || m.priority === 0, {
    message: "a hidden or non-voting member must have priority 0",
    path: ["priority"],
  });

export const GLACIER_CLASSES = ["GLACIER", "DEEP_ARCHIVE", "GLACIER_IR"] as const;

export const backupBucketSchema = z.strictObject({
  /** Globally unique S3 bucket name. */
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be an S3 bucket name (3-63 lowercase)"),
  /** Backups move to cold storage after this many days. */
  coldStorageAfterDays: z.number().int().min(1).default(30),
  coldStorageClass: z.enum(GLACIER_CLASSES).default("DEEP_ARCHIVE"),
  /** Overwritten or deleted backups are kept this long (versioning) before they expire. */
  noncurrentVersionDays: z.number().int().min(1).default(180),
});

export const awsEstateSchema = z.strictObject({
  /** Which estate this is: a staging estate may be rehearsed (walked back and forth). */
  environment: z.enum(["staging", "production"]),
  accountId: z.string().regex(/^\d{12}$/, "must be a 12-digit AWS account id"),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "must be an AWS region such as sa-east-1"),
  eks: z.strictObject({
    clusterName: z.string().min(1),
    nodeGroups: z.array(eksNodeGroupSchema).min(1),
  }),
  /** EBS volumes of the data services that ran on EKS; each is snapshotted at cutover. */
  volumes: z.array(ebsVolumeSchema).default([]),
  ecr: z.strictObject({
    repositories: z
      .array(z.string().regex(/^[a-z0-9]+([._/-][a-z0-9]+)*$/, "must be an ECR repository name"))
      .min(1),
  }),
  mongodb: z.strictObject({
    replicaSet: z.string().min(1),
    members: z.array(awsMongoMemberSchema).min(1),
  }),
  backupBucket: backupBucketSchema,
});

export type AwsEstate = z.infer<typeof awsEstateSchema>;
export type EksNodeGroup = z.infer<typeof eksNodeGroupSchema>;
export type EbsVolume = z.infer<typeof ebsVolumeSchema>;
export type AwsMongoMember = z.infer<typeof awsMongoMemberSchema>;
export type BackupBucket = z.infer<typeof backupBucketSchema>;
