import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { providers } from "../../providers/harbor/providers";
import { harborRuntime } from "../../providers/harbor/runtime-freshness";
import { runScript } from "../support/scriptProcess";

const root = path.resolve(__dirname, "../..");

/**
 * The round trip runs in a plain Node child process, not inside Jest: Jest can make a
 * provider serialize that plain Node cannot (pulumi-dynamic §5). The runtime bundle is built from
 * the current sources first.
 */
test("every Harbor thin provider serializes small in plain Node, without secrets, and works after loading", () => {
  const build = spawnSync(process.execPath, ["scripts/build-harbor-runtime.mjs"], {
    cwd: root,
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(build.stderr).not.toMatch(/error/i);
  expect(build.status).toBe(0);

  const run = runScript("scripts/harbor-serialization-check.ts");
  const results = run.stdout
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as { provider: string; ok: boolean; bytes?: number });
  expect(results.filter((r) => !r.ok)).toEqual([]);
  expect(results.map((r) => r.provider).sort()).toEqual(Object.keys(providers).sort());
  for (const r of results) expect(r.bytes).toBeLessThanOrEqual(4_096);
  expect(run.status).toBe(0);
});

test("the program and the build script agree on the runtime's source hash", () => {
  const run = spawnSync(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      "const m = await import('./scripts/build-harbor-runtime.mjs'); console.log(m.sourceHash());",
    ],
    { cwd: root, encoding: "utf8" },
  );
  expect(run.status).toBe(0);
  expect(run.stdout.trim()).toBe(harborRuntime.runtimeSourceHash());
});
