/**
 * Minimal Harbor v2.0 REST client over the HTTP exchange shared with the RouterOS client
 * (providers/shared/httpRaw.ts); agents live in the process registry. Every request carries basic
 * auth and no cookie:
 * Harbor skips its CSRF check for `/api/` requests without a session cookie, and a client that
 * kept the `sid` cookie Harbor sets would get `403 CSRF token invalid` on its next write
 * (terraform-provider-harbor #528). Node's http module never stores cookies.
 */
import { CONNECTION_CODES, keepAliveAgent, sendRaw, type RawReply } from "../shared/httpRaw";
import { credentials } from "./configure";
import { envNumber, harborRegistry } from "./registry";
import type { HarborConnection } from "./types";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Error thrown for every failed request; the message names the call, the object and Harbor's reason. */
export interface HarborError extends Error {
  method: Method;
  path: string;
  status?: number;
  /** Harbor's `errors[].code` values (`CONFLICT`, `NOT_FOUND`, …). */
  codes: string[];
  /** The request may have been applied although it failed (connection lost, 5xx on a write). */
  ambiguous: boolean;
}

export function isHarborError(e: unknown): e is HarborError {
  return e instanceof Error && "ambiguous" in e && "codes" in e;
}

export function isStatus(e: unknown, status: number): e is HarborError {
  return isHarborError(e) && e.status === status;
}

export interface HarborReply {
  status: number;
  data: unknown;
  /** `Location` header of a 201 (the new object's API path). */
  location?: string;
  /** `X-Total-Count` of a list reply. */
  totalCount?: number;
}

export interface RequestOptions {
  body?: unknown;
  /** Safe to repeat: GET, PUT of a whole object, DELETE. POST and PATCH (secret refresh) are not. */
  idempotent: boolean;
  /** What the request is about, for error messages: `project "apps"`. */
  what?: string;
  /** Extra headers (`X-Is-Resource-Name`). */
  headers?: Record<string, string>;
}

export const API_BASE = "/api/v2.0";

function sendOnce(
  conn: HarborConnection,
  method: Method,
  path: string,
  options: RequestOptions,
): Promise<RawReply> {
  const creds = credentials();
  const payload =
    options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body), "utf8");
  const auth = Buffer.from(`${creds.username}:${creds.password}`, "utf8").toString("base64");
  return sendRaw({
    url: new URL(conn.url.replace(/\/+$/, "") + API_BASE + path),
    method,
    headers: {
      authorization: `Basic ${auth}`,
      accept: "application/json",
      ...(options.headers ?? {}),
      ...(payload ? { "content-type": "application/json" } : {}),
    },
    ...(payload ? { body: payload } : {}),
    agent: keepAliveAgent(harborRegistry().agents, conn),
    timeoutMs: conn.timeoutMs ?? envNumber("HARBOR_TIMEOUT_MS", 30_000),
  });
}

/** Harbor's error body is `{"errors":[{"code","message"}]}`; anything else is quoted briefly. */
export function describeErrorBody(text: string): { codes: string[]; reason: string } {
  try {
    const parsed = JSON.parse(text) as { errors?: { code?: unknown; message?: unknown }[] };
    if (Array.isArray(parsed.errors) && parsed.errors.length > 0) {
      const codes = parsed.errors.map((e) => String(e.code ?? "UNKNOWN"));
      const reason = parsed.errors
        .map((e) => `${String(e.code ?? "UNKNOWN")}: ${String(e.message ?? "")}`)
        .join("; ");
      return { codes, reason };
    }
  } catch {
    // not JSON: fall through
  }
  const t = text.trim();
  if (t.startsWith("<")) return { codes: [], reason: "HTML reply: is the URL Harbor's address?" };
  return { codes: [], reason: t.slice(0, 160) || "no body" };
}

function makeError(
  method: Method,
  path: string,
  what: string | undefined,
  message: string,
  extra: { status?: number; codes?: string[]; ambiguous: boolean },
): HarborError {
  const subject = what ? ` (${what})` : "";
  return Object.assign(new Error(`Harbor ${method} ${path}${subject}: ${message}`), {
    method,
    path,
    codes: extra.codes ?? [],
    ambiguous: extra.ambiguous,
    ...(extra.status !== undefined ? { status: extra.status } : {}),
  });
}

