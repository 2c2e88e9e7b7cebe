/**
 * Pure value normalisation shared by check, diff and read.
 *
 * RouterOS hands every value back as a string and rewrites some of them on write (`24h` → `1d`,
 * `10.0.0.1` → `10.0.0.1/32`, `yes` → `true`). Comparing raw values would produce a diff after
 * every refresh, so both sides are reduced to a canonical string first. `undefined` means "absent";
 * RouterOS omits empty values (an empty `comment` is never returned), so "" is absent too.
 */

/** How a field's value is interpreted. */
export type FieldKind =
  | "string"
  | "bool"
  | "int"
  | "duration"
  | "cidr"
  | "list"
  | "set"
  /** Unordered list of prefixes; a bare address means its host prefix (`10.0.0.1` = `/32`). */
  | "cidrs"
  /**
   * Firewall address matcher (address, prefix or range, optionally negated with `!`): RouterOS
   * prints a host prefix without its length (`10.0.0.1/32` reads back as `10.0.0.1`).
   */
  | "address"
  /** A size in KiB: RouterOS prints `2048KiB` for a written `2048`. */
  | "kib";

/** `pulumi.runtime.unknownValue`, inlined so provider code does not capture the SDK. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function isUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some((v) => v === UNKNOWN);
  if (value !== null && typeof value === "object") return Object.values(value).some(isUnknown);
  return false;
}

const UNIT_MS: Record<string, number> = {
  w: 604_800_000,
  d: 86_400_000,
  h: 3_600_000,
  m: 60_000,
  s: 1000,
  ms: 1,
};

/**
 * Parses a RouterOS duration (`1w2d`, `2m5s`, `31s250ms`, `00:05:00`, `1d 02:00:00`, or bare
 * seconds) into milliseconds. Returns undefined for words such as `none` or `auto`.
 */
export function parseDurationMs(text: string): number | undefined {
  const s = text.trim().toLowerCase();
  if (s === "") return undefined;
  if (/^\d+$/.test(s)) return Number(s) * 1000;
  let total = 0;
  let rest = s;
  const clock = /(?:^|\s|d)(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?$/.exec(rest);
  if (clock) {
    const [, hh, mm, ss, frac] = clock;
    total += Number(hh) * 3_600_000 + Number(mm) * 60_000 + Number(ss) * 1000;
    if (frac) total += Number(frac.padEnd(3, "0"));
    rest = rest.slice(0, clock.index + (clock[0].startsWith("d") ? 1 : 0)).trim();
    if (rest === "") return total;
  }
  const token = /(\d+)(ms|w|d|h|m|s)/gy;
  let consumed = 0;
  for (let match = token.exec(rest); match; match = token.exec(rest)) {
    const [whole, amount, unit] = match;
    total += Number(amount) * (UNIT_MS[unit ?? ""] ?? Number.NaN);
    consumed += whole.length;
  }
  return consumed === rest.length && Number.isFinite(total) ? total : undefined;
}

function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === "" ||
    (Array.isArray(value) && value.length === 0)
  );
}

function listItems(value: unknown): string[] {
  const items = Array.isArray(value) ? value.map(String) : String(value).split(",");
  return items.map((s) => s.trim()).filter((s) => s !== "");
}

function canonicalBool(value: unknown): string {
  const s = String(value).trim().toLowerCase();
  if (s === "true" || s === "yes") return "true";
  if (s === "false" || s === "no") return "false";
  return s;
}

function canonicalInt(value: unknown): string {
  const s = String(value).trim().toLowerCase();
  if (/^0x[0-9a-f]+$/.test(s)) return String(Number.parseInt(s.slice(2), 16));
  if (/^-?\d+$/.test(s)) return String(Number(s));
  return s;
}

function canonicalCidr(value: unknown): string {
  const s = String(value).trim().toLowerCase();
  if (s.includes("/")) return s;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(s)) return `${s}/32`;
  if (s.includes(":")) return `${s}/128`;
  return s;
}

