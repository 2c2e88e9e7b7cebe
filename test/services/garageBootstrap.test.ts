/**
 * The rendered Garage bootstrap (admin API v2) run for real — bash, curl and jq — against an
 * in-process fake of Garage's admin API (test/fakes/garage): what a first run changes, that a
 * second changes nothing, and that refusals fail the step by name instead of reporting success.
 */
import { basename, join } from "node:path";
import { garageBootstrapScript } from "../../components/services/garage/render";
import { renderStepProgram } from "../../components/services/script";
import type { GuestFile, ProvisionStep } from "../../components/services/types";
import { GarageAdminState } from "../fakes/garage/adminApi";
import { GarageAdminFake } from "../fakes/garage/server";
import { garageFixture, SECRETS } from "./fixtures";
import { currentUser, requireBinaryOrSkip, runBashAsync, tempDir, type RunResult } from "./sandbox";

const tools =
  requireBinaryOrSkip("curl", "the Garage bootstrap against the admin API fake") &&
  requireBinaryOrSkip("jq", "the Garage bootstrap against the admin API fake");
const suite = tools ? describe : describe.skip;
// Each run starts bash and a dozen curl and jq processes; a loaded machine needs the headroom.
jest.setTimeout(90_000);

const KEY_ID = "GK0123456789abcdef01234567";
const BUCKET = "harbor-staging";
const CAPACITY = "193273528320";
const DONE = /^objects-1: configure done$/m;

/** The secret files the production configure step writes, moved into a private directory. */
function secretFiles(dir: string): GuestFile[] {
  const configure = garageFixture().steps.find((s) => s.name === "configure");
  const wanted = new Set(["admin.header", "harbor-key.json"]);
  const files = (configure?.files ?? []).filter((f) => wanted.has(basename(f.path)));
  expect(files.map((f) => basename(f.path)).sort()).toEqual([...wanted].sort());
  return files.map((f) => ({ ...f, path: join(dir, basename(f.path)), owner: currentUser }));
}

/** The bootstrap as the configure step runs it, pointed at `adminUrl`. */
async function bootstrap(adminUrl: string, files = secretFiles(tempDir("garage-secrets"))) {
  const dir = files[0]?.path.replace(/\/[^/]+$/, "") ?? "";
  const step: ProvisionStep = {
    name: "configure",
    files,
    script: garageBootstrapScript({
      bucket: BUCKET,
      capacity: CAPACITY,
      adminUrl,
      secretsDir: dir,
      readyAttempts: 2,
    }),
  };
  return runBashAsync(renderStepProgram("objects-1", step), { env: { TMPDIR: tempDir("tmp") } });
}

function expectNoSecrets(result: RunResult): void {
  for (const secret of [SECRETS.garageAdmin, SECRETS.harborS3Secret]) {
    expect(result.stdout).not.toContain(secret);
    expect(result.stderr).not.toContain(secret);
  }
}

const json = (body: string): unknown => JSON.parse(body);