function header(raw: RawReply, name: string): string | undefined {
  const v = raw.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * Sends one request. Idempotent requests are retried with exponential backoff on connection loss,
 * 429 and 5xx; a write that may have been applied fails with `ambiguous: true` instead, so the
 * caller can look the object up by name before trying again (never a duplicate).
 */
export async function harborRequest(
  conn: HarborConnection,
  method: Method,
  path: string,
  options: RequestOptions,
): Promise<HarborReply> {
  const attempts = 1 + envNumber("HARBOR_RETRIES", 3);
  const baseMs = envNumber("HARBOR_RETRY_BASE_MS", 250);
  let last: HarborError | undefined;
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (attempt > 0) {
      const wait = Math.min(baseMs * 2 ** (attempt - 1), 5000) * (0.75 + Math.random() / 2);
      await new Promise((r) => setTimeout(r, wait));
    }
    let raw: RawReply;
    try {
      harborRegistry().requestsSent++;
      raw = await sendOnce(conn, method, path, options);
    } catch (e) {
      const code = (e as { code?: string }).code ?? "";
      const refused = code === "ECONNREFUSED";
      const lost =
        (CONNECTION_CODES as readonly string[]).includes(code) || /socket hang up/i.test(String(e));
      const untrusted = /CERT|SIGNATURE|ALTNAME|ISSUER/.test(code);
      const reason = untrusted
        ? `TLS certificate not trusted (${code}: ${(e as Error).message}); set caFile to the CA ` +
          "that signed Harbor's certificate, or insecure: true for a lab Harbor"
        : `connection failed (${code || String(e)})`;
      last = makeError(method, path, options.what, reason, {
        ambiguous: !refused && !untrusted && !options.idempotent,
      });
      if (refused || (lost && options.idempotent)) continue;
      throw last;
    }
    if (raw.status >= 200 && raw.status < 300) {
      let data: unknown = undefined;
      if (raw.text.trim() !== "") {
        try {
          data = JSON.parse(raw.text);
        } catch {
          data = raw.text;
        }
      }
      const total = header(raw, "x-total-count");
      const location = header(raw, "location");
      return {
        status: raw.status,
        data,
        ...(location !== undefined ? { location } : {}),
        ...(total !== undefined ? { totalCount: Number(total) } : {}),
      };
    }
    const { codes, reason } = describeErrorBody(raw.text);
    let message = `HTTP ${raw.status} ${reason}`;
    if (raw.status === 401) {
      message += ` (check the credentials of Harbor user "${credentials().username}")`;
    }
    // 429: rejected before anything happened; 5xx: may or may not have been applied.
    const throttled = raw.status === 429;
    const transient = raw.status >= 500;
    last = makeError(method, path, options.what, message, {
      status: raw.status,
      codes,
      ambiguous: transient && !options.idempotent,
    });
    if (throttled || (transient && options.idempotent)) continue;
    throw last;
  }
  const final = last ?? makeError(method, path, options.what, "failed", { ambiguous: false });
  final.message = `${final.message} (gave up after ${attempts} attempts)`;
  throw final;
}

/** The id at the end of a `Location` header (`/api/v2.0/projects/12` → `12`). */
export function idFromLocation(location: string | undefined, what: string): string {
  const id = location
    ?.replace(/[?#].*$/, "")
    .split("/")
    .filter(Boolean)
    .pop();
  if (!id) throw new Error(`Harbor created ${what} but sent no Location header with its id`);
  return decodeURIComponent(id);
}

/** Every item of a paginated list (`page_size` is at most 100). */
export async function listAll<T>(
  conn: HarborConnection,
  path: string,
  query: Record<string, string> = {},
  what?: string,
): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; page < 10_000; page++) {
    const q = new URLSearchParams({ ...query, page: String(page), page_size: "100" });
    const reply = await harborRequest(conn, "GET", `${path}?${q.toString()}`, {
      idempotent: true,
      ...(what ? { what } : {}),
    });
    const batch = Array.isArray(reply.data) ? (reply.data as T[]) : [];
    items.push(...batch);
    const total = reply.totalCount;
    if (batch.length < 100 || (total !== undefined && items.length >= total)) break;
  }
  return items;
}

/** GET of one object, or undefined when Harbor answers 404. */
export async function getOrUndefined<T>(
  conn: HarborConnection,
  path: string,
  what: string,
  headers?: Record<string, string>,
): Promise<T | undefined> {
  try {
    const reply = await harborRequest(conn, "GET", path, {
      idempotent: true,
      what,
      ...(headers ? { headers } : {}),
    });
    return reply.data as T;
  } catch (e) {
    if (isStatus(e, 404)) return undefined;
    throw e;
  }
}

/** DELETE that treats "already gone" as success. */
export async function deleteIfExists(
  conn: HarborConnection,
  path: string,
  what: string,
): Promise<void> {
  try {
    await harborRequest(conn, "DELETE", path, { idempotent: true, what });
  } catch (e) {
    if (isStatus(e, 404)) return;
    throw e;
  }
}
