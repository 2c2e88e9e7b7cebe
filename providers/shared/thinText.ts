/**
 * The text Pulumi stores as a dynamic resource's `__provider`: a thin provider that loads its
 * implementation by package name where it runs, written out directly instead of produced by
 * Pulumi's closure serializer.
 *
 * `pulumi.dynamic.Resource` serializes the provider object it is given with
 * `runtime.serializeFunction`, which opens an inspector session, loads the TypeScript compiler to
 * parse every method and walks the module cache for captured values — most of a preview's time
 * beyond the SDK's own floor, paid in every process (each Jest file, each preview). A thin
 * provider captures nothing but two strings, so its module text is known in advance: this is it.
 *
 * The dynamic-provider host loads the text with `require-from-string` and calls
 * `exports.handler()` for the provider object (cmd/dynamic-provider in @pulumi/pulumi), resolving
 * `require` from the project directory, where the runtime packages are installed. A method absent
 * here is absent for the host too (it then applies its default: no diff, inputs as read, no-op
 * delete), so `methods` must list exactly what the implementation provides.
 *
 * API, do not change: existing state stores this text; a stored provider keeps calling
 * `require(<package>).providers[<type>].<method>(...)` against the installed runtime, so package
 * names, the `providers` export and type names are permanent (add new ones, keep the old).
 */

import type * as dynamic from "@pulumi/pulumi/dynamic";

/** The methods the dynamic-provider host may call. */
export const PROVIDER_METHODS = [
  "configure",
  "check",
  "diff",
  "create",
  "read",
  "update",
  "delete",
] as const;
export type ProviderMethod = (typeof PROVIDER_METHODS)[number];

/** A provider implementing every method (what the host may call), as a runtime package serves it. */
export type FullProvider = Required<Pick<dynamic.ResourceProvider, ProviderMethod>>;

/**
 * The dynamic types one runtime package serves (`pulumi-nodejs:dynamic/<module>:<name>`), all
 * with the same methods. Names are the package's `providers` keys and the URN type names.
 */
export interface ThinFamily {
  module: string;
  /** `@baremetal/<name>-runtime`, built from providers/<name>/. */
  runtimePackage: string;
  methods: readonly ProviderMethod[];
  /** How messages name it (`RouterOS`, `phase gate`). */
  label: string;
}

/** What the thin provider of `name` in `family` is made of. */
export function thinSpec(family: ThinFamily, name: string): ThinProviderSpec {
  return { runtimePackage: family.runtimePackage, providerName: name, methods: family.methods };
}

export interface ThinProviderSpec {
  /** Runtime package that exports `providers` (e.g. `@baremetal/routeros-runtime`). */
  runtimePackage: string;
  /** Key of the implementation under `providers`. */
  providerName: string;
  /** The methods the implementation has, in any order. */
  methods: readonly ProviderMethod[];
}

const PACKAGE_NAME = /^@baremetal\/[a-z0-9-]+-runtime$/;
const PROVIDER_NAME = /^[A-Za-z0-9/_-]+$/;

/** The `__provider` module text of a thin provider. Pure; the same spec gives the same text. */
export function thinProviderText(spec: ThinProviderSpec): string {
  if (!PACKAGE_NAME.test(spec.runtimePackage)) {
    throw new Error(`thin provider: "${spec.runtimePackage}" is not a runtime package name`);
  }
  if (!PROVIDER_NAME.test(spec.providerName)) {
    throw new Error(`thin provider: "${spec.providerName}" is not a provider name`);
  }
  const unknown = spec.methods.filter((m) => !PROVIDER_METHODS.includes(m));
  if (unknown.length > 0) throw new Error(`thin provider: unknown methods ${unknown.join(", ")}`);
  // Canonical order, so the stored text does not depend on how a caller listed the methods.
  const methods = PROVIDER_METHODS.filter((m) => spec.methods.includes(m));
  const pkg = JSON.stringify(spec.runtimePackage);
  const name = JSON.stringify(spec.providerName);
  return [
    '"use strict";',
    "exports.handler = function () {",
    `  const implementation = () => require(${pkg}).providers[${name}];`,
    "  return {",
    ...methods.map((m) => `    ${m}: (...args) => implementation().${m}(...args),`),
    "  };",
    "};",
    "",
  ].join("\n");
}
