/**
 * The TypeScript compiler, loaded on first use instead of at start-up.
 *
 * @pulumi/pulumi requires `typescript` when it loads (runtime/index.js pulls in its closure
 * serializer, whose parser is the TypeScript compiler): about 0.3 s of CPU and 25 MB in every
 * process. This program never runs that serializer — its dynamic resources store a prewritten thin
 * provider (providers/shared/thinText.ts) — so the compiler is only loaded if something actually
 * reads from it (`pulumi.runtime.serializeFunction`, say), and then it is the real one.
 *
 * scripts/support/start-hooks.cjs points the SDK's `require("typescript")` here in the CLI run and
 * the offline preview; Jest maps `typescript` here (jest.config.js).
 */
"use strict";
const path = require("node:path");
const { onDemand } = require("./on-demand.cjs");

/** The compiler's own file. */
const COMPILER = path.join(
  path.dirname(require.resolve("typescript/package.json")),
  "lib",
  "typescript.js",
);

module.exports = onDemand(COMPILER);
