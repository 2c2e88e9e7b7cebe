/**
 * Pure value handling shared by `check`, `diff` and `read`: what Harbor rewrites is normalised on
 * both sides with the same functions, so `pulumi preview` after `up` (and after `refresh`) is empty.
 */
import { createHash } from "node:crypto";

/** `pulumi.runtime.unknownValue`, inlined: preview hands it to check/diff for unresolved inputs. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** True when the value is, or contains, the unknown sentinel. */
export function hasUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(hasUnknown);
  if (value !== null && typeof value === "object") return Object.values(value).some(hasUnknown);
  return false;
}

/** JSON with object keys sorted, for order-insensitive comparisons of plain data. */
export function canonical(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v !== null && typeof v === "object") {
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
          .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return JSON.stringify(sort(value)) ?? "undefined";
}

const UNITS: Record<string, number> = {
  "": 1,
  b: 1,
  k: 1024,
  m: 1024 ** 2,
  g: 1024 ** 3,
  t: 1024 ** 4,
};

/**
 * A storage quota in bytes, as Harbor keeps it (`-1` = unlimited). Accepts bytes, `-1`,
 * `"unlimited"`, or a size with a binary unit as Harbor's UI shows it: `"500Mi"`, `"50Gi"`,
 * `"50GiB"`, `"1T"` (K/M/G/T are powers of 1024, like the UI's MiB/GiB/TiB).
 * Returns an error text for anything else.
 */
export function parseQuota(value: unknown): number | string {
  if (value === undefined || value === null || value === -1 || value === "unlimited") return -1;
  if (typeof value === "number") {
    return Number.isSafeInteger(value) && value > 0
      ? value
      : `must be a positive whole number of bytes or -1, got ${value}`;
  }
  if (typeof value !== "string") return `must be a number of bytes or a size such as "50Gi"`;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b?)\s*$/i.exec(value);
  const unit = UNITS[(m?.[2] ?? "").toLowerCase()];
  if (!m || unit === undefined) {
    return `must be a size such as "500Mi", "50Gi" or "1Ti", "unlimited" or -1; got "${value}"`;
  }
  const bytes = Math.round(Number(m[1]) * unit);
  return bytes > 0 ? bytes : `must be larger than zero, got "${value}"`;
}

/** Harbor project metadata values are the strings "true"/"false". */
export function metaString(value: boolean): string {
  return value ? "true" : "false";
}

export function metaBool(value: unknown, fallback: boolean): boolean {
  if (value === true || value === "true") return true;
  if (value === false || value === "false") return false;
  return fallback;
}

/**
 * The name the program declares for a robot, from the full name Harbor returns:
 * `robot$ci` (system) or `robot$apps+ci` (project). The `robot$` prefix is configurable in Harbor
 * (`robot_name_prefix`), so it is never assumed (terraform #505, #495): a project robot's name is
 * what follows the `+` (names cannot contain one); a system robot's is the declared name when the
 * full name ends with it, else what follows the first `$`.
 */
export function shortRobotName(fullName: string, project?: string, declared?: string): string {
  if (project !== undefined) {
    const plus = fullName.lastIndexOf("+");
    return plus >= 0 ? fullName.slice(plus + 1) : fullName;
  }
  if (declared !== undefined && fullName.endsWith(declared)) return declared;
  const dollar = fullName.indexOf("$");
  return dollar >= 0 ? fullName.slice(dollar + 1) : fullName;
}

/** Harbor's cron has six fields (seconds first); spacing is not significant. */
export function normalizeCron(cron: string): string {
  return cron.trim().split(/\s+/).filter(Boolean).join(" ");
}

/**
 * Checks a Harbor schedule cron (robfig/cron with seconds): six fields, seconds a fixed number
 * (Harbor refuses a job every second), minutes not `*` (Harbor refuses jobs more often than
 * hourly for replication). Returns an error text, or undefined when valid.
 */
export function cronProblem(cron: string): string | undefined {
  const fields = normalizeCron(cron).split(" ");
  if (fields.length !== 6) {
    return `must be a 6-field cron with seconds first (e.g. "0 0 3 * * *"), got "${cron}"`;
  }
  if (!/^\d+$/.test(fields[0] ?? "")) return `the seconds field must be a number, got "${cron}"`;
  if (fields[1] === "*") return `the minutes field cannot be "*", got "${cron}"`;
  const field = /^[\d*/,?LW#A-Za-z-]+$/;
  if (!fields.every((f) => field.test(f))) return `is not a valid cron expression: "${cron}"`;
  return undefined;
}

/** Hash that lets diff see a rotated write-only secret without keeping the secret itself. */
export function secretHash(secret: string): string {
  return `sha256:${createHash("sha256").update(`harbor-secret\0${secret}`).digest("hex")}`;
}

/** Copy of an object without some keys. */
export function omit<T extends object>(obj: T, keys: readonly string[]): Partial<T> {
  const drop = new Set(keys);
  return Object.fromEntries(Object.entries(obj).filter(([k]) => !drop.has(k))) as Partial<T>;
}

export const SEVERITIES = ["none", "low", "medium", "high", "critical"] as const;
export type Severity = (typeof SEVERITIES)[number];
