/**
 * The `@baremetal/routeros-runtime` bundle that thin providers load in the dynamic-provider host:
 * built from the current sources, reproducible, exporting every type, and serving the full
 * lifecycle through the thin providers.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { providers } from "../../providers/routeros/runtime";
import { routerosRuntime } from "../../providers/routeros/runtime-freshness";
import { thinProviders } from "../../providers/routeros/thinProvider";
import type { RouterOsRuntime } from "../../providers/routeros/thinProvider";
import type { MenuOutputs } from "../../providers/routeros/types";
import type { FakeRouter } from "../../scripts/support/routeros-fake/server";
import { PASSWORD, USER, printed, routerOf, startFake } from "./helpers";

const root = path.resolve(__dirname, "../..");
const script = "scripts/build-routeros-runtime.mjs";

function node(args: string[]) {
  return spawnSync(process.execPath, args, { cwd: root, encoding: "utf8", timeout: 60_000 });
}

beforeAll(() => {
  // Never test a bundle left by an earlier build: build from the sources in the tree first.
  const build = node([script]);
  expect(build.status).toBe(0);
});

test("rebuilding from source gives the built file byte for byte, with the source hash on top", () => {
  const check = node([script, "--check"]);
  expect(check.stderr).toBe("");
  expect(check.status).toBe(0);
  expect(routerosRuntime.builtRuntimeHash()).toBe(routerosRuntime.runtimeSourceHash());
});

test("the build script and the program compute the same source hash", () => {
  const fromScript = node([
    "--input-type=module",
    "-e",
    `import { sourceHash } from ${JSON.stringify(path.join(root, script))}; console.log(sourceHash());`,
  ]);
  expect(fromScript.status).toBe(0);
  expect(fromScript.stdout.trim()).toBe(routerosRuntime.runtimeSourceHash());
});

test("the runtime package exports a provider for every type, and no other", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded by name, as the host does
  const runtime = require("@baremetal/routeros-runtime") as RouterOsRuntime;
  const names = Object.keys(providers).sort();
  expect(Object.keys(runtime.providers).sort()).toEqual(names);
  expect(Object.keys(thinProviders).sort()).toEqual(names);
  expect(require.resolve("@baremetal/routeros-runtime")).toBe(
    path.join(root, "providers/routeros/runtime/dist/index.js"),
  );
});

describe("through the thin providers against the fake router", () => {
  let fake: FakeRouter;
  beforeAll(async () => {
    fake = await startFake();
  });
  afterAll(() => fake.stop());

  test("create, read, update and delete of a DNS record", async () => {
    const p = thinProviders.DnsStaticRecord;
    // The thin provider runs the installed bundle in its own module instance, as in the host:
    // credentials reach it only through its own `configure`.
    const config = {
      get: (k: string) =>
        ({ "baremetal:routerosUsername": USER, "baremetal:routerosPassword": PASSWORD })[k],
      require: (k: string) => k,
    };
    await p.configure({ config } as unknown as Parameters<typeof p.configure>[0]);
    const inputs = { router: routerOf(fake), name: "thin.t", address: "10.1.0.9" };
    const checked = await p.check({}, inputs);
    expect(checked.failures ?? []).toEqual([]);
    const created = await p.create(checked.inputs);
    const outs = created.outs as MenuOutputs;
    expect(printed(fake, "ip/dns/static").map((r) => r["name"])).toContain("thin.t");
    const read = await p.read(created.id, outs);
    expect(read.id).toBe(created.id);
    const news = { ...inputs, ttl: "1h" };
    expect((await p.diff(created.id, outs, news)).changes).toBe(true);
    await p.update(created.id, outs, news);
    expect(printed(fake, "ip/dns/static").find((r) => r["name"] === "thin.t")?.["ttl"]).toBe("1h");
    await p.delete(created.id, outs);
    expect(printed(fake, "ip/dns/static").map((r) => r["name"])).not.toContain("thin.t");
  });
});
