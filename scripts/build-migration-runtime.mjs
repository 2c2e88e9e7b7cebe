#!/usr/bin/env node
/**
 * Builds `@baremetal/migration-runtime` (providers/migration/runtime/dist/index.js): the phase gate
 * provider implementation that the thin providers stored in Pulumi state load by package name.
 * Run by the root `prepare` script, so `npm ci` / `npm install` leave it built. The build itself
 * is shared with the other provider runtimes (scripts/support/provider-runtime-build.mjs).
 *
 *   node scripts/build-migration-runtime.mjs           build; rewrite only when the output changed
 *   node scripts/build-migration-runtime.mjs --check   exit 1 when the built file is missing or stale
 */
import { runtimeBuilder } from "./support/provider-runtime-build.mjs";

const builder = runtimeBuilder({
  name: "migration",
  label: "Migration",
  entry: "runtime-entry.ts",
});

export const { outfile, sourceFiles, sourceHash, bundle, builtHash, build } = builder;

builder.runIfMain(import.meta.url);
