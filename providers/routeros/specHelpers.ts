/** Compact builders for menu specs; evaluated once at load, the result is plain data. */
import type { FieldSpec } from "./types";
import type { FieldKind } from "./values";

export type FieldDef = FieldKind | [FieldKind, Partial<FieldSpec>];

/** `vlanId` → `vlan-id`, `v3Protocol` → `v3-protocol`. */
export function kebab(prop: string): string {
  return prop.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`);
}

export function fields(defs: Record<string, FieldDef>): Record<string, FieldSpec> {
  const out: Record<string, FieldSpec> = {};
  for (const [prop, def] of Object.entries(defs)) {
    const [kind, extra] = typeof def === "string" ? [def, {}] : def;
    out[prop] = { ros: kebab(prop), kind, ...extra };
  }
  return out;
}

/** `comment` and `disabled`, present on almost every menu. */
export const COMMON: Record<string, FieldDef> = {
  comment: ["string", { unsetWhenAbsent: true }],
  disabled: ["bool", { absentAs: "false", implied: "false" }],
};

/** Firewall matchers: absent when unset, removed with `"!field"` (routeros-rest §6). */
export function matchers(props: string[], kind: FieldKind = "string"): Record<string, FieldDef> {
  return Object.fromEntries(props.map((p) => [p, [kind, { unsetWhenAbsent: true }]]));
}
