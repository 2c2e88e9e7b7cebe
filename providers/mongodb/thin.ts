/**
 * The MongoDB resources' thin providers: what each stores in state as `__provider` (its text:
 * providers/shared/thinText.ts) loads `@baremetal/mongodb-runtime` by name where it runs, built
 * from runtime-entry.ts by scripts/build-mongodb-runtime.mjs. The implementation is never
 * serialized, so no driver, client or credential can be captured into state.
 *
 * API, do not change: the package name and the type names are called by thin providers stored in
 * existing stacks' state.
 */
import { PROVIDER_METHODS, type ThinFamily } from "../shared/thinText";

/** The MongoDB types: `pulumi-nodejs:dynamic/mongodb:<name>`, served by the runtime package. */
export const MONGODB: ThinFamily = {
  module: "mongodb",
  runtimePackage: "@baremetal/mongodb-runtime",
  methods: PROVIDER_METHODS,
  label: "MongoDB",
};
