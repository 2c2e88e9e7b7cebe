/**
 * The preflight blocks exactly when it must — an image missing from Harbor or outdated there, a
 * lagging or unhealthy member, a missing or unfinished snapshot — and says what blocks. Facts
 * come from fakes of ECR, Harbor (over its HTTP API) and MongoDB.
 */
import { harborArtifacts, type PreflightClients } from "../../components/migration/clients";
import {
  clientsFromEnvironment,
  preflightRequest,
  runPreflight,
} from "../../components/migration/check";
import { evaluatePreflight, formatPreflight } from "../../components/migration/preflight";
import { inPhase, stackMigration } from "./fixtures";
import { fakeEcr, fakeHarborFetch, fakeMongo, fakeSnapshots, replicaSetStatus } from "./fakes";

const production = stackMigration("production");
const IMAGES = production.migration.images;
const digestOf = (image: string) =>
  `sha256:${Buffer.from(image).toString("hex").padEnd(64, "0").slice(0, 64)}`;
const ECR = Object.fromEntries(IMAGES.map((i) => [i, digestOf(i)]));
const HARBOR = Object.fromEntries(IMAGES.map((i) => [`aws/${i}`, digestOf(i)]));
const DC = production.datacenterMembers;
const AWS_PRIMARY = "mongo-0.mongo.production.svc.cluster.local:27017";

function healthyMembers(lag = 2) {
  return Object.fromEntries(DC.map((host) => [host, { lag }]));
}

function clients(
  overrides: Partial<{
    harbor: Record<string, string>;
    ecr: Record<string, string>;
    members: Record<string, { state?: string; lag?: number }>;
  }> = {},
): PreflightClients {
  return {
    ecr: fakeEcr(overrides.ecr ?? ECR),
    harbor: harborArtifacts(
      "https://harbor.sp1.internal.example.com",
      { username: "robot$ci", password: "s3cret" },
      fakeHarborFetch(overrides.harbor ?? HARBOR),
    ),
    mongodb: fakeMongo(replicaSetStatus(AWS_PRIMARY, overrides.members ?? healthyMembers())),
    snapshots: fakeSnapshots(
      production.aws.volumes.map((v, i) => ({
        name: v.name,
        snapshotId: `snap-0${i}`,
        state: "completed",
      })),
    ),
  };
}

test("entering freeze passes when Harbor matches ECR and every member is close", async () => {
  const result = await runPreflight(production, "freeze", clients());
  expect(result).toEqual({
    ok: true,
    blockers: [],
    passed: ["5 images in Harbor match ECR", "every member within 10s of the primary"],
  });
});

test("an outdated image in Harbor blocks, naming both digests (the incident of the real cutover)", async () => {
  const stale = { ...HARBOR, "aws/payments/api:2026.11.30-1": digestOf("old build") };
  const result = await runPreflight(production, "cutover", clients({ harbor: stale }));
  expect(result.ok).toBe(false);
  expect(result.blockers).toEqual([
    `image payments/api:2026.11.30-1: Harbor has ${digestOf("old build")} but ECR has ${digestOf("payments/api:2026.11.30-1")} (outdated in Harbor; run the replication again)`,
  ]);
});

test("an image missing from Harbor or from ECR blocks", async () => {
  const without = (record: Record<string, string>, key: string) =>
    Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
  const harbor = without(HARBOR, "aws/platform/metabase:v0.56.3");
  const ecr = without(ECR, "payments/web:2026.11.28-3");
  const result = await runPreflight(production, "freeze", clients({ harbor, ecr }));
  expect(result.blockers).toEqual([
    "image payments/web:2026.11.28-3: not in ECR (the workloads' list names a tag that was never pushed)",
    `image platform/metabase:v0.56.3: missing from Harbor (ECR has ${digestOf("platform/metabase:v0.56.3")})`,
  ]);
});

test("a member lagging beyond the bound, or still syncing, blocks", async () => {
  const [first = "", second = "", third = ""] = DC;
  const result = await runPreflight(
    production,
    "freeze",
    clients({
      members: { [first]: { lag: 42 }, [second]: { state: "STARTUP2" }, [third]: { lag: 9.5 } },
    }),
  );
  expect(result.blockers).toEqual([
    `replica set rs0: ${first} lags 42.0s behind ${AWS_PRIMARY} (max 10s)`,
    `replica set rs0: ${second} is STARTUP2, not SECONDARY`,
  ]);
});

