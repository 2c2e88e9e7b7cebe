/** Offline input validation shared by every RouterOS provider's `check`. */
import type { CheckFailure } from "@pulumi/pulumi/dynamic";
import type { FieldSpec, MenuSpec } from "./types";
import { canonical, isUnknown, parseDurationMs } from "./values";

const IPV4_PREFIX = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/;

/** An IPv4 address or prefix, or something shaped like an IPv6 one (RouterOS checks the rest). */
function isPrefix(item: string): boolean {
  const v4 = IPV4_PREFIX.exec(item);
  if (v4) {
    const [, a, b, c, d, bits] = v4;
    return (
      [a, b, c, d].every((o) => Number(o) <= 255) && (bits === undefined || Number(bits) <= 32)
    );
  }
  return /^[0-9a-f:.]*:[0-9a-f:.]*(?:\/\d{1,3})?$/i.test(item);
}

function fieldFailure(prop: string, f: FieldSpec, v: unknown): string | undefined {
  const c = canonical(f.kind, v);
  if (c === undefined) return undefined;
  // A secret's value must not reach a failure message (the CLI prints it, CI logs keep it).
  const shown = (x: unknown) => (f.secret ? "[secret]" : String(x));
  if (f.kind === "bool" && c !== "true" && c !== "false")
    return `must be a boolean, got ${shown(v)}`;
  if (f.kind === "int") {
    if (!/^-?\d+$/.test(c)) return `must be an integer, got ${shown(v)}`;
    const n = Number(c);
    if ((f.min !== undefined && n < f.min) || (f.max !== undefined && n > f.max)) {
      return `must be in ${f.min ?? "-∞"}..${f.max ?? "∞"}, got ${shown(n)}`;
    }
  }
  if (f.kind === "duration" && typeof v === "string" && parseDurationMs(v) === undefined) {
    if (!f.oneOf?.includes(v.toLowerCase())) return `is not a RouterOS duration: ${shown(v)}`;
  }
  if (f.kind === "cidrs") {
    const bad = c.split(",").filter((item) => !isPrefix(item));
    if (bad.length > 0) return `must list IP addresses or prefixes, got ${shown(bad.join(", "))}`;
  }
  if (f.kind !== "int" && f.kind !== "duration" && f.oneOf && !f.oneOf.includes(c.toLowerCase())) {
    return `must be one of ${f.oneOf.join(", ")}, got ${shown(c)}`;
  }
  if (f.minLength !== undefined && typeof v === "string" && v.length < f.minLength) {
    return `must be at least ${f.minLength} characters long`;
  }
  if (typeof v === "object" && !Array.isArray(v)) return `must not be an object (${prop})`;
  return undefined;
}

/** Returns failures for the router connection, required, unknown and malformed properties. */
export function checkInputs(
  spec: Pick<MenuSpec, "fields" | "required">,
  news: Record<string, unknown>,
  extraProps: string[] = [],
): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const router = news["router"];
  if (!isUnknown(router)) {
    const url = (router as { url?: unknown } | undefined)?.url;
    if (typeof url !== "string" || !/^https?:\/\/[^/]+/.test(url)) {
      failures.push({ property: "router", reason: "router.url must be http(s)://host[:port]" });
    }
  }
  for (const prop of spec.required) {
    if (!isUnknown(news[prop]) && canonical("string", news[prop]) === undefined) {
      failures.push({ property: prop, reason: `${prop} is required` });
    }
  }
  const allowed = new Set(["router", "__provider", ...extraProps, ...Object.keys(spec.fields)]);
  for (const [prop, v] of Object.entries(news)) {
    if (!allowed.has(prop)) {
      failures.push({ property: prop, reason: `unknown property ${prop}` });
      continue;
    }
    const f = spec.fields[prop] as FieldSpec | undefined;
    if (!f || isUnknown(v)) continue;
    const reason = fieldFailure(prop, f, v);
    if (reason) failures.push({ property: prop, reason: `${prop} ${reason}` });
  }
  return failures;
}

/** Inputs as stored by the engine: unset properties dropped. */
export function cleanInputs<T extends Record<string, unknown>>(news: T): T {
  return Object.fromEntries(
    Object.entries(news).filter(([, v]) => v !== undefined && v !== null),
  ) as T;
}
