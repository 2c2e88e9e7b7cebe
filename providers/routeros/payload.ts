/**
 * Pure builders and comparisons for list menus: request bodies, natural-key lookup, diff and the
 * projection of a router row back onto program properties. No I/O, unit-tested without mocks.
 */
import type { FieldSpec, MenuSpec, RosRecord } from "./types";
import { canonical, fromRos, isUnknown, sameValue, toRos } from "./values";

/** Property names that are not RouterOS fields. */
export const META_PROPS = ["router", "routerosId", "__provider"];

/** Outputs the provider computes; never inputs (dropped from the inputs `read` returns). */
export const COMPUTED_OUTPUTS = ["routerosId", "original", "owner"];

/** A copy of `obj` without `keys`. */
export function omit<T extends object>(obj: T, keys: string[]): T {
  return Object.fromEntries(Object.entries(obj).filter(([k]) => !keys.includes(k))) as T;
}

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** The router's value for a field, with RouterOS's implied value for an omitted one. */
export function rowValue(f: FieldSpec, row: RosRecord): string | undefined {
  return row[f.ros] ?? f.absentAs;
}

/** The value the program wants: declared, or implied by omission. */
export function desired(f: FieldSpec, values: Record<string, unknown>, prop: string): unknown {
  const v = values[prop];
  return isSet(v) ? v : f.implied;
}

/** RouterOS names of the fields `values` declares (set to something non-empty). */
export function declaredRos(spec: MenuSpec, values: Record<string, unknown>): string[] {
  return Object.entries(spec.fields)
    .filter(([prop, f]) => !f.createOnly && canonical(f.kind, values[prop]) !== undefined)
    .map(([, f]) => f.ros);
}

/**
 * `known` extended with the row's value of every field `values` declares that it lacks: what
 * to put back when Pulumi lets go of a row it cannot remove (a settings menu, a built-in row).
 */
export function rememberOriginal(
  spec: MenuSpec,
  row: RosRecord,
  values: Record<string, unknown>,
  known: Record<string, string> = {},
): Record<string, string> {
  const original = { ...known };
  for (const ros of declaredRos(spec, values)) {
    if (!(ros in original)) original[ros] = row[ros] ?? "";
  }
  return original;
}

/** Body of the PUT that creates a row: declared values only, never empty strings. */
export function createBody(
  spec: MenuSpec,
  inputs: Record<string, unknown>,
  placeBeforeId?: string,
): Record<string, string> {
  const body: Record<string, string> = {};
  for (const [prop, f] of Object.entries(spec.fields)) {
    const v = inputs[prop];
    if (f.createOnly || canonical(f.kind, v) === undefined) continue;
    body[f.ros] = toRos(f.kind, v);
  }
  if (placeBeforeId !== undefined) body["place-before"] = placeBeforeId;
  return body;
}

/**
 * Body of the PATCH that makes `current` match the program: every declared value (so an update
 * also repairs drift that was never refreshed) plus `"!field": ""` for unset-able fields the
 * program no longer declares but the current state still has. `place-before` is never sent.
 */
export function patchBody(
  spec: MenuSpec,
  news: Record<string, unknown>,
  currentHas: (prop: string, f: FieldSpec) => boolean,
): Record<string, string> {
  const body: Record<string, string> = {};
  for (const [prop, f] of Object.entries(spec.fields)) {
    if (f.createOnly) continue;
    const v = desired(f, news, prop);
    if (canonical(f.kind, v) !== undefined) body[f.ros] = toRos(f.kind, v);
    else if (f.unsetWhenAbsent && currentHas(prop, f)) body[`!${f.ros}`] = "";
  }
  return body;
}

/** Update body relative to the previous outputs. */
export function updateBody(
  spec: MenuSpec,
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
): Record<string, string> {
  return patchBody(spec, news, (prop, f) => canonical(f.kind, olds[prop]) !== undefined);
}

/** Adoption body for an existing row, or undefined when the row already matches. */
export function adoptBody(
  spec: MenuSpec,
  row: RosRecord,
  inputs: Record<string, unknown>,
): Record<string, string> | undefined {
  const differs = Object.entries(spec.fields).some(([prop, f]) => {
    if (f.createOnly || f.countsDown) return false;
    const v = desired(f, inputs, prop);
    if (canonical(f.kind, v) !== undefined) return !sameValue(f.kind, v, rowValue(f, row));
    return f.unsetWhenAbsent === true && canonical(f.kind, row[f.ros]) !== undefined;
  });
  if (!differs) return undefined;
  return patchBody(spec, inputs, (_p, f) => canonical(f.kind, row[f.ros]) !== undefined);
}

