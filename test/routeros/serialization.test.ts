import { spawnSync } from "node:child_process";
import * as path from "node:path";

/**
 * The round trip runs in a plain Node child process (tsx), not inside Jest: Jest can make a
 * provider serialize that plain Node cannot (pulumi-dynamic §5).
 */
test("every provider serializes in plain Node, without secrets, and works after loading", () => {
  const root = path.resolve(__dirname, "../..");
  const run = spawnSync(
    process.execPath,
    [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/routeros-serialization-check.ts"],
    { cwd: root, encoding: "utf8", timeout: 120_000 },
  );
  const results = run.stdout
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as { provider: string; ok: boolean; bytes?: number; error?: string });
  expect(results.filter((r) => !r.ok)).toEqual([]);
  expect(results.map((r) => r.provider).sort()).toHaveLength(16);
  expect(run.status).toBe(0);
});
