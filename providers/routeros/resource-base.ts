/** Base class of every RouterOS dynamic resource. */
import * as pulumi from "@pulumi/pulumi";
import type { RouterConnection } from "./types";
import type { ProviderName } from "./providers";
import { ensureRuntimeBuilt } from "./runtime-freshness";
import { thinProviders } from "./thin";

/** Every resource names the router it lives on; credentials never travel this way. */
export interface RouterArgs {
  router: pulumi.Input<RouterConnection>;
}

export abstract class RouterOsResource extends pulumi.dynamic.Resource {
  /** RouterOS `.id` (`*1A`) or the menu path of a settings menu. */
  declare readonly routerosId: pulumi.Output<string>;
  declare readonly router: pulumi.Output<RouterConnection>;

  protected constructor(
    type: ProviderName,
    name: string,
    props: Record<string, unknown>,
    opts: pulumi.CustomResourceOptions | undefined,
    secretOutputs: string[] = [],
  ) {
    const extra: pulumi.CustomResourceOptions = { hideDiffs: ["__provider"] };
    if (secretOutputs.length > 0) extra.additionalSecretOutputs = secretOutputs;
    // Pulumi registers an output only for keys passed here: computed ones are seeded with
    // undefined so that `declare`d fields resolve (pulumi-dynamic §6).
    // The thin provider loads the implementation by package name where it runs (thin.ts); make
    // sure the package holds the code in this tree before a resource can be sent to the engine.
    ensureRuntimeBuilt();
    super(
      thinProviders[type],
      name,
      { routerosId: undefined, ...props },
      pulumi.mergeOptions(opts, extra),
      "routeros",
      type,
    );
  }
}
