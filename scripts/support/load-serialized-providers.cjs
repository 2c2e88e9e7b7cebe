/**
 * Loads every dynamic provider that a recorded offline preview serialized (the `__provider`
 * input of the first resource of each dynamic type) as a fresh module in plain Node, the way the
 * dynamic-provider host does, and calls its `check` with that resource's inputs. Prints one JSON
 * line per type; exits 1 when any provider fails to load or to check.
 *
 *   node scripts/support/load-serialized-providers.cjs <recorded-registrations.json>
 */
"use strict";
const Module = require("node:module");
const path = require("node:path");
const { readFileSync } = require("node:fs");

const ROOT = path.resolve(__dirname, "..", "..");

async function main() {
  const recorded = JSON.parse(readFileSync(process.argv[2], "utf8"));
  const firstOfType = new Map();
  for (const r of recorded) {
    if (r.type.startsWith("pulumi-nodejs:dynamic") && !firstOfType.has(r.type)) {
      firstOfType.set(r.type, r);
    }
  }
  let failed = false;
  for (const [type, r] of firstOfType) {
    const { __provider: text, ...inputs } = r.inputs;
    try {
      const loaded = new Module(`provider:${type}`, module);
      loaded.filename = path.join(ROOT, "serialized-provider.js");
      loaded.paths = Module._nodeModulePaths(ROOT);
      loaded._compile(text, loaded.filename);
      const provider = loaded.exports.handler();
      const checked = provider.check ? await provider.check({}, inputs) : { failures: [] };
      const failures = checked.failures ?? [];
      if (failures.length > 0) failed = true;
      console.log(
        JSON.stringify({ type, ok: failures.length === 0, bytes: text.length, failures }),
      );
    } catch (error) {
      failed = true;
      console.log(JSON.stringify({ type, ok: false, error: String(error?.message ?? error) }));
    }
  }
  process.exitCode = failed ? 1 : 0;
}

main();
