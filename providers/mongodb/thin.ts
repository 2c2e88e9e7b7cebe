/**
 * The MongoDB resources' thin providers: what each stores in state as `__provider` (its text:
 * providers/shared/thinText.ts) loads `@baremetal/mongodb-runtime` by name where it runs, built
 * from runtime-entry.ts by scripts/build-mongodb-runtime.mjs. The implementation is never
 * serialized, so no driver, client or credential can be captured into state.
 *
 * API, do not change: the package name and the type names are called by thin providers stored in
 * existing stacks' state.
 */
import { PROVIDER_METHODS, type ThinProviderSpec } from "../shared/thinText";
import type { ThinResourceType } from "../shared/thinResource";

export const MONGODB_RUNTIME = "@baremetal/mongodb-runtime";

export type MongoProviderName = "ReplicaSet" | "MongoUser";

/** What the thin provider of `type` is made of. */
export function mongoThinSpec(type: MongoProviderName): ThinProviderSpec {
  return { runtimePackage: MONGODB_RUNTIME, providerName: type, methods: PROVIDER_METHODS };
}

/** The dynamic type `pulumi-nodejs:dynamic/mongodb:<type>` with its thin provider. */
export function mongoThinType(type: MongoProviderName): ThinResourceType {
  return { module: "mongodb", type, ...mongoThinSpec(type) };
}
