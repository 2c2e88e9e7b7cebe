/**
 * The AWS and Cloudflare components of the production stack under mocks (cutover, the phase with
 * the most resources), and their pure parts: policies and the maintenance rule.
 */
import { maintenanceExpression, maintenanceRule } from "../../components/cloudflare";
import { backupWriterPolicy, ecrPullPolicy } from "../../components/aws/policies";
import { inPhase, stackMigration } from "./fixtures";
import { one, ofType, registerMigration, type PhaseRun } from "./harness";

const production = stackMigration("production");
const BUCKET = "offsite-backups";
let run: PhaseRun;

beforeAll(async () => {
  const input = inPhase(production, "cutover");
  input.cloudflare = {
    ...input.cloudflare,
    firewallRulesetId: "a".repeat(32),
    records: input.cloudflare.records.map((r, i) =>
      i === 0 ? { ...r, cloudflareId: "b".repeat(32) } : r,
    ),
  };
  run = await registerMigration("production", input);
}, 120_000);

const policyOf = (type: string, name: string) =>
  JSON.parse(String(one(run, type, name).inputs["policy"])) as {
    Statement: Record<string, unknown>[];
  };

test("the AWS provider is pinned to the estate's region and account", () => {
  expect(one(run, "pulumi:providers:aws", "aws").inputs).toEqual(
    expect.objectContaining({
      region: "sa-east-1",
      allowedAccountIds: JSON.stringify(["123456789012"]),
    }),
  );
});

test("the backup bucket is kept, versioned, encrypted, tiered to cold storage and private", () => {
  const bucket = one(run, "aws:s3/bucket:Bucket", BUCKET);
  expect(bucket.inputs["bucket"]).toBe("baremetal-production-offsite-backups");
  expect([bucket.protect, bucket.retainOnDelete]).toEqual([true, true]);
  expect(
    one(run, "aws:s3/bucketVersioning:BucketVersioning", BUCKET).inputs["versioningConfiguration"],
  ).toEqual({
    status: "Enabled",
  });
  expect(
    one(
      run,
      "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
      BUCKET,
    ).inputs["rules"],
  ).toEqual([
    { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" }, bucketKeyEnabled: true },
  ]);
  const [rule] = one(
    run,
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    BUCKET,
  ).inputs["rules"] as Record<string, unknown>[];
  expect(rule).toEqual(
    expect.objectContaining({
      status: "Enabled",
      transitions: [{ days: 30, storageClass: "DEEP_ARCHIVE" }],
      noncurrentVersionExpiration: { noncurrentDays: 365 },
    }),
  );
  const block = one(run, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", BUCKET);
  expect(block.inputs).toEqual(
    expect.objectContaining({
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    }),
  );
  const policy = one(run, "aws:s3/bucketPolicy:BucketPolicy", BUCKET);
  expect(policy.dependencies).toContain(block.urn);
  expect(policyOf("aws:s3/bucketPolicy:BucketPolicy", BUCKET).Statement).toEqual([
    expect.objectContaining({
      Effect: "Deny",
      Principal: "*",
      Resource: [
        "arn:aws:s3:::baremetal-production-offsite-backups",
        "arn:aws:s3:::baremetal-production-offsite-backups/*",
      ],
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    }),
  ]);
});

test("the backup writer may use that bucket only; Harbor's user may only pull the migrated repositories", () => {
  const writer = policyOf("aws:iam/userPolicy:UserPolicy", "backup-writer");
  const resources = writer.Statement.flatMap((s) => [s["Resource"]].flat());
  expect(resources).toEqual([
    "arn:aws:s3:::baremetal-production-offsite-backups",
    "arn:aws:s3:::baremetal-production-offsite-backups/*",
  ]);
  expect(JSON.stringify(writer)).not.toMatch(/s3:Delete|s3:Put(Bucket|Lifecycle)/);
  const harbor = policyOf("aws:iam/userPolicy:UserPolicy", "harbor-ecr-pull");
  expect(harbor.Statement[1]?.["Resource"]).toEqual(
    production.aws.ecr.repositories.map(
      (r) => `arn:aws:ecr:sa-east-1:123456789012:repository/${r}`,
    ),
  );
  expect(JSON.stringify(harbor)).not.toMatch(/ecr:(Put|Delete|Upload|Initiate|Complete)/);
  for (const key of ofType(run, "aws:iam/accessKey:AccessKey")) {
    expect(key.additionalSecretOutputs).toContain("secret");
  }
});

test("production snapshots are protected as well as retained", () => {
  const snapshots = ofType(run, "aws:ebs/snapshot:Snapshot");
  expect(snapshots).toHaveLength(6);
  for (const s of snapshots) expect([s.protect, s.retainOnDelete]).toEqual([true, true]);
});

test("records and the entrypoint ruleset already in the zone are adopted, not created beside", () => {
  const zone = production.cloudflare.zoneId;
  expect(one(run, "cloudflare:index/dnsRecord:DnsRecord", "api.example.com").importId).toBe(
    `${zone}/${"b".repeat(32)}`,
  );
  expect(
    one(run, "cloudflare:index/dnsRecord:DnsRecord", "app.example.com").importId,
  ).toBeUndefined();
  expect(one(run, "cloudflare:index/ruleset:Ruleset", "maintenance").importId).toBe(
    `zones/${zone}/${"a".repeat(32)}`,
  );
});

test("the Cloudflare API token reaches the provider as a secret only", () => {
  const provider = one(run, "pulumi:providers:cloudflare", "cloudflare");
  expect(provider.inputs["apiToken"]).toBe("offline-cloudflare-token");
  expect(JSON.stringify(provider.rawInputs)).toContain("4dabf18193072939515e22adb298388d");
});

describe("pure parts", () => {
  test("the maintenance rule: a 503 page or Cloudflare's plain block, team allowlisted", () => {
    const base = {
      enabled: true,
      message: "Back soon <3",
      hosts: ["b.example.com", "a.example.com"],
      allowlist: ["198.51.100.0/30", "203.0.113.64/27"],
    };
    expect(maintenanceExpression(base.hosts, base.allowlist)).toBe(
      '(http.host in {"a.example.com" "b.example.com"}) and not (ip.src in {198.51.100.0/30 203.0.113.64/27})',
    );
    const page = maintenanceRule({ ...base, style: "page" });
    expect(page.actionParameters?.response).toEqual(
      expect.objectContaining({ statusCode: 503, contentType: "text/html" }),
    );
    expect(page.actionParameters?.response.content).toContain("Back soon &lt;3");
    const block = maintenanceRule({ ...base, style: "block", enabled: false });
    expect(block).toEqual({
      ref: "platform_maintenance",
      description: "Platform closed for maintenance (team allowlisted)",
      expression: page.expression,
      action: "block",
      enabled: false,
    });
  });

  test("policies name exactly the repositories and the bucket", () => {
    expect(ecrPullPolicy("sa-east-1", "123456789012", ["a/b"]).Statement[1]?.Resource).toEqual([
      "arn:aws:ecr:sa-east-1:123456789012:repository/a/b",
    ]);
    expect(backupWriterPolicy("arn:aws:s3:::x").Statement.map((s) => s.Resource)).toEqual([
      "arn:aws:s3:::x",
      "arn:aws:s3:::x/*",
    ]);
  });
});
