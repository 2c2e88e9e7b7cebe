/**
 * Runs one of the compiled commands in dist/ (see scripts/program-build.cjs), compiling first
 * when the sources changed:
 *
 *   node scripts/run-compiled.cjs preview-offline [stack...] [--json] [--stack-file FILE]
 */
"use strict";
// Before any SDK loads: the TypeScript compiler only on demand (scripts/support/start-hooks.cjs).
require("./support/start-hooks.cjs");
// Node keeps compiled code of the SDKs between runs (start-up is mostly compiling them).
require("node:module").enableCompileCache?.();
const path = require("node:path");
const { ENTRIES, DIST, ensureBuilt } = require("./program-build.cjs");

const [entry] = process.argv.splice(2, 1);
if (!entry || !(entry in ENTRIES) || entry === "program") {
  const names = Object.keys(ENTRIES).filter((name) => name !== "program");
  console.error(`usage: node scripts/run-compiled.cjs <${names.join("|")}> [args...]`);
  process.exit(2);
}
ensureBuilt();
require(path.join(DIST, `${entry}.js`));
