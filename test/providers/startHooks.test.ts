/**
 * scripts/support/start-hooks.cjs: with it, loading @pulumi/pulumi does not load the TypeScript
 * compiler; the SDK still gets the real compiler the moment something uses it. Run in child
 * processes: Jest maps `typescript` itself (jest.config.js).
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");

function node(code: string, hooks: boolean): string {
  const args = hooks ? ["--require", "./scripts/support/start-hooks.cjs"] : [];
  const run = spawnSync(process.execPath, [...args, "-e", code], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout.trim();
}

const COMPILER_LOADED =
  "console.log(Object.keys(require.cache).some((f) => f.endsWith('typescript/lib/typescript.js')))";

test("without the hooks the SDK loads the compiler at start-up (what the hooks avoid)", () => {
  expect(node(`require("@pulumi/pulumi"); ${COMPILER_LOADED}`, false)).toBe("true");
});

test("with the hooks the SDK starts without it", () => {
  expect(node(`require("@pulumi/pulumi"); ${COMPILER_LOADED}`, true)).toBe("false");
});

test("and the closure serializer still works, loading the real compiler when it parses", () => {
  const out = node(
    `const pulumi = require("@pulumi/pulumi");
     const answer = 42;
     pulumi.runtime.serializeFunction(() => answer).then((sf) => {
       console.log(JSON.stringify({ ok: sf.text.includes("42") }));
       ${COMPILER_LOADED};
     });`,
    true,
  );
  expect(out.split("\n")).toEqual(['{"ok":true}', "true"]);
});
