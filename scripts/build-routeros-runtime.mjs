#!/usr/bin/env node
/**
 * Builds `@baremetal/routeros-runtime` (providers/routeros/runtime/dist/index.js): the RouterOS provider
 * implementation that the thin providers stored in Pulumi state load by package name. Run by the
 * root `prepare` script, so `npm ci` / `npm install` leave it built. The build itself is shared
 * with the other provider runtimes (scripts/support/provider-runtime-build.mjs).
 *
 *   node scripts/build-routeros-runtime.mjs           build; rewrite only when the output changed
 *   node scripts/build-routeros-runtime.mjs --check   exit 1 when the built file is missing or stale
 */
import { runtimeBuilder } from "./support/provider-runtime-build.mjs";

const builder = runtimeBuilder({ name: "routeros", label: "RouterOS", entry: "runtime.ts" });

export const { outfile, sourceFiles, sourceHash, bundle, builtHash, build } = builder;

builder.runIfMain(import.meta.url);
