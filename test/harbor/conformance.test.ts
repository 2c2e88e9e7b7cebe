import type { FakeHarbor } from "../fakes/harbor/server";
import { runScriptAsync } from "../support/scriptProcess";
import { PASSWORD, USER, startFake } from "./helpers";

/** Runs the conformance command in a child process (async: the fake answers from this one). */
async function conformance(
  url: string,
  password: string,
  ...extra: string[]
): Promise<{ code: number; out: string }> {
  const env = { ...process.env, HARBOR_PASSWORD: password, HARBOR_RETRY_BASE_MS: "5" };
  const args = ["--url", url, "--user", USER, ...extra];
  const run = await runScriptAsync("scripts/harbor-conformance.ts", args, { env });
  return { code: run.code, out: run.stdout + run.stderr };
}

/** Everything in the fake except ids and generated secrets, for "left as found" comparisons. */
function snapshot(fake: FakeHarbor): unknown {
  const s = fake.state;
  return {
    projects: [...s.projects.values()].map((p) => p.name),
    robots: s.robots.size,
    registries: s.registries.size,
    policies: s.policies.size,
    retentions: s.retentions.size,
    immutable: s.immutableRules.size,
    scanners: [...s.scanners.values()].map((x) => [x.name, x.is_default]),
    gc: s.gc ? { schedule: s.gc.schedule, parameters: s.gc.parameters } : undefined,
    allowlist: s.allowlist,
  };
}

let fake: FakeHarbor;
beforeEach(async () => {
  fake = await startFake();
  // What a platform Harbor has before the run, and must have after it.
  fake.state.addProject("library", { public: "true" });
  fake.state.addChartTrivy();
  fake.state.gc = {
    id: 999,
    schedule: { type: "Custom", cron: "0 0 0 * * 0" },
    parameters: { delete_untagged: true, workers: 1 },
  };
  fake.state.allowlist = { items: [{ cve_id: "CVE-2020-0001" }], expires_at: null };
});
afterEach(() => fake.stop());

const STEPS: Record<string, string[]> = {
  Project: ["create", "read", "update", "drift", "adopt", "delete"],
  RobotAccount: ["create", "read", "update", "drift", "adopt", "delete"],
  RegistryEndpoint: ["create", "read", "update", "drift", "adopt", "delete"],
  ReplicationPolicy: ["create", "read", "update", "drift", "delete"],
  RetentionPolicy: ["create", "read", "update", "drift", "adopt", "delete"],
  ImmutableTagRule: ["create", "read", "update", "drift", "adopt", "delete"],
  GcSchedule: ["create", "read", "update", "drift", "delete"],
  CveAllowlist: ["create", "read", "update", "drift", "delete"],
  DefaultScanner: ["create", "read", "update", "drift", "delete"],
};

test("conformance passes against the fake, covers every type and leaves Harbor as found", async () => {
  const before = snapshot(fake);
  const { code, out } = await conformance(fake.url, PASSWORD);
  expect(out).not.toMatch(/FAIL/);
  expect(out).toMatch(/steps passed/);
  for (const [type, steps] of Object.entries(STEPS)) {
    for (const step of steps) expect(out).toMatch(new RegExp(`${type}\\s+${step}\\s+PASS`));
  }
  expect(code).toBe(0);
  expect(out).not.toContain(PASSWORD);
  expect(snapshot(fake)).toEqual(before);
  expect(fake.cookieRequests).toBe(0);
}, 120_000);

test("conformance passes with faults injected and still leaves Harbor as found", async () => {
  fake.faults.push(
    { kind: "status", status: 503, method: "GET", times: 3 },
    { kind: "reset", method: "PUT", times: 2 },
    { kind: "apply-then-reset", method: "POST", path: "/api/v2.0/projects", times: 1 },
    { kind: "apply-then-reset", method: "POST", path: "/robots", times: 1 },
    { kind: "slow", method: "GET", delayMs: 200, times: 2 },
  );
  const before = snapshot(fake);
  const { code, out } = await conformance(fake.url, PASSWORD);
  expect(out).not.toMatch(/FAIL/);
  expect(code).toBe(0);
  expect(fake.faults.every((f) => f.times === 0)).toBe(true);
  expect(snapshot(fake)).toEqual(before);
}, 120_000);

test("conformance exits non-zero on wrong credentials", async () => {
  const { code, out } = await conformance(fake.url, "wrong");
  expect(code).not.toBe(0);
  expect(out).toMatch(/401/);
}, 60_000);
