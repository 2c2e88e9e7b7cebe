/**
 * Module hooks every program process installs before @pulumi/pulumi loads. Two parts of the SDK
 * that this program never uses load only if something reads from them (why: see each file):
 * - the SDK's `require("typescript")` resolves to scripts/support/typescript-on-demand.cjs;
 * - the SDK index's `require("./automation")` resolves to scripts/support/automation-on-demand.cjs
 *   (only the installed SDK's own index; a nested copy keeps its own Automation API).
 *
 * Loaded with `node --require ./scripts/support/start-hooks.cjs` (Pulumi.yaml `nodeargs`, for the
 * CLI's language host) and first thing in scripts/run-compiled.cjs (the offline preview).
 *
 * It wraps `Module._resolveFilename`, the CommonJS resolver that path-alias tools have long relied
 * on, rather than `module.registerHooks`: a registered hook runs every one of the ~3,000 requires
 * of a preview through the hook chain (about 0.1 s), where this adds one string comparison each.
 */
"use strict";
const Module = require("node:module");
const path = require("node:path");

const SDK = `${path.sep}node_modules${path.sep}@pulumi${path.sep}pulumi${path.sep}`;
const TYPESCRIPT_ON_DEMAND = path.join(__dirname, "typescript-on-demand.cjs");
const AUTOMATION_ON_DEMAND = path.join(__dirname, "automation-on-demand.cjs");
/** The installed SDK's index.js: the one file whose `./automation` is redirected. */
const SDK_INDEX = require.resolve("@pulumi/pulumi", { paths: [path.join(__dirname, "..", "..")] });

const resolver = Module._resolveFilename;
if (typeof resolver === "function" && !resolver.baremetalStartHooks) {
  const resolveFilename = function (request, parent, ...rest) {
    if (request === "typescript" && parent?.filename?.includes(SDK)) return TYPESCRIPT_ON_DEMAND;
    if (request === "./automation" && parent?.filename === SDK_INDEX) return AUTOMATION_ON_DEMAND;
    return resolver.call(this, request, parent, ...rest);
  };
  resolveFilename.baremetalStartHooks = true;
  Module._resolveFilename = resolveFilename;
}
