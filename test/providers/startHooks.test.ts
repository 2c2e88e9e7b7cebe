/**
 * scripts/support/start-hooks.cjs: with it, loading @pulumi/pulumi loads neither the TypeScript
 * compiler nor the Automation API; the SDK still gets the real module the moment something uses
 * it. Run in child processes (Jest maps both itself, jest.config.js; the last test checks that).
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { types } from "node:util";

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
const AUTOMATION_LOADED =
  "console.log(Object.keys(require.cache).some((f) => f.endsWith('@pulumi/pulumi/automation/index.js')))";

test("without the hooks the SDK loads the compiler and its Automation API at start-up (what the hooks avoid)", () => {
  const out = node(`require("@pulumi/pulumi"); ${COMPILER_LOADED}; ${AUTOMATION_LOADED}`, false);
  expect(out.split("\n")).toEqual(["true", "true"]);
});

describe("with the hooks (one process: start-up, then each stand-in read)", () => {
  let lines: string[] = [];
  beforeAll(() => {
    lines = node(
      `const pulumi = require("@pulumi/pulumi");
       ${COMPILER_LOADED}; ${AUTOMATION_LOADED};
       const real = require(require.resolve("@pulumi/pulumi/automation"));
       console.log(pulumi.automation.LocalWorkspace === real.LocalWorkspace);
       console.log(Object.keys(pulumi.automation).includes("LocalWorkspace"), "LocalWorkspace" in pulumi.automation);
       const answer = 42;
       pulumi.runtime.serializeFunction(() => answer).then((sf) => {
         console.log(JSON.stringify({ ok: sf.text.includes("42") }));
         ${COMPILER_LOADED};
       });`,
      true,
    ).split("\n");
  });

  test("the SDK starts without either", () => {
    expect(lines.slice(0, 2)).toEqual(["false", "false"]);
  });

  test("pulumi.automation is the real Automation API the moment it is read", () => {
    expect(lines.slice(2, 4)).toEqual(["true", "true true"]);
  });

  test("the closure serializer still works, loading the real compiler when it parses", () => {
    expect(lines.slice(4)).toEqual(['{"ok":true}', "true"]);
  });
});

test("a nested copy of the SDK keeps its own Automation API", () => {
  // Only the installed SDK's index is redirected; any other file asking for ./automation is not.
  const out = node(
    `const Module = require("node:module");
     const path = require("node:path");
     const other = path.join(process.cwd(), "node_modules", "x", "node_modules", "@pulumi", "pulumi", "index.js");
     const parent = { filename: other, paths: Module._nodeModulePaths(path.dirname(other)) };
     try { Module._resolveFilename("./automation", parent); console.log("resolved"); }
     catch (e) { console.log(e.code); }`,
    true,
  );
  expect(out).toBe("MODULE_NOT_FOUND");
});

test("in Jest the SDK's automation is the stand-in, and reading it gives the real API", () => {
  // jest.config.js maps the SDK index's ./automation to the stand-in.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pulumi = require("@pulumi/pulumi") as typeof import("@pulumi/pulumi");
  expect(types.isProxy(pulumi.automation)).toBe(true);
  expect(typeof pulumi.automation.LocalWorkspace.create).toBe("function");
  expect(Object.keys(pulumi.automation)).toContain("LocalWorkspace");
});
