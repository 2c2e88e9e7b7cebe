/**
 * Lets plain Node `require` the TypeScript sources, each file compiled when it loads with the same
 * esbuild settings the Jest transform uses (test/support/esbuild-transform.cjs):
 *
 *   node -r ./test/support/registerTypeScript.cjs some-file.ts
 *
 * For child processes that must run the sources as they are, one file at a time (not a bundle),
 * outside Jest. A tsx start costs more than a second beyond this on the program.
 */
"use strict";
const { readFileSync } = require("node:fs");
const Module = require("node:module");
const { compileTypeScript } = require("./esbuild-transform.cjs");

/** Compiled code by file, for a program evaluated again in the same process (another stack). */
const compiled = new Map();

Module._extensions[".ts"] = function loadTypeScript(module, filename) {
  const source = readFileSync(filename, "utf8");
  let entry = compiled.get(filename);
  if (entry?.source !== source) {
    entry = { source, code: compileTypeScript(source, filename, false) };
    compiled.set(filename, entry);
  }
  module._compile(entry.code, filename);
};