suite("Garage bootstrap against the admin API v2", () => {
  let fake: GarageAdminFake;
  let url: string;

  beforeEach(async () => {
    fake = new GarageAdminFake(SECRETS.garageAdmin, "default");
    url = await fake.start();
  });
  afterEach(() => fake.stop());

  it("first run assigns the layout, applies version 1, imports the key, creates the bucket, allows RWO", async () => {
    const result = await bootstrap(url);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(DONE);
    expectNoSecrets(result);

    const mutating = fake.mutatingCalls();
    expect(mutating.map((c) => c.operation)).toEqual([
      "UpdateClusterLayout",
      "ApplyClusterLayout",
      "ImportKey",
      "CreateBucket",
      "AllowBucketKey",
    ]);
    const [update, apply, importKey, create, allow] = mutating;
    expect(json(update?.body ?? "")).toEqual({
      roles: [{ id: fake.state.nodeId, zone: "dc1", capacity: Number(CAPACITY), tags: [] }],
    });
    expect(json(apply?.body ?? "")).toEqual({ version: 1 });
    expect(json(importKey?.body ?? "")).toEqual({
      name: "harbor",
      accessKeyId: KEY_ID,
      secretAccessKey: SECRETS.harborS3Secret,
    });
    expect(json(create?.body ?? "")).toEqual({ globalAlias: BUCKET });
    const bucketId = fake.state.aliases.get(BUCKET);
    expect(json(allow?.body ?? "")).toEqual({
      bucketId,
      accessKeyId: KEY_ID,
      permissions: { read: true, write: true, owner: true },
    });
    // Reads first; a 404 is what sends the bootstrap to create the key and the bucket.
    expect(fake.calls.map((c) => [c.operation, c.status])).toEqual([
      ["GetClusterStatus", 200],
      ["GetNodeInfo", 200],
      ["GetClusterLayout", 200],
      ["UpdateClusterLayout", 200],
      ["ApplyClusterLayout", 200],
      ["GetKeyInfo", 404],
      ["ImportKey", 200],
      ["GetBucketInfo", 404],
      ["CreateBucket", 200],
      ["AllowBucketKey", 200],
    ]);

    expect(fake.state.layoutVersion).toBe(1);
    expect(fake.state.roles.get(fake.state.nodeId)).toEqual({
      zone: "dc1",
      capacity: Number(CAPACITY),
      tags: [],
    });
    expect(fake.state.keys.get(KEY_ID)).toEqual({
      name: "harbor",
      secret: SECRETS.harborS3Secret,
    });
    expect(fake.state.buckets.get(bucketId ?? "")?.keys.get(KEY_ID)).toEqual({
      read: true,
      write: true,
      owner: true,
    });
  });

  it("a second run makes no mutating call", async () => {
    expect((await bootstrap(url)).status).toBe(0);
    const before = fake.mutatingCalls().length;
    const calls = fake.calls.length;
    const again = await bootstrap(url);
    expect(again.stderr).toBe("");
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(DONE);
    expect(fake.mutatingCalls()).toHaveLength(before);
    // It did look: status, node, layout, key and bucket were read again.
    expect(fake.calls.slice(calls).map((c) => c.operation)).toEqual([
      "GetClusterStatus",
      "GetNodeInfo",
      "GetClusterLayout",
      "GetKeyInfo",
      "GetBucketInfo",
    ]);
    expect(fake.state.layoutVersion).toBe(1);
  });

  it("a wrong admin token fails at once, naming the guest, the step and Garage's refusal", async () => {
    const other = new GarageAdminFake("ANOTHER-TOKEN-0123456789abcdefgh");
    const otherUrl = await other.start();
    try {
      const result = await bootstrap(otherUrl);
      expect(result.status).toBe(1);
      expect(result.stdout).not.toMatch(DONE);
      expect(result.stderr).toMatch(
        /^objects-1: configure: GetClusterStatus: the admin token \(.*\/admin\.header\) was refused: the Garage admin API answered HTTP 403 \(AccessDenied: Forbidden: Invalid bearer token\)$/m,
      );
      expectNoSecrets(result);
      expect(other.calls.map((c) => c.operation)).toEqual(["GetClusterStatus"]);
      expect(other.mutatingCalls()).toEqual([]);
    } finally {
      await other.stop();
    }
  });

  it("a failed layout apply fails the step (nothing after it runs); the next run finishes it", async () => {
    fake.failNext("ApplyClusterLayout", 500, "InternalError", "Internal error: Quorum not reached");
    const failed = await bootstrap(url);
    expect(failed.status).toBe(1);
    expect(failed.stdout).not.toMatch(DONE);
    expect(failed.stderr).toMatch(
      /^objects-1: configure: ApplyClusterLayout \(version 1\): the Garage admin API answered HTTP 500 \(InternalError: Internal error: Quorum not reached\)$/m,
    );
    expect(fake.state.layoutVersion).toBe(0);
    expect(fake.state.staged.has(fake.state.nodeId)).toBe(true);
    expect(fake.mutatingCalls().map((c) => c.operation)).toEqual([
      "UpdateClusterLayout",
      "ApplyClusterLayout",
    ]);

    const rerun = await bootstrap(url);
    expect(rerun.status).toBe(0);
    expect(rerun.stdout).toMatch(DONE);
    expect(fake.state.layoutVersion).toBe(1);
    expect(fake.state.keys.has(KEY_ID)).toBe(true);
  });

  it("a refused key import fails the step before any bucket is created", async () => {
    fake.failNext("ImportKey", 400, "InvalidRequest", "Bad request: Invalid key format");
    const result = await bootstrap(url);
    expect(result.status).toBe(1);
    expect(result.stdout).not.toMatch(DONE);
    expect(result.stderr).toMatch(
      new RegExp(
        `^objects-1: configure: ImportKey \\(${KEY_ID}\\): the Garage admin API answered HTTP 400 \\(InvalidRequest: Bad request: Invalid key format\\)$`,
        "m",
      ),
    );
    expect(fake.calls.map((c) => c.operation)).not.toContain("CreateBucket");
    expectNoSecrets(result);
  });

  it("refuses a key Garage already holds with another secret (Garage cannot change it)", async () => {
    fake.state.keys.set(KEY_ID, { name: "harbor", secret: "ef".repeat(32) });
    const result = await bootstrap(url);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(`^objects-1: configure: Garage holds key ${KEY_ID} with another secret`, "m"),
    );
    expect(fake.calls.map((c) => c.operation)).not.toContain("ImportKey");
    expectNoSecrets(result);
  });

  it("adopts an existing bucket and key, asking only for the permission that is missing", async () => {
    const state = fake.state;
    state.handle({
      method: "POST",
      operation: "ImportKey",
      query: new URLSearchParams(),
      authorization: `Bearer ${SECRETS.garageAdmin}`,
      body: JSON.stringify({ accessKeyId: KEY_ID, secretAccessKey: SECRETS.harborS3Secret }),
    });
    const created = state.handle({
      method: "POST",
      operation: "CreateBucket",
      query: new URLSearchParams(),
      authorization: `Bearer ${SECRETS.garageAdmin}`,
      body: JSON.stringify({ globalAlias: BUCKET }),
    });
    const bucketId = (created.body as { id: string }).id;
    state.buckets.get(bucketId)?.keys.set(KEY_ID, { read: true, write: true, owner: false });

    const result = await bootstrap(url);
    expect(result.status).toBe(0);
    expect(fake.mutatingCalls().map((c) => c.operation)).toEqual([
      "UpdateClusterLayout",
      "ApplyClusterLayout",
      "AllowBucketKey",
    ]);
    expect(state.buckets.size).toBe(1);
    expect(state.buckets.get(bucketId)?.keys.get(KEY_ID)).toEqual({
      read: true,
      write: true,
      owner: true,
    });
  });

  it("an admin API that never answers fails the step by name", async () => {
    await fake.stop();
    const result = await bootstrap(url);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(`^objects-1: configure: the Garage admin API at ${url} does not answer$`, "m"),
    );
    fake = new GarageAdminFake(SECRETS.garageAdmin);
  });
});

