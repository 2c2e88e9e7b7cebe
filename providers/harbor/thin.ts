/**
 * Thin providers: what every Harbor resource stores in state as `__provider`, a module text
 * written out by providers/shared/thinText.ts.
 *
 * Each method only loads the implementation by package name and forwards its arguments, so the
 * text captures nothing but its type name. The implementation is the
 * `@baremetal/harbor-runtime` package, built from runtime-entry.ts by
 * scripts/build-harbor-runtime.mjs and linked into node_modules by the root package.json.
 *
 * API, do not change: the package name `@baremetal/harbor-runtime`, its `providers` export and
 * every type name under it. `read` and `delete` run the provider stored in state, so thin
 * providers written by older versions keep calling
 * `require("@baremetal/harbor-runtime").providers.<Type>.<method>(...)`. Add names; never rename.
 *
 * Credentials are never captured here: `configure` forwards the engine's config to the runtime,
 * which keeps them in its process registry (registry.ts).
 */
import { PROVIDER_METHODS, type FullProvider, type ThinFamily } from "../shared/thinText";
import type { ProviderName } from "./providers";

/** Every Harbor provider implements all the methods the host may call. */
export type RuntimeProvider = FullProvider;

/** Shape of the `@baremetal/harbor-runtime` exports the thin providers rely on. */
export interface HarborRuntime {
  providers: Record<ProviderName, RuntimeProvider>;
}

/** The Harbor types: `pulumi-nodejs:dynamic/harbor:<name>`, served by the runtime package. */
export const HARBOR: ThinFamily = {
  module: "harbor",
  runtimePackage: "@baremetal/harbor-runtime",
  methods: PROVIDER_METHODS,
  label: "Harbor",
};
