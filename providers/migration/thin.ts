/**
 * The phase gate's thin provider: what a `PhaseGate` stores in state as `__provider` (its text:
 * providers/shared/thinText.ts) loads `@baremetal/migration-runtime` by name where it runs, built
 * from runtime-entry.ts by scripts/build-migration-runtime.mjs.
 *
 * API, do not change: the package name and the type name are called by thin providers stored in
 * existing stacks' state.
 */
import type { ThinFamily } from "../shared/thinText";

/**
 * The phase gate: `pulumi-nodejs:dynamic/migration:PhaseGate`, served by the runtime package. It
 * has no `configure`: it reads no provider config.
 */
export const MIGRATION: ThinFamily = {
  module: "migration",
  runtimePackage: "@baremetal/migration-runtime",
  methods: ["check", "diff", "create", "read", "update", "delete"],
  label: "phase gate",
};
