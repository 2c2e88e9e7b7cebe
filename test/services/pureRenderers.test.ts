/**
 * The services' renderers are pure: every file that turns plain values into a guest's packages,
 * files and step scripts loads without the SDK. The layer's components (service.ts, replicaSet.ts,
 * layer.ts) bring the SDK in; a renderer that started to import one of them, or the SDK itself,
 * would make every renderer test pay for it and tie pure code to resources. Loaded in a plain
 * Node child through the test's TypeScript hook, as the stack previews are.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");
const SERVICES = path.join(ROOT, "components", "services");

/** Every `render.ts` of a service, and MongoDB's pure modules (all but the replica set). */
const RENDERERS = readdirSync(SERVICES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) =>
    readdirSync(path.join(SERVICES, entry.name))
      .filter(
        (file) => file === "render.ts" || (entry.name === "mongodb" && file !== "replicaSet.ts"),
      )
      .map((file) => path.relative(ROOT, path.join(SERVICES, entry.name, file))),
  )
  .concat(["components/services/script.ts", "components/services/versions.ts"])
  .sort();

test("every service has a renderer here", () => {
  expect(RENDERERS).toEqual(
    expect.arrayContaining([
      "components/services/elastic/render.ts",
      "components/services/garage/render.ts",
      "components/services/mongodb/provisioning.ts",
      "components/services/postgres/render.ts",
      "components/services/redis/render.ts",
      "components/services/zabbix/render.ts",
    ]),
  );
});

test("the renderers load without the SDK", () => {
  const code = `
    for (const file of ${JSON.stringify(RENDERERS)}) require("./" + file);
    console.log(JSON.stringify(Object.keys(require.cache).filter((f) => f.includes("/@pulumi/")).map((f) => f.replace(/.*node_modules\\//, ""))));`;
  const run = spawnSync(
    process.execPath,
    ["-r", "./test/support/registerTypeScript.cjs", "-e", code],
    { cwd: ROOT, encoding: "utf8", timeout: 60_000 },
  );
  expect(run.stderr).toBe("");
  expect(JSON.parse(run.stdout)).toEqual([]);
});
