/**
 * The RouterOS dynamic types: `pulumi-nodejs:dynamic/routeros:<name>`, served by
 * `@baremetal/routeros-runtime`, every one with all the methods the host may call. Its own module:
 * the resource base class and the thin providers both need it, and the catalog sits between them.
 */
import { PROVIDER_METHODS, type ThinFamily } from "../shared/thinText";

export const ROUTEROS: ThinFamily = {
  module: "routeros",
  runtimePackage: "@baremetal/routeros-runtime",
  methods: PROVIDER_METHODS,
  label: "RouterOS",
};
