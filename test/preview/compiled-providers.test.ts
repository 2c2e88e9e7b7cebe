/**
 * Pulumi runs the compiled program (dist/), so the dynamic providers stored in state are
 * serialized from the compiled code: each must load in plain Node, as the dynamic-provider host
 * loads it, and answer `check` for the inputs the program gave it.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..", "..");
jest.setTimeout(180_000);

test("every dynamic provider the compiled production program serializes loads and checks in plain Node", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "baremetal-providers-"));
  try {
    const recording = path.join(dir, "registrations.json");
    execFileSync(
      process.execPath,
      ["scripts/run-compiled.cjs", "bench-preview-once", "production"],
      { cwd: ROOT, encoding: "utf8", env: { ...process.env, BAREMETAL_BENCH_RECORD: recording } },
    );
    const run = spawnSync(
      process.execPath,
      ["scripts/support/load-serialized-providers.cjs", recording],
      { cwd: ROOT, encoding: "utf8" },
    );
    const results = run.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { type: string; ok: boolean });
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(run.status).toBe(0);
    const types = results.map((r) => r.type);
    for (const family of ["routeros", "harbor", "mongodb", "migration"]) {
      expect(types.some((t) => t.startsWith(`pulumi-nodejs:dynamic/${family}:`))).toBe(true);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
