/**
 * Thin providers: what every RouterOS resource hands to `dynamic.Resource`, i.e. what Pulumi
 * serializes into state as `__provider` (twice per resource: inputs and outputs).
 *
 * Each method only loads the implementation by package name and forwards its arguments. The
 * closure serializer does not walk code inside a method body, and `require` is never captured, so
 * a thin provider serializes to about 1 KB that captures nothing but its type-name string. The
 * implementation (runtime.ts and everything it imports) is the `@baremetal/routeros-runtime`
 * package, built by scripts/build-routeros-runtime.mjs (at `npm ci`, via `prepare`) and linked
 * into node_modules by the root package.json.
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
/* eslint-disable @typescript-eslint/no-require-imports --
   a `require` of the package name inside each method is what keeps the implementation out of the
   serialized provider; an import would be captured by value. */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { ProviderName } from "./catalog";

/** The methods the dynamic-provider host may call; every RouterOS provider implements all. */
export type RuntimeMethod =
  "configure" | "check" | "diff" | "create" | "read" | "update" | "delete";
export type RuntimeProvider = Required<Pick<dynamic.ResourceProvider, RuntimeMethod>>;

/** Shape of the `@baremetal/routeros-runtime` exports the thin providers rely on. */
export interface RouterOsRuntime {
  providers: Record<ProviderName, RuntimeProvider>;
}

/**
 * A provider whose methods capture only `type`. Keep the package name a literal inside each body:
 * a module-level constant or helper would be captured (and walked) as well.
 */
function makeThinProvider(type: ProviderName): RuntimeProvider {
  return {
    configure(...args) {
      return (require("@baremetal/routeros-runtime") as RouterOsRuntime).providers[type].configure(
        ...args,
      );
    },
    check(...args) {
      return (require("@baremetal/routeros-runtime") as RouterOsRuntime).providers[type].check(
        ...args,
      );
    },
    diff(...args) {
      return (require("@baremetal/routeros-runtime") as RouterOsRuntime).providers[type].diff(
        ...args,
      );
    },
    create(...args) {
      return (require("@baremetal/routeros-runtime") as RouterOsRuntime).providers[type].create(
        ...args,
      );
    },
    read(...args) {
      return (require("@baremetal/routeros-runtime") as RouterOsRuntime).providers[type].read(
        ...args,
      );
    },
    update(...args) {
      return (require("@baremetal/routeros-runtime") as RouterOsRuntime).providers[type].update(
        ...args,
      );
    },
    delete(...args) {
      return (require("@baremetal/routeros-runtime") as RouterOsRuntime).providers[type].delete(
        ...args,
      );
    },
  };
}

const made = new Map<ProviderName, RuntimeProvider>();

/** The thin provider of `type`, one shared instance per type (serialization is cached by identity). */
export function thinProvider(type: ProviderName): RuntimeProvider {
  let found = made.get(type);
  if (!found) {
    found = makeThinProvider(type);
    made.set(type, found);
  }
  return found;
}
