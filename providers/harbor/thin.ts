/**
 * Thin providers: what every Harbor resource hands to `dynamic.Resource`, i.e. what Pulumi
 * serializes into state as `__provider`.
 *
 * Each method only loads the implementation by package name and forwards its arguments; the
 * closure serializer does not walk code inside a method body, so a thin provider serializes to
 * about 1 KB capturing nothing but its type name. The implementation is the
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
/* eslint-disable @typescript-eslint/no-require-imports --
   a `require` of the package name inside each method keeps the implementation out of the
   serialized provider; an import would be captured by value. */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { ProviderName } from "./providers";

export type RuntimeMethod =
  "configure" | "check" | "diff" | "create" | "read" | "update" | "delete";
export type RuntimeProvider = Required<Pick<dynamic.ResourceProvider, RuntimeMethod>>;

/** Shape of the `@baremetal/harbor-runtime` exports the thin providers rely on. */
export interface HarborRuntime {
  providers: Record<ProviderName, RuntimeProvider>;
}

/** A provider whose methods capture only `type` (the package name stays a literal in each body). */
function thinProvider(type: ProviderName): RuntimeProvider {
  return {
    configure(...args) {
      return (require("@baremetal/harbor-runtime") as HarborRuntime).providers[type].configure(
        ...args,
      );
    },
    check(...args) {
      return (require("@baremetal/harbor-runtime") as HarborRuntime).providers[type].check(...args);
    },
    diff(...args) {
      return (require("@baremetal/harbor-runtime") as HarborRuntime).providers[type].diff(...args);
    },
    create(...args) {
      return (require("@baremetal/harbor-runtime") as HarborRuntime).providers[type].create(
        ...args,
      );
    },
    read(...args) {
      return (require("@baremetal/harbor-runtime") as HarborRuntime).providers[type].read(...args);
    },
    update(...args) {
      return (require("@baremetal/harbor-runtime") as HarborRuntime).providers[type].update(
        ...args,
      );
    },
    delete(...args) {
      return (require("@baremetal/harbor-runtime") as HarborRuntime).providers[type].delete(
        ...args,
      );
    },
  };
}

/** One shared thin instance per type: Pulumi caches serialization by object identity. */
export const thinProviders: Readonly<Record<ProviderName, RuntimeProvider>> = {
  Project: thinProvider("Project"),
  RobotAccount: thinProvider("RobotAccount"),
  RegistryEndpoint: thinProvider("RegistryEndpoint"),
  ReplicationPolicy: thinProvider("ReplicationPolicy"),
  RetentionPolicy: thinProvider("RetentionPolicy"),
  ImmutableTagRule: thinProvider("ImmutableTagRule"),
  GcSchedule: thinProvider("GcSchedule"),
  CveAllowlist: thinProvider("CveAllowlist"),
  DefaultScanner: thinProvider("DefaultScanner"),
};
