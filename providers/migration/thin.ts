/**
 * The phase gate's thin provider: what a `PhaseGate` stores in state as `__provider` (its text:
 * providers/shared/thinText.ts) loads `@baremetal/migration-runtime` by name where it runs, built
 * from runtime-entry.ts by scripts/build-migration-runtime.mjs.
 *
 * API, do not change: the package name and the type name are called by thin providers stored in
 * existing stacks' state.
 */
import type { ProviderMethod, ThinProviderSpec } from "../shared/thinText";
import type { ThinResourceType } from "../shared/thinResource";

export const MIGRATION_RUNTIME = "@baremetal/migration-runtime";

export type MigrationProviderName = "PhaseGate";

/** The methods the phase gate implements (it has no `configure`: it reads no provider config). */
const METHODS: readonly ProviderMethod[] = ["check", "diff", "create", "read", "update", "delete"];

/** What the thin provider of `type` is made of. */
export function migrationThinSpec(type: MigrationProviderName): ThinProviderSpec {
  return { runtimePackage: MIGRATION_RUNTIME, providerName: type, methods: METHODS };
}

/** The dynamic type `pulumi-nodejs:dynamic/migration:<type>` with its thin provider. */
export function migrationThinType(type: MigrationProviderName): ThinResourceType {
  return { module: "migration", type, ...migrationThinSpec(type) };
}
