/**
 * The provider runtimes (`@baremetal/<name>-runtime`, scripts/support/provider-runtime-build.mjs)
 * hold specs and providers, never resource classes: loaded as the dynamic-provider host loads
 * them, none pulls in @pulumi/pulumi (the host has its own; a runtime's process, such as a
 * conformance run, does not need it).
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");
const RUNTIMES = Object.keys(
  (
    JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    }
  ).dependencies,
).filter((name) => /^@baremetal\/.+-runtime$/.test(name));

test("every runtime package is listed", () => {
  expect(RUNTIMES.sort()).toEqual([
    "@baremetal/harbor-runtime",
    "@baremetal/migration-runtime",
    "@baremetal/mongodb-runtime",
    "@baremetal/routeros-runtime",
  ]);
});

test("no provider runtime loads the SDK", () => {
  const code = `
    const loaded = {};
    for (const name of ${JSON.stringify(RUNTIMES)}) {
      const before = new Set(Object.keys(require.cache));
      const runtime = require(name);
      const sdk = Object.keys(require.cache).filter((f) => !before.has(f) && f.includes("/@pulumi/pulumi/"));
      loaded[name] = { providers: Object.keys(runtime.providers ?? {}).length, sdkModules: sdk.length };
    }
    console.log(JSON.stringify(loaded));`;
  const run = spawnSync(process.execPath, ["-e", code], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(run.stderr).toBe("");
  const loaded = JSON.parse(run.stdout) as Record<
    string,
    { providers: number; sdkModules: number }
  >;
  for (const name of RUNTIMES) {
    expect({ name, sdkModules: loaded[name]?.sdkModules }).toEqual({ name, sdkModules: 0 });
    expect(loaded[name]?.providers).toBeGreaterThan(0);
  }
});
