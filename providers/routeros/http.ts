/**
 * Minimal RouterOS REST client: what a status and a reply mean, retries and the per-router gate,
 * over the HTTP exchange shared with the Harbor client (providers/shared/httpRaw.ts). Agents live
 * in the process registry, one per router and trust setting.
 */
import { CONNECTION_CODES, keepAliveAgent, sendRaw, type RawReply } from "../shared/httpRaw";
import type { RouterConnection, RouterCredentials } from "./types";
import { envNumber, registry } from "./registry";

export type Method = "GET" | "PUT" | "PATCH" | "DELETE" | "POST";

/** Error thrown for every failed request; the message names method, path, status and detail. */
export interface RosError extends Error {
  method: Method;
  path: string;
  status?: number;
  detail?: string;
  /** The request may have been applied although it failed (connection lost, 5xx on a write). */
  ambiguous: boolean;
}

export function isRosError(e: unknown): e is RosError {
  return e instanceof Error && "ambiguous" in e && "method" in e;
}

export interface RequestOptions {
  /** Safe to repeat (GET, PATCH with the same body, DELETE, move, set). */
  idempotent: boolean;
}

/** The router's own limit is 60 s (routeros-rest §7); stay below it so we see our own error. */
const MAX_TIMEOUT_MS = 55_000;
/** Largest reply buffered; the biggest menus (30k address-list rows) are a few MB. */
const DEFAULT_MAX_REPLY_BYTES = 64 * 1024 * 1024;
const TOO_LARGE = "EROSREPLYTOOLARGE";

/** Parses a RouterOS reply, tolerating raw control characters inside strings (terraform #165). */
export function parseRosJson(text: string): unknown {
  const t = text.trim();
  if (t === "") return undefined;
  if (t.startsWith("<")) {
    throw new Error("expected JSON but got HTML: is the URL the router's REST endpoint?");
  }
  try {
    return JSON.parse(t);
  } catch {
    return JSON.parse(escapeControlCharsInStrings(t));
  }
}

function escapeControlCharsInStrings(t: string): string {
  let out = "";
  let inString = false;
  for (let i = 0; i < t.length; i++) {
    const ch = t.charAt(i);
    const code = t.charCodeAt(i);
    if (inString && ch === "\\") {
      out += ch + t.charAt(i + 1);
      i++;
    } else if (ch === '"') {
      inString = !inString;
      out += ch;
    } else if (inString && code < 0x20) {
      out += `\\u${code.toString(16).padStart(4, "0")}`;
    } else {
      out += ch;
    }
  }
  return out;
}

/** `/rest/<menu>/<item>` with the item percent-encoded (`*` stays literal, routeros-rest §2). */
export function restPath(menu: string, item?: string): string {
  const base = `/rest/${menu}`;
  return item === undefined ? base : `${base}/${encodeURIComponent(item)}`;
}

function makeError(
  method: Method,
  path: string,
  message: string,
  extra: { status?: number; detail?: string; ambiguous: boolean },
): RosError {
  return Object.assign(new Error(`RouterOS ${method} ${path}: ${message}`), {
    method,
    path,
    ...extra,
  });
}

function sendOnce(
  conn: RouterConnection,
  creds: RouterCredentials,
  method: Method,
  path: string,
  body: unknown,
): Promise<RawReply> {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body), "utf8");
  const auth = Buffer.from(`${creds.username}:${creds.password}`, "utf8").toString("base64");
  return sendRaw({
    url: new URL(conn.url.replace(/\/+$/, "") + path),
    method,
    headers: {
      authorization: `Basic ${auth}`,
      accept: "application/json",
      ...(payload ? { "content-type": "application/json" } : {}),
    },
    ...(payload ? { body: payload } : {}),
    agent: keepAliveAgent(registry().agents, conn),
    timeoutMs: Math.min(conn.timeoutMs ?? envNumber("ROUTEROS_TIMEOUT_MS", 30_000), MAX_TIMEOUT_MS),
    maxReplyBytes: envNumber("ROUTEROS_MAX_REPLY_BYTES", DEFAULT_MAX_REPLY_BYTES),
    tooLarge: { code: TOO_LARGE, setting: "ROUTEROS_MAX_REPLY_BYTES" },
  });
}

async function withGate<T>(conn: RouterConnection, run: () => Promise<T>): Promise<T> {
  const gates = registry().gates;
  let gate = gates.get(conn.url);
  if (!gate) {
    gate = { active: 0, waiting: [] };
    gates.set(conn.url, gate);
  }
  const g = gate;
  // RouterOS serves one request at a time; a few in flight keep its queue short so queued time
  // does not eat into each request's timeout.
  const limit = Math.max(1, envNumber("ROUTEROS_MAX_INFLIGHT", 4));
  while (g.active >= limit) await new Promise<void>((r) => g.waiting.push(r));
  g.active++;
  try {
    return await run();
  } finally {
    g.active--;
    g.waiting.shift()?.();
  }
}

