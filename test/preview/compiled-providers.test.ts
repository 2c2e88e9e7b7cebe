/**
 * Every dynamic provider text the production program stores in state (`__provider`) must load in
 * plain Node, as the dynamic-provider host loads it, and answer `check` for the inputs the program
 * gave it. The texts do not depend on how the program runs (providers/shared/thinText.ts): they
 * are taken from this run's evaluation of the production stack and loaded in a child process.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { sharedPreview } from "../support/sharedPreview";

const ROOT = path.join(__dirname, "..", "..");
jest.setTimeout(240_000);

test("every dynamic provider the production program stores loads and checks in plain Node", async () => {
  const preview = await sharedPreview("production");
  const dir = mkdtempSync(path.join(tmpdir(), "baremetal-providers-"));
  try {
    const recording = path.join(dir, "registrations.json");
    writeFileSync(recording, JSON.stringify(preview.resources), { mode: 0o600 });
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
