/**
 * The SDK's Automation API (`pulumi.automation`), loaded on first use instead of at start-up.
 *
 * @pulumi/pulumi's index.js requires `./automation` when it loads: 77 modules (workspaces, the
 * CLI wrapper, its gRPC server) and about 45 ms of CPU in every process, Jest's test files
 * included. A program run by the CLI never drives the CLI itself, and this one never reads
 * `pulumi.automation`; if something does, it gets the real module at that moment.
 *
 * scripts/support/start-hooks.cjs points the SDK index's `require("./automation")` here; Jest maps
 * it here (jest.config.js).
 */
"use strict";
const path = require("node:path");
const { onDemand } = require("./on-demand.cjs");

/** The Automation API's own entry. */
const AUTOMATION = path.join(
  path.dirname(require.resolve("@pulumi/pulumi/package.json")),
  "automation",
  "index.js",
);

module.exports = onDemand(AUTOMATION, { esModule: true });
