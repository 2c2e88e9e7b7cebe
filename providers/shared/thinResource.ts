/**
 * Base of every dynamic resource in this program: a `CustomResource` of Pulumi's dynamic type
 * family (`pulumi-nodejs:dynamic/<module>:<type>`, so URNs are those `pulumi.dynamic.Resource`
 * gives) whose `__provider` is the thin provider text of thinText.ts, computed without closure
 * serialization. Everything else is what `pulumi.dynamic.Resource` does: the engine sees the same
 * type, the same properties and the same provider contract.
 *
 * A resource refuses to register when its family's runtime bundle is missing or older than the
 * provider sources in the tree (runtimeFreshness.ts): the stored text runs whatever that bundle
 * holds, so an edit without a rebuild would otherwise deploy the old code. Building is `npm ci` /
 * `npm run build`'s job, never a constructor's.
 */
import * as pulumi from "@pulumi/pulumi";
import { familyFreshness } from "./runtimeFreshness";
import { thinProviderText, thinSpec, type ThinFamily, type ThinProviderSpec } from "./thinText";

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
  /** A resource of type `type` (a provider name of `family`). */
  protected constructor(
    family: ThinFamily,
    type: string,
    name: string,
    props: Record<string, unknown>,
    opts?: pulumi.CustomResourceOptions,
  ) {
    if ("__provider" in props) throw new Error("a dynamic resource must not define __provider");
    familyFreshness(family).assertRuntimeFresh();
    super(
      `pulumi-nodejs:dynamic/${family.module}:${type}`,
      name,
      { ...props, __provider: providerText(thinSpec(family, type)) },
      opts,
    );
  }
}