/** The configured (non-dynamic) row whose natural key equals the program's, if any. */
export function findByKey(
  spec: MenuSpec,
  rows: RosRecord[],
  inputs: Record<string, unknown>,
): RosRecord | undefined {
  const keys = Object.entries(spec.fields).filter(([, f]) => f.key);
  if (keys.length === 0) return undefined;
  // A timed address-list entry is `dynamic` although the program created it: it is adoptable.
  const timed = (row: RosRecord) =>
    Object.values(spec.fields).some((f) => f.countsDown && row[f.ros] !== undefined);
  return rows.find(
    (row) =>
      (row["dynamic"] !== "true" || timed(row)) &&
      keys.every(([prop, f]) => sameValue(f.kind, inputs[prop] ?? f.absentAs, rowValue(f, row))),
  );
}

/**
 * Router row → program properties. Declared values that RouterOS merely rewrote are kept as
 * declared (so refresh leaves inputs unchanged); real differences take the router's value in the
 * declared type; unset-able fields set outside Pulumi appear so the next update removes them.
 */
export function project(
  spec: MenuSpec,
  row: RosRecord,
  props: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [prop, value] of Object.entries(props)) {
    if (!(prop in spec.fields) && isSet(value)) out[prop] = value;
  }
  const disabled = canonical("bool", row["disabled"]) === "true";
  for (const [prop, f] of Object.entries(spec.fields)) {
    const declared = props[prop];
    const raw = rowValue(f, row);
    if (f.createOnly || f.countsDown) {
      // A counting-down value (time left) says nothing about what was written.
      if (isSet(declared)) out[prop] = declared;
    } else if (isSet(declared)) {
      if (raw === undefined && f.droppedWhenDisabled && disabled) out[prop] = declared;
      else if (sameValue(f.kind, declared, raw)) out[prop] = declared;
      else if (raw !== undefined) out[prop] = fromRos(f.kind, raw, declared);
    } else if (f.implied !== undefined) {
      if (raw !== undefined && !sameValue(f.kind, f.implied, raw)) out[prop] = fromRos(f.kind, raw);
    } else if (f.unsetWhenAbsent && raw !== undefined && canonical(f.kind, raw) !== undefined) {
      out[prop] = fromRos(f.kind, raw);
    }
  }
  return out;
}

/** Router URL without trailing slashes, for identity comparisons. */
export function routerUrl(value: unknown): string | undefined {
  if (value === null || typeof value !== "object") return undefined;
  const url = (value as { url?: unknown }).url;
  return typeof url === "string" ? url.replace(/\/+$/, "") : undefined;
}

export interface FieldDiff {
  changes: boolean;
  replaces: string[];
}

/** The connection settings in one comparable string (URL without trailing slashes). */
function connectionKey(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  const c = value as Record<string, unknown>;
  return JSON.stringify([
    routerUrl(c),
    c["caFile"] ?? null,
    c["insecure"] === true,
    c["allowInsecureHttp"] === true,
    c["timeoutMs"] ?? null,
  ]);
}

/**
 * True when how to reach the router changed (URL, CA, TLS options). Never a replacement: the
 * objects on the router are the same, and replacing them would delete what the replacement
 * just adopted (or, with delete-before-replace, cut the management VLAN first).
 */
export function connectionChanged(olds: Record<string, unknown>, news: Record<string, unknown>) {
  return (
    isUnknown(news["router"]) || connectionKey(olds["router"]) !== connectionKey(news["router"])
  );
}

/** Pure diff of previous outputs against new inputs, aware of unknowns during preview. */
export function diffProps(
  spec: MenuSpec,
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
): FieldDiff {
  const fields = diffFields(spec, olds, news);
  return { changes: fields.changes || connectionChanged(olds, news), replaces: fields.replaces };
}

/** `diffProps` of the RouterOS fields alone, the connection left out. */
export function diffFields(
  spec: MenuSpec,
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
): FieldDiff {
  const replaces: string[] = [];
  let changes = false;
  for (const [prop, f] of Object.entries(spec.fields)) {
    if (f.createOnly) continue;
    const n = desired(f, news, prop);
    let changed: boolean;
    if (isUnknown(n)) changed = true;
    else if (canonical(f.kind, n) === undefined && !f.unsetWhenAbsent) changed = false;
    else changed = !sameValue(f.kind, desired(f, olds, prop), n);
    if (!changed) continue;
    changes = true;
    if (f.replace) replaces.push(prop);
  }
  return { changes: changes || replaces.length > 0, replaces };
}
