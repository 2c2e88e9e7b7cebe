/** Offline input validation shared by both providers (`check`). Never quotes a secret. */
import { isHostPort, isUnknown, type Failure } from "./members";
import type { ConnectionSettings } from "./types";

export function connectionFailures(value: unknown, property = "connection"): Failure[] {
  if (value === undefined || isUnknown(value)) return [];
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return [{ property, reason: "must be an object" }];
  }
  const c = value as Record<string, unknown>;
  const out: Failure[] = [];
  for (const k of ["tls", "insecure"]) {
    if (c[k] !== undefined && typeof c[k] !== "boolean") {
      out.push({ property: `${property}.${k}`, reason: "must be a boolean" });
    }
  }
  for (const k of ["caFile", "authSource"]) {
    if (c[k] !== undefined && (typeof c[k] !== "string" || c[k] === "")) {
      out.push({ property: `${property}.${k}`, reason: "must be a non-empty string" });
    }
  }
  if (c["caPem"] !== undefined && !String(c["caPem"]).startsWith("-----BEGIN CERTIFICATE-----")) {
    out.push({ property: `${property}.caPem`, reason: "must be a PEM certificate" });
  }
  for (const k of ["connectTimeoutMs", "stepTimeoutMs", "pollIntervalMs"]) {
    const n = c[k];
    if (n !== undefined && (typeof n !== "number" || !Number.isFinite(n) || n <= 0)) {
      out.push({
        property: `${property}.${k}`,
        reason: "must be a positive number of milliseconds",
      });
    }
  }
  if (c["tls"] === false && (c["caFile"] !== undefined || c["caPem"] !== undefined)) {
    out.push({ property: `${property}.tls`, reason: "a CA is given but TLS is off" });
  }
  return out;
}

export function hostListFailures(value: unknown, property: string, minimum: number): Failure[] {
  if (isUnknown(value)) return [];
  if (!Array.isArray(value)) return [{ property, reason: 'must be a list of "name:port"' }];
  const out: Failure[] = [];
  if (value.length < minimum) out.push({ property, reason: `needs at least ${minimum} host` });
  value.forEach((h, i) => {
    if (!isHostPort(h)) {
      out.push({
        property: `${property}[${i}]`,
        reason: `must be "name:port", got ${JSON.stringify(h)}`,
      });
    }
  });
  return out;
}

/** Connection settings with keys in a fixed order and no undefined values, for stable diffs. */
export function normalizeConnection(value: unknown): ConnectionSettings {
  if (value === null || typeof value !== "object") return {};
  const c = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(c).sort()) if (c[k] !== undefined) out[k] = c[k];
  return out as ConnectionSettings;
}

export function sameConnection(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalizeConnection(a)) === JSON.stringify(normalizeConnection(b));
}
