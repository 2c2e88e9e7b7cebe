/** Base class of every RouterOS dynamic resource, and the argument shapes they share. */
import * as pulumi from "@pulumi/pulumi";
import type { RouterConnection } from "./types";
import type { ProviderName } from "./catalog";
import { ThinDynamicResource } from "../shared/thinResource";
import { ROUTEROS } from "./family";

export type In<T> = pulumi.Input<T>;
export type Out<T> = pulumi.Output<T>;

/** Every resource names the router it lives on; credentials never travel this way. */
export interface RouterArgs {
  router: In<RouterConnection>;
}

/** `comment` and `disabled`, present on almost every menu. */
export interface CommonArgs extends RouterArgs {
  comment?: In<string>;
  disabled?: In<boolean>;
}

export abstract class RouterOsResource extends ThinDynamicResource {
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
    super(
      ROUTEROS,
      type,
      name,
      { routerosId: undefined, ...props },
      pulumi.mergeOptions(opts, extra),
    );
  }
}
