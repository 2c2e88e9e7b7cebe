/**
 * IAM and bucket policy documents, pure so they can be read and tested without AWS: Harbor's
 * replication endpoint may only pull from the listed repositories, the backup jobs may only use
 * their bucket, and the bucket refuses anything not over TLS.
 */

export interface PolicyStatement {
  Sid: string;
  Effect: "Allow" | "Deny";
  Action: string | string[];
  Resource: string | string[];
  Principal?: string;
  Condition?: Record<string, Record<string, string>>;
}
export interface PolicyDocument {
  Version: "2012-10-17";
  Statement: PolicyStatement[];
}

export function ecrRepositoryArn(region: string, accountId: string, repository: string): string {
  return `arn:aws:ecr:${region}:${accountId}:repository/${repository}`;
}

/**
 * What Harbor's `aws-ecr` adapter calls to pull: a registry token (account-wide by design), and
 * read-only image calls on the migrated repositories.
 */
export function ecrPullPolicy(
  region: string,
  accountId: string,
  repositories: string[],
): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      { Sid: "RegistryToken", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
      {
        Sid: "PullMigratedRepositories",
        Effect: "Allow",
        Action: [
          "ecr:BatchCheckLayerAvailability",
          "ecr:BatchGetImage",
          "ecr:GetDownloadUrlForLayer",
          "ecr:DescribeRepositories",
          "ecr:ListImages",
          "ecr:DescribeImages",
        ],
        Resource: repositories.map((r) => ecrRepositoryArn(region, accountId, r)),
      },
    ],
  };
}

/** The backup jobs write, list and read back (restore tests) — never delete or reconfigure. */
export function backupWriterPolicy(bucketArn: string): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "ListBackupBucket",
        Effect: "Allow",
        Action: ["s3:ListBucket", "s3:GetBucketLocation", "s3:ListBucketMultipartUploads"],
        Resource: bucketArn,
      },
      {
        Sid: "ReadWriteBackups",
        Effect: "Allow",
        Action: [
          "s3:PutObject",
          "s3:GetObject",
          "s3:AbortMultipartUpload",
          "s3:ListMultipartUploadParts",
        ],
        Resource: `${bucketArn}/*`,
      },
    ],
  };
}

/** Denies every request that does not use TLS, whoever makes it. */
export function denyInsecureTransportPolicy(bucketArn: string): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "DenyInsecureTransport",
        Effect: "Deny",
        Principal: "*",
        Action: "s3:*",
        Resource: [bucketArn, `${bucketArn}/*`],
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      },
    ],
  };
}
