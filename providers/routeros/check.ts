/** Offline input validation shared by every RouterOS provider's `check`. */
import type { CheckFailure } from "@pulumi/pulumi/dynamic";
import type { FieldSpec, MenuSpec, ValueFormat } from "./types";
import { canonical, isUnknown, parseDurationMs } from "./values";

/* eslint-disable @typescript-eslint/no-require-imports -- node:net is loaded where it is used,
   like every module the providers need (see http.ts). */

/** Four decimal octets, each 0..255. */
export function isIpv4(text: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  return m !== null && m.slice(1).every((o) => Number(o) <= 255);
}

export function isIpv6(text: string): boolean {
  return text.includes(":") && (require("node:net") as typeof import("node:net")).isIPv6(text);
}

export function isIp(text: string): boolean {
  return isIpv4(text) || isIpv6(text);
}

/** An address, or an address with a prefix length in range for its family. */
export function isPrefix(text: string): boolean {
  const slash = text.indexOf("/");
  if (slash < 0) return isIp(text);
  const addr = text.slice(0, slash);
  const bits = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(bits)) return false;
  if (isIpv4(addr)) return Number(bits) <= 32;
  return isIpv6(addr) && Number(bits) <= 128;
}

function ipv4Number(text: string): number {
  return text.split(".").reduce((n, o) => n * 256 + Number(o), 0);
}

/** `first-last` of one family, first not after last. */
export function isRange(text: string): boolean {
  const parts = text.split("-");
  if (parts.length !== 2) return false;
  const [a = "", b = ""] = parts;
  if (isIpv4(a) && isIpv4(b)) return ipv4Number(a) <= ipv4Number(b);
  return isIpv6(a) && isIpv6(b);
}

/** `22`, `80,443`, `1000-2000`, `!22`: ports 0..65535, ranges not reversed. */
export function isPorts(text: string): boolean {
  const body = text.startsWith("!") ? text.slice(1) : text;
  return body.split(",").every((item) => {
    const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(item.trim());
    if (!m) return false;
    const lo = Number(m[1]);
    const hi = m[2] === undefined ? lo : Number(m[2]);
    return lo <= 65535 && hi <= 65535 && lo <= hi;
  });
}

/** What looks like an IP (digits and dots, or a colon) must be one; otherwise a DNS name. */
function isListAddress(text: string): boolean {
  if (/^[\d./-]+$/.test(text) || text.includes(":")) return isPrefix(text) || isRange(text);
  return /^(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?\.)*[a-z]([a-z0-9-]{0,61}[a-z0-9])?\.?$/i.test(
    text,
  );
}

const FORMATS: Record<ValueFormat, { test: (v: string) => boolean; what: string }> = {
  ip: { test: isIp, what: "an IP address" },
  prefix: { test: isPrefix, what: "an IP address or prefix (address/length)" },
  target: {
    test: (v) => {
      const body = v.startsWith("!") ? v.slice(1) : v;
      return isPrefix(body) || isRange(body);
    },
    what: "an IP address, prefix or range (first-last), optionally negated with !",
  },
  listAddress: {
    test: (v) => isPrefix(v) || isRange(v) || isListAddress(v),
    what: "an IP address, prefix, range (first-last) or DNS name",
  },
  ports: { test: isPorts, what: "a port 0-65535, a range (low-high) or a comma list of them" },
};

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
  if (f.format && typeof v !== "object") {
    const format = FORMATS[f.format];
    const text = String(v).trim();
    if (!format.test(text)) return `must be ${format.what}, got ${shown(text)}`;
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

/**
 * Why a router connection is unusable, or undefined. Plain `http://` sends the password in clear
 * (Basic auth on every request), so it needs the explicit `allowInsecureHttp: true`.
 */
export function connectionFailure(router: unknown): string | undefined {
  const conn = (router ?? {}) as { url?: unknown; allowInsecureHttp?: unknown };
  const url = conn.url;
  if (typeof url !== "string" || !/^https?:\/\/[^/]+/.test(url)) {
    return "router.url must be http(s)://host[:port]";
  }
  if (url.startsWith("http://") && conn.allowInsecureHttp !== true) {
    return (
      `router.url ${url} is plain HTTP, which sends the RouterOS password in clear: use ` +
      "https:// (service www-ssl), or set allowInsecureHttp: true for a lab router"
    );
  }
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
    const reason = connectionFailure(router);
    if (reason) failures.push({ property: "router", reason });
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