/** `10.0.0.1/32` → `10.0.0.1` (and `/128` for IPv6), keeping a leading `!`. */
function canonicalAddress(value: unknown): string {
  const s = String(value).trim().toLowerCase();
  const negated = s.startsWith("!");
  const body = negated ? s.slice(1) : s;
  const host =
    /^(\d+\.\d+\.\d+\.\d+)\/32$/.exec(body) ?? /^([0-9a-f:.]*:[0-9a-f:.]*)\/128$/.exec(body);
  return `${negated ? "!" : ""}${host ? (host[1] ?? body) : body}`;
}

const KIB_FACTOR: Record<string, number> = { "": 1, k: 1, kib: 1, m: 1024, mib: 1024 };

/** `2048`, `2048KiB` and `2MiB` → `2048` (KiB); anything else unchanged. */
function canonicalKib(value: unknown): string {
  const s = String(value).trim().toLowerCase();
  const m = /^(\d+)\s*(k|kib|m|mib)?$/.exec(s);
  if (!m) return s;
  return String(Number(m[1]) * (KIB_FACTOR[m[2] ?? ""] ?? 1));
}

/** The canonical comparison form of a value, or undefined when the value counts as absent. */
export function canonical(kind: FieldKind, value: unknown): string | undefined {
  if (isEmpty(value)) return undefined;
  switch (kind) {
    case "bool":
      return canonicalBool(value);
    case "int":
      return canonicalInt(value);
    case "duration": {
      const ms = typeof value === "number" ? value * 1000 : parseDurationMs(String(value));
      return ms === undefined ? String(value).trim().toLowerCase() : String(ms);
    }
    case "cidr":
      return canonicalCidr(value);
    case "list":
      return listItems(value).join(",") || undefined;
    case "set":
      return listItems(value).sort().join(",") || undefined;
    case "cidrs":
      return listItems(value).map(canonicalCidr).sort().join(",") || undefined;
    case "address":
      return canonicalAddress(value);
    case "kib":
      return canonicalKib(value);
    case "string":
      return String(value);
  }
}

/** True when two values are the same once RouterOS's rewriting is taken into account. */
export function sameValue(kind: FieldKind, a: unknown, b: unknown): boolean {
  return canonical(kind, a) === canonical(kind, b);
}

/** The string sent to RouterOS for a declared value (always a string: see routeros-rest §4). */
export function toRos(kind: FieldKind, value: unknown): string {
  if (kind === "bool") {
    const c = canonicalBool(value);
    return c === "true" ? "yes" : c === "false" ? "no" : c;
  }
  if (kind === "duration" && typeof value === "number") return `${value}s`;
  if (kind === "kib") return canonicalKib(value);
  if (kind === "list" || kind === "set" || kind === "cidrs") return listItems(value).join(",");
  return String(value);
}

/**
 * Converts a RouterOS string back into the JavaScript type the program declared (`like`), or the
 * kind's natural type when nothing was declared, so refreshed inputs keep their shape.
 */
export function fromRos(kind: FieldKind, raw: string, like?: unknown): unknown {
  const asType =
    like === undefined ? naturalType(kind) : Array.isArray(like) ? "array" : typeof like;
  if (asType === "boolean") return canonicalBool(raw) === "true";
  if (asType === "number") {
    if (kind === "kib") return Number(canonicalKib(raw));
    if (kind === "duration") return (parseDurationMs(raw) ?? Number.NaN) / 1000;
    const n = Number(canonicalInt(raw));
    return Number.isFinite(n) ? n : raw;
  }
  if (asType === "array") return listItems(raw);
  return raw;
}

function naturalType(kind: FieldKind): string {
  if (kind === "bool") return "boolean";
  if (kind === "int") return "number";
  if (kind === "list" || kind === "set" || kind === "cidrs") return "array";
  return "string";
}
