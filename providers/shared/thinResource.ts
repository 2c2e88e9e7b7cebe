/**
 * Base of every dynamic resource in this program: a `CustomResource` of Pulumi's dynamic type
 * family (`pulumi-nodejs:dynamic/<module>:<type>`, so URNs are those `pulumi.dynamic.Resource`
 * gives) whose `__provider` is the thin provider text of thinText.ts, computed without closure
 * serialization. Everything else is what `pulumi.dynamic.Resource` does: the engine sees the same
 * type, the same properties and the same provider contract.
 */
import * as pulumi from "@pulumi/pulumi";
import { thinProviderText, thinSpec, type ThinFamily, type ThinProviderSpec } from "./thinText";

export interface ThinResourceType extends ThinProviderSpec {
  /** Module of the type token (`routeros`, `harbor`, …). */
  module: string;
  /** Type of the type token; by convention the provider name. */
  type: string;
}

/** The dynamic type `name` of `family`, with its thin provider. */
export function thinType(family: ThinFamily, name: string): ThinResourceType {
  return { module: family.module, type: name, ...thinSpec(family, name) };
}

/** Texts by spec: one string per type and process, shared by every resource of that type. */
const texts = new Map<string, string>();

function providerText(spec: ThinProviderSpec): string {
  const key = `${spec.runtimePackage}\0${spec.providerName}\0${[...spec.methods].sort().join(",")}`;
  let text = texts.get(key);
  if (text === undefined) {
    text = thinProviderText(spec);
    texts.set(key, text);
  }
  return text;
}

export abstract class ThinDynamicResource extends pulumi.CustomResource {
  protected constructor(
    kind: ThinResourceType,
    name: string,
    props: Record<string, unknown>,
    opts?: pulumi.CustomResourceOptions,
  ) {
    if ("__provider" in props) throw new Error("a dynamic resource must not define __provider");
    super(
      `pulumi-nodejs:dynamic/${kind.module}:${kind.type}`,
      name,
      { ...props, __provider: providerText(kind) },
      opts,
    );
  }
}
