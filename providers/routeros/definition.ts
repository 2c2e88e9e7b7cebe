/**
 * What the catalog (catalog.ts) knows about a resource type: which provider implements it and,
 * for spec-driven ones, its menu spec. Plain data, evaluated once at load.
 */
import type { MenuSpec } from "./types";

/** A list menu (`/ip/address`, `/interface/vlan`, …) served by `MenuProvider`. */
export interface MenuType<N extends string = string> {
  kind: "menu";
  name: N;
  spec: MenuSpec;
}

/** A settings menu without rows (`/ip/dns`, `/snmp`) served by `SettingsProvider`. */
export interface SettingsType<N extends string = string> {
  kind: "settings";
  name: N;
  spec: MenuSpec;
}

/** The order of a firewall chain, served by `FirewallChainProvider`. */
export interface ChainType<N extends string = string> {
  kind: "chain";
  name: N;
}

export type ResourceType = MenuType | SettingsType | ChainType;

export function menuType<const N extends string>(spec: MenuSpec & { type: N }): MenuType<N> {
  return { kind: "menu", name: spec.type, spec };
}

export function settingsType<const N extends string>(
  spec: MenuSpec & { type: N },
): SettingsType<N> {
  return { kind: "settings", name: spec.type, spec };
}

export function chainType<const N extends string>(name: N): ChainType<N> {
  return { kind: "chain", name };
}