test("a new member absent from the replica set blocks; no primary blocks", () => {
  const request = preflightRequest(production, "freeze");
  const [first = "", second = ""] = DC;
  const partial = replicaSetStatus(AWS_PRIMARY, { [first]: { lag: 1 }, [second]: { lag: 1 } });
  expect(
    evaluatePreflight(request, { images: [], replicaSet: partial, snapshots: [] }).blockers,
  ).toEqual(expect.arrayContaining([`replica set rs0: ${DC[2] ?? ""} is not a member`]));
  const headless = { set: "rs0", members: [{ name: first, stateStr: "SECONDARY" }] };
  expect(
    evaluatePreflight(
      { ...request, images: [] },
      { images: [], replicaSet: headless, snapshots: [] },
    ).blockers,
  ).toEqual(["replica set rs0: no PRIMARY, lag cannot be measured"]);
});

test("entering done requires every snapshot, completed", async () => {
  const input = inPhase(production, "cutover");
  const source = clients();
  source.snapshots = fakeSnapshots([
    { name: "mongodb-0-data", snapshotId: "snap-01", state: "completed" },
    { name: "mongodb-1-data", snapshotId: "snap-02", state: "pending" },
  ]);
  const result = await runPreflight(input, "done", source);
  expect(result.blockers).toEqual([
    "snapshot of mongodb-1-data (vol-0a1b2c3d4e5f60002): not completed (snap-02 pending)",
    "snapshot of mongodb-2-data (vol-0a1b2c3d4e5f60003): missing",
    "snapshot of mongodb-hidden-data (vol-0a1b2c3d4e5f60004): missing",
    "snapshot of redis-0-data (vol-0a1b2c3d4e5f60005): missing",
    "snapshot of elasticsearch-0-data (vol-0a1b2c3d4e5f60006): missing",
  ]);
  const ok = await runPreflight(input, "done", clients());
  expect(ok.passed).toContain("6 snapshots completed");
  expect(ok.ok).toBe(true);
});

test("Harbor is asked over its API with the repository name encoded twice", async () => {
  const fetchImpl = fakeHarborFetch(HARBOR);
  const harbor = harborArtifacts(
    "https://harbor.example.com/",
    { username: "robot$ci", password: "s3cret" },
    fetchImpl,
  );
  await expect(harbor.digest("aws", "payments/api", "2026.11.30-1")).resolves.toBe(
    digestOf("payments/api:2026.11.30-1"),
  );
  await expect(harbor.digest("aws", "payments/api", "nope")).resolves.toBeUndefined();
  expect(fetchImpl.urls[0]).toBe(
    "/api/v2.0/projects/aws/repositories/payments%252Fapi/artifacts/2026.11.30-1",
  );
  const anonymous = harborArtifacts("https://harbor.example.com", undefined, fetchImpl);
  await expect(anonymous.digest("aws", "payments/api", "2026.11.30-1")).rejects.toThrow(
    "Harbor answered 401 for aws/payments/api:2026.11.30-1",
  );
});

test("a source that cannot answer blocks instead of passing", async () => {
  const result = await runPreflight(production, "freeze", {
    ...clients(),
    ...{ mongodb: clientsFromEnvironment(production, {}).mongodb },
  });
  expect(result.ok).toBe(false);
  expect(result.blockers).toEqual([
    "could not check replica set: MONGODB_URI is not set (a user with the clusterMonitor role)",
  ]);
  expect(result.passed).toEqual(["5 images in Harbor match ECR"]);
});

test("the report lists blockers and what passed", () => {
  const text = formatPreflight("cutover", {
    ok: false,
    blockers: ["image a:1: missing from Harbor (ECR has sha256:1)"],
    passed: ["every member within 10s of the primary"],
  });
  expect(text).toBe(
    [
      'Preflight for "cutover": BLOCKED (1 problem)',
      "  ✗ image a:1: missing from Harbor (ECR has sha256:1)",
      "  ✓ every member within 10s of the primary",
    ].join("\n"),
  );
});

test("an ECR error blocks that image once, as could-not-check", async () => {
  const source = clients();
  source.ecr = {
    digest: (repository) =>
      repository === "payments/web"
        ? Promise.reject(
            new Error("AccessDeniedException: not authorized to perform ecr:DescribeImages"),
          )
        : Promise.resolve(
            ECR[`${repository}:2026.11.30-1`] ??
              ECR[`${repository}:v0.56.3`] ??
              ECR[`${repository}:2026.11.27-2`],
          ),
  };
  const result = await runPreflight(production, "freeze", source);
  expect(result.blockers).toEqual([
    "could not check image payments/web:2026.11.28-3: AccessDeniedException: not authorized to perform ecr:DescribeImages",
  ]);
});

test("a manual check while the stack walks back still checks the forward step", () => {
  const staging = stackMigration("staging");
  const walking = {
    ...staging,
    migration: { ...staging.migration, phase: "cutover" as const, walkBack: true },
  };
  expect(preflightRequest(walking, "cutover")).toEqual(
    expect.objectContaining({ images: staging.migration.images, maxReplicationLagSeconds: 10 }),
  );
});
