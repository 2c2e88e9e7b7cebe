/**
 * Module hooks every program process installs before @pulumi/pulumi loads: the SDK's
 * `require("typescript")` resolves to scripts/support/typescript-on-demand.cjs, which loads the
 * compiler only if something reads from it (why: see that file).
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
const ON_DEMAND = path.join(__dirname, "typescript-on-demand.cjs");

const resolver = Module._resolveFilename;
if (typeof resolver === "function" && !resolver.baremetalStartHooks) {
  const resolveFilename = function (request, parent, ...rest) {
    if (request === "typescript" && parent?.filename?.includes(SDK)) return ON_DEMAND;
    return resolver.call(this, request, parent, ...rest);
  };
  resolveFilename.baremetalStartHooks = true;
  Module._resolveFilename = resolveFilename;
}
