/**
 * What Pulumi runs (package.json `main`; Pulumi.yaml sets `typescript: false`): the program
 * compiled from index.ts into dist/, recompiled first when any of its sources changed, so
 * `pulumi preview` starts without transforming TypeScript and never runs stale code.
 */
"use strict";
// Node keeps compiled code of the SDKs between runs (start-up is mostly compiling them).
require("node:module").enableCompileCache?.();
require("./scripts/program-build.cjs").ensureBuilt();
module.exports = require("./dist/program.js");