describe("the admin API fake follows Garage's documented semantics", () => {
  const TOKEN = "T0KEN";
  const call = (
    state: GarageAdminState,
    operation: string,
    body?: unknown,
    options: { query?: string; authorization?: string | undefined } = {},
  ) =>
    state.handle({
      method: body === undefined ? "GET" : "POST",
      operation,
      query: new URLSearchParams(options.query ?? ""),
      authorization: "authorization" in options ? options.authorization : `Bearer ${TOKEN}`,
      body: body === undefined ? "" : JSON.stringify(body),
    });

  it("answers 403 AccessDenied for a missing, malformed or wrong bearer token", () => {
    const state = new GarageAdminState(TOKEN);
    const codes = [undefined, TOKEN, "Bearer nope"].map((authorization) => {
      const reply = call(state, "GetClusterStatus", undefined, { authorization });
      return [reply.status, (reply.body as { code: string }).code];
    });
    expect(codes).toEqual([
      [403, "AccessDenied"],
      [403, "AccessDenied"],
      [403, "AccessDenied"],
    ]);
  });

  it("stages layout changes and applies only version current + 1", () => {
    const state = new GarageAdminState(TOKEN);
    const role = { id: state.nodeId, zone: "dc1", capacity: 1e9, tags: [] };
    expect(call(state, "UpdateClusterLayout", { roles: [role] }).status).toBe(200);
    const layout = call(state, "GetClusterLayout").body as Record<string, unknown>;
    expect(layout["roles"]).toEqual([]);
    expect(layout["stagedRoleChanges"]).toEqual([role]);
    const wrong = call(state, "ApplyClusterLayout", { version: 2 });
    expect([wrong.status, (wrong.body as { message: string }).message]).toEqual([
      500,
      "Internal error: Invalid new layout version",
    ]);
    expect(call(state, "ApplyClusterLayout", { version: 1 }).status).toBe(200);
    expect(state.layoutVersion).toBe(1);
    expect(call(state, "UpdateClusterLayout", { roles: [{ ...role, capacity: 10 }] }).status).toBe(
      400,
    );
  });

  it("refuses to import an existing key (409) and to create a bucket on a used alias (409)", () => {
    const state = new GarageAdminState(TOKEN);
    const key = { accessKeyId: KEY_ID, secretAccessKey: "ab".repeat(32) };
    expect(call(state, "ImportKey", key).status).toBe(200);
    const again = call(state, "ImportKey", key);
    expect([again.status, (again.body as { code: string }).code]).toEqual([
      409,
      "KeyAlreadyExists",
    ]);
    expect(call(state, "CreateBucket", { globalAlias: BUCKET }).status).toBe(200);
    const dup = call(state, "CreateBucket", { globalAlias: BUCKET });
    expect([dup.status, (dup.body as { code: string }).code]).toEqual([409, "BucketAlreadyExists"]);
    const missing = call(state, "GetKeyInfo", undefined, {
      query: "id=GK000000000000000000000000",
    });
    expect([missing.status, (missing.body as { code: string }).code]).toEqual([
      404,
      "NoSuchAccessKey",
    ]);
    const hidden = call(state, "GetKeyInfo", undefined, { query: `id=${KEY_ID}` });
    expect((hidden.body as { secretAccessKey: unknown }).secretAccessKey).toBeNull();
  });
});
