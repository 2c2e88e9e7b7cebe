/**
 * Entry of the `@baremetal/routeros-runtime` bundle (scripts/build-routeros-runtime.mjs): one
 * provider implementation per type of the catalog, which the thin providers (thinProvider.ts)
 * load by package name in the dynamic-provider host. Tests and scripts call them directly.
 *
 * API, do not change: `providers` and every type name in it are called by thin providers stored
 * in existing stacks' state (see thinProvider.ts).
 */
import { byName, type ProviderName, type TypeNamed } from "./catalog";
import { FirewallChainProvider } from "./chainProvider";
import type { ResourceType } from "./definition";
import { MenuProvider } from "./menuProvider";
import { SettingsProvider } from "./settingsProvider";

type ImplementationOf<T> = T extends { kind: "menu" }
  ? MenuProvider
  : T extends { kind: "settings" }
    ? SettingsProvider
    : FirewallChainProvider;

/** The implementation of each type, by name. */
export type Implementations = { [N in ProviderName]: ImplementationOf<TypeNamed<N>> };

function implementation(
  type: ResourceType,
): MenuProvider | SettingsProvider | FirewallChainProvider {
  switch (type.kind) {
    case "menu":
      return new MenuProvider(type.spec);
    case "settings":
      return new SettingsProvider(type.spec);
    case "chain":
      return new FirewallChainProvider();
  }
}

export const providers: Readonly<Implementations> = byName<Implementations>(
  (t) => implementation(t) as Implementations[ProviderName],
);
export { clearReadCache } from "./registry";
export type { ProviderName } from "./catalog";
