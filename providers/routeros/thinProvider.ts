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
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { loadThinProvider } from "../shared/thinLoad";
import { PROVIDER_METHODS, type ThinProviderSpec } from "../shared/thinText";
import { RESOURCE_TYPES, type ProviderName } from "./catalog";

/** The methods the dynamic-provider host may call; every RouterOS provider implements all. */
export type RuntimeMethod =
  "configure" | "check" | "diff" | "create" | "read" | "update" | "delete";
export type RuntimeProvider = Required<Pick<dynamic.ResourceProvider, RuntimeMethod>>;

/** Shape of the `@baremetal/routeros-runtime` exports the thin providers rely on. */
export interface RouterOsRuntime {
  providers: Record<ProviderName, RuntimeProvider>;
}

/** The runtime package the RouterOS thin providers load. */
export const ROUTEROS_RUNTIME = "@baremetal/routeros-runtime";

/** What the thin provider of `type` is made of (its text: providers/shared/thinText.ts). */
export function routerOsThinSpec(type: ProviderName): ThinProviderSpec {
  return {
    runtimePackage: ROUTEROS_RUNTIME,
    providerName: type,
    methods: PROVIDER_METHODS,
  };
}

const made = new Map<ProviderName, RuntimeProvider>();

/** The thin provider of `type` as the dynamic-provider host builds it from the text in state. */
export function thinProvider(type: ProviderName): RuntimeProvider {
  let found = made.get(type);
  if (!found) {
    found = loadThinProvider<RuntimeProvider>(routerOsThinSpec(type));
    made.set(type, found);
  }
  return found;
}

/**
 * The thin provider of every type, as the dynamic-provider host builds it from the text stored in
 * state; loaded on first use (resources themselves only store the text).
 */
export const thinProviders: Readonly<Record<ProviderName, RuntimeProvider>> = Object.freeze(
  Object.defineProperties(
    {},
    Object.fromEntries(
      RESOURCE_TYPES.map((t) => [
        t.name,
        { enumerable: true, get: () => thinProvider(t.name as ProviderName) },
      ]),
    ),
  ) as Record<ProviderName, RuntimeProvider>,
);