function describeReply(status: number, text: string): { message: string; detail?: string } {
  let parsed: unknown;
  try {
    parsed = parseRosJson(text);
  } catch {
    parsed = undefined;
  }
  const obj = (parsed ?? {}) as { message?: unknown; detail?: unknown };
  const detail = typeof obj.detail === "string" ? obj.detail : undefined;
  const reason = typeof obj.message === "string" ? obj.message : text.slice(0, 120) || "no body";
  return { message: `HTTP ${status} ${reason}${detail ? `: ${detail}` : ""}`, detail };
}

function isPermissionDetail(detail: string | undefined): boolean {
  return detail !== undefined && /permission|not allowed/i.test(detail);
}

/**
 * Sends one request. Idempotent requests are retried with exponential backoff on connection
 * loss and 5xx; a write that may have been applied fails with `ambiguous: true` instead, so the
 * caller can look the object up before trying again.
 */
export async function rosRequest(
  conn: RouterConnection,
  creds: RouterCredentials,
  method: Method,
  path: string,
  body: unknown,
  options: RequestOptions,
): Promise<unknown> {
  if (conn.url.startsWith("http://") && conn.allowInsecureHttp !== true) {
    // `check` refuses this offline; this guards every other path (old state, direct callers).
    throw makeError(
      method,
      path,
      `refusing plain HTTP to ${conn.url}: Basic auth would send the password in clear ` +
        "(use https://, or set allowInsecureHttp: true on the router connection)",
      { ambiguous: false },
    );
  }
  const attempts = 1 + envNumber("ROUTEROS_RETRIES", 3);
  const baseMs = envNumber("ROUTEROS_RETRY_BASE_MS", 200);
  let last: RosError | undefined;
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (attempt > 0) {
      const wait = Math.min(baseMs * 2 ** (attempt - 1), 5000) * (0.75 + Math.random() / 2);
      await new Promise((r) => setTimeout(r, wait));
    }
    let reply: RawReply;
    try {
      reply = await withGate(conn, () => {
        registry().requestsSent++;
        return sendOnce(conn, creds, method, path, body);
      });
    } catch (e) {
      const code = (e as { code?: string }).code ?? "";
      if (code === TOO_LARGE) {
        throw makeError(method, path, (e as Error).message, {
          ambiguous: !options.idempotent,
        });
      }
      const refused = code === "ECONNREFUSED";
      const lost =
        (CONNECTION_CODES as readonly string[]).includes(code) || /socket hang up/i.test(String(e));
      const untrusted = /CERT|SIGNATURE|ALTNAME|ISSUER/.test(code);
      const reason = untrusted
        ? `TLS certificate not trusted (${code}: ${(e as Error).message}); set caFile to the router's CA, or insecure: true for a lab router`
        : `connection failed (${code || String(e)})`;
      last = makeError(method, path, reason, {
        ambiguous: !refused && !untrusted && !options.idempotent,
      });
      if (refused || (lost && options.idempotent)) continue;
      throw last;
    }
    if (reply.status >= 200 && reply.status < 300) {
      let parsed: unknown;
      try {
        parsed = parseRosJson(reply.text);
      } catch (e) {
        throw makeError(method, path, `unreadable reply: ${(e as Error).message}`, {
          status: reply.status,
          ambiguous: false,
        });
      }
      // GET, PUT and PATCH always answer with JSON (an empty menu is `[]`); an empty body is a
      // broken reply, never "no rows" (a refresh would drop every resource of the menu).
      const needsBody = method === "GET" || method === "PUT" || method === "PATCH";
      if (!needsBody || (parsed !== null && typeof parsed === "object")) return parsed;
      last = makeError(
        method,
        path,
        `HTTP ${reply.status} with ${parsed === undefined ? "an empty body" : "a body that is not a JSON object or array"}`,
        { status: reply.status, ambiguous: !options.idempotent },
      );
      if (!options.idempotent) throw last;
      continue;
    }
    const { message, detail } = describeReply(reply.status, reply.text);
    if (reply.status === 401) {
      throw makeError(
        method,
        path,
        `${message} (check the credentials of user "${creds.username}")`,
        {
          status: 401,
          ambiguous: false,
        },
      );
    }
    const timedOut = detail !== undefined && /session closed|action timed out/i.test(detail);
    const transient = (reply.status >= 500 && !isPermissionDetail(detail)) || timedOut;
    last = makeError(method, path, message, {
      status: reply.status,
      detail,
      ambiguous: transient && !options.idempotent,
    });
    if (!transient || !options.idempotent) throw last;
  }
  throw Object.assign(last ?? makeError(method, path, "failed", { ambiguous: false }), {
    message: `${last?.message ?? "failed"} (gave up after ${attempts} attempts)`,
  });
}
