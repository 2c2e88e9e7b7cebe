import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { providers } from "../../providers/routeros/runtime";
import { runScript } from "../support/scriptProcess";

const root = path.resolve(__dirname, "../..");

/**
 * The round trip runs in a plain Node child process, not inside Jest: Jest can make a
 * provider serialize that plain Node cannot (pulumi-dynamic §5). The runtime bundle is built from
 * the current sources first, so the check never runs against one left by an earlier build.
 */
test("every thin provider serializes small in plain Node, without secrets, and works after loading", () => {
  const build = spawnSync(process.execPath, ["scripts/build-routeros-runtime.mjs"], {
    cwd: root,
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(build.stderr).not.toMatch(/error/i);
  expect(build.status).toBe(0);

  const run = runScript("scripts/routeros-serialization-check.ts");
  const results = run.stdout
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map(
      (l) =>
        JSON.parse(l) as {
          provider: string;
          ok: boolean;
          bytes?: number;
          error?: string;
          secretFieldsProbed?: number;
        },
    );
  expect(results.filter((r) => !r.ok)).toEqual([]);
  expect(results.map((r) => r.provider).sort()).toEqual(Object.keys(providers).sort());
  expect(results.map((r) => r.provider)).toEqual(
    expect.arrayContaining(["SnmpSettings", "SnmpCommunity"]),
  );
  // The secret fields (VRRP password, SNMP passwords and trap community) were each probed.
  const probed = Object.fromEntries(results.map((r) => [r.provider, r.secretFieldsProbed]));
  expect(probed).toMatchObject({ VrrpInterface: 1, SnmpSettings: 1, SnmpCommunity: 2 });
  for (const r of results) expect(r.bytes).toBeLessThanOrEqual(4_096);
  expect(run.status).toBe(0);
});
