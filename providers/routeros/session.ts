/**
 * Menu-level operations with coalesced reads.
 *
 * RouterOS serves REST requests one at a time, so refreshing 500 DNS records with one
 * `GET ?.id=` each costs 500 round trips (terraform #976). Instead every `read` in this process
 * shares one `GET /rest/<menu>` per router and menu: concurrent callers share the request in
 * flight, later callers reuse the rows for a short time, and writes made through this module are
 * applied to the cached rows so they stay coherent with what this process did.
 */
import type { RosRecord, RouterConnection, RouterCredentials } from "./types";
import { envNumber, registry, type ListEntry } from "./registry";
import { restPath, rosRequest } from "./http";
import { missingCredentials } from "./credentials";

export function credentials(): RouterCredentials {
  const creds = registry().credentials;
  if (!creds) {
    throw new Error(missingCredentials());
  }
  return creds;
}

function cacheKey(conn: RouterConnection, menu: string): string {
  return `${conn.url.replace(/\/+$/, "")}|${menu}`;
}

/**
 * The rows of a list reply (a settings menu answers with one bare object). Anything else is an
 * error: treating it as "no rows" would make a refresh drop every resource of the menu.
 */
export function asRows(menu: string, reply: unknown): RosRecord[] {
  const isRow = (r: unknown) => r !== null && typeof r === "object" && !Array.isArray(r);
  if (Array.isArray(reply) && reply.every(isRow)) return reply as RosRecord[];
  if (isRow(reply)) return [reply as RosRecord];
  throw new Error(`RouterOS GET /rest/${menu}: reply is not a list of rows (${typeof reply})`);
}

/**
 * All rows of a menu (for a settings menu: its one object). `maxAgeMs` 0 forces a new request
 * (used after a write whose outcome is unknown: a read already in flight may predate it).
 */
export function listMenu(
  conn: RouterConnection,
  menu: string,
  maxAgeMs = envNumber("ROUTEROS_READ_CACHE_MS", 5000),
): Promise<RosRecord[]> {
  const lists = registry().lists;
  const key = cacheKey(conn, menu);
  const hit = lists.get(key);
  const now = Date.now();
  if (hit && maxAgeMs > 0 && (!hit.rows || now - hit.at <= maxAgeMs))
    return hit.promise.then((r) => [...r]);
  const entry: ListEntry = { at: now, promise: Promise.resolve([]), pending: [] };
  entry.promise = rosRequest(conn, credentials(), "GET", restPath(menu), undefined, {
    idempotent: true,
  }).then(
    (reply) => {
      const rows = asRows(menu, reply);
      for (const op of entry.pending) op(rows);
      entry.rows = rows;
      return rows;
    },
    (e: unknown) => {
      if (lists.get(key) === entry) lists.delete(key);
      throw e;
    },
  );
  lists.set(key, entry);
  return entry.promise.then((r) => [...r]);
}

/** Applies a write to the cached rows, or drops the cache entry when that is not possible. */
function touch(conn: RouterConnection, menu: string, apply?: (rows: RosRecord[]) => void): void {
  const lists = registry().lists;
  const key = cacheKey(conn, menu);
  const entry = lists.get(key);
  if (!entry) return;
  if (!apply) lists.delete(key);
  else if (entry.rows) apply(entry.rows);
  else entry.pending.push(apply);
}

export async function putRow(
  conn: RouterConnection,
  menu: string,
  body: Record<string, string>,
): Promise<RosRecord> {
  const reply = (await rosRequest(conn, credentials(), "PUT", restPath(menu), body, {
    idempotent: false,
  })) as RosRecord;
  const positioned = body["place-before"] !== undefined;
  touch(
    conn,
    menu,
    positioned
      ? undefined
      : (rows) => {
          if (!rows.some((r) => r[".id"] === reply[".id"])) rows.push(reply);
        },
  );
  return reply;
}

export async function patchRow(
  conn: RouterConnection,
  menu: string,
  id: string,
  body: Record<string, string>,
): Promise<RosRecord> {
  const reply = (await rosRequest(conn, credentials(), "PATCH", restPath(menu, id), body, {
    idempotent: true,
  })) as RosRecord;
  touch(conn, menu, (rows) => {
    const i = rows.findIndex((r) => r[".id"] === id);
    if (i >= 0) rows[i] = reply;
  });
  return reply;
}

/** Removes a row; false when it was already gone (delete must be idempotent). */
export async function deleteRow(
  conn: RouterConnection,
  menu: string,
  id: string,
): Promise<boolean> {
  let existed = true;
  try {
    await rosRequest(conn, credentials(), "DELETE", restPath(menu, id), undefined, {
      idempotent: true,
    });
  } catch (e) {
    if ((e as { status?: number }).status !== 404) throw e;
    existed = false;
  }
  touch(conn, menu, (rows) => {
    const i = rows.findIndex((r) => r[".id"] === id);
    if (i >= 0) rows.splice(i, 1);
  });
  return existed;
}

/** `POST /rest/<menu>/<command>` (set, move, remove, print…). Drops the menu's cached rows. */
export async function postCommand(
  conn: RouterConnection,
  menu: string,
  command: string,
  body: Record<string, unknown>,
  idempotent: boolean,
): Promise<unknown> {
  try {
    return await rosRequest(conn, credentials(), "POST", restPath(menu, command), body, {
      idempotent,
    });
  } finally {
    touch(conn, menu);
  }
}
