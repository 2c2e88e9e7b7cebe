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
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { loadThinProvider } from "../shared/thinLoad";
import { PROVIDER_METHODS, type ThinProviderSpec } from "../shared/thinText";
import type { ProviderName } from "./providers";

export type RuntimeMethod =
  "configure" | "check" | "diff" | "create" | "read" | "update" | "delete";
export type RuntimeProvider = Required<Pick<dynamic.ResourceProvider, RuntimeMethod>>;

/** Shape of the `@baremetal/harbor-runtime` exports the thin providers rely on. */
export interface HarborRuntime {
  providers: Record<ProviderName, RuntimeProvider>;
}

/** The runtime package the Harbor thin providers load. */
export const HARBOR_RUNTIME = "@baremetal/harbor-runtime";

/** What the thin provider of `type` is made of (its text: providers/shared/thinText.ts). */
export function harborThinSpec(type: ProviderName): ThinProviderSpec {
  return { runtimePackage: HARBOR_RUNTIME, providerName: type, methods: PROVIDER_METHODS };
}

const made = new Map<ProviderName, RuntimeProvider>();

/** The thin provider of `type` as the dynamic-provider host builds it from the text in state. */
function thinProvider(type: ProviderName): RuntimeProvider {
  let found = made.get(type);
  if (!found) {
    found = loadThinProvider<RuntimeProvider>(harborThinSpec(type));
    made.set(type, found);
  }
  return found;
}

const NAMES: readonly ProviderName[] = [
  "Project",
  "RobotAccount",
  "RegistryEndpoint",
  "ReplicationPolicy",
  "RetentionPolicy",
  "ImmutableTagRule",
  "GcSchedule",
  "CveAllowlist",
  "DefaultScanner",
];

/** Every type's thin provider, loaded on first use (resources only store the text). */
export const thinProviders: Readonly<Record<ProviderName, RuntimeProvider>> = Object.freeze(
  Object.defineProperties(
    {},
    Object.fromEntries(
      NAMES.map((name) => [name, { enumerable: true, get: () => thinProvider(name) }]),
    ),
  ) as Record<ProviderName, RuntimeProvider>,
);
