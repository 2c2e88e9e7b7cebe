/**
 * Thin providers: what every RouterOS resource stores in state as `__provider` (twice per
 * resource: inputs and outputs), a module text written out by providers/shared/thinText.ts.
 *
 * Each method only loads the implementation by package name and forwards its arguments, so the
 * text is about 600 bytes and captures nothing but the type name. The implementation (runtime.ts
 * and everything it imports) is the `@baremetal/routeros-runtime` package, built by
 * scripts/build-routeros-runtime.mjs (at `npm ci`, via `prepare`) and linked into node_modules by
 * the root package.json.
 *
 * API, do not change: the package name `@baremetal/routeros-runtime`, its `providers` export and
 * every type name under it. The dynamic-provider host runs `read` and `delete` with the provider
 * stored in the resource's outputs, i.e. serialized by whichever version last created or updated
 * it, so thin providers from old states keep calling exactly
 * `require("@baremetal/routeros-runtime").providers.<Type>.<method>(...)` against the installed
 * package. Renaming the package or a type breaks every existing stack; add new names instead and
 * keep the old ones working. (Providers serialized by value before thin providers existed are
 * self-contained and keep working; they leave state when their resource is next updated.)
 *
 * Credentials are never captured here: `configure` forwards the engine's config to the runtime,
 * which keeps them in its process registry (see registry.ts).
 */
import { loadedThinProviders } from "../shared/thinLoad";
import type { FullProvider } from "../shared/thinText";
import { RESOURCE_TYPES, type ProviderName } from "./catalog";
import { ROUTEROS } from "./family";

export { ROUTEROS } from "./family";

/** Every RouterOS provider implements all the methods the host may call. */
export type RuntimeProvider = FullProvider;

/** Shape of the `@baremetal/routeros-runtime` exports the thin providers rely on. */
export interface RouterOsRuntime {
  providers: Record<ProviderName, RuntimeProvider>;
}

/**
 * The thin provider of every type, as the dynamic-provider host builds it from the text stored in
 * state; loaded on first use (resources themselves only store the text).
 */
export const thinProviders = loadedThinProviders<ProviderName, RuntimeProvider>(
  ROUTEROS,
  RESOURCE_TYPES.map((t) => t.name as ProviderName),
);
