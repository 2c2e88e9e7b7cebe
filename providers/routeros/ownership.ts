/**
 * Who holds an adopted row: the guard that keeps a delete from removing a row another live
 * resource has taken over.
 *
 * `create` adopts an existing row by natural key. When the engine replaces a resource
 * create-before-delete, or a resource is renamed (a new URN is created, then the old one is
 * deleted), the new resource adopts the very row the old one still holds, and the old one's
 * delete then runs with the same `.id`: without a guard it removes the row the state says exists.
 *
 * Every resource instance carries a random `owner` token in its outputs. Adopting a row records
 * `menu .id → owner` in a ledger kept on the router itself (so it survives a deployment that
 * stops between the create and the delete): one `/system/script` row named `pulumi-adoptions`
 * whose source holds only comment lines (it does nothing if run). A delete first looks the row
 * up there: held by another token (or by anyone, for state written before tokens existed) means
 * the row belongs to the replacement and is left alone; held by its own token, the row is
 * removed and the line dropped; the script is removed with its last line. Fresh creates (`PUT`)
 * write nothing: no one else can hold a row that did not exist.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- loaded where used, like http.ts. */
import type { RouterConnection } from "./types";
import { isRosError } from "./http";
import { registry } from "./registry";
import { deleteRow, listMenu, patchRow, putRow } from "./session";

export const LEDGER_MENU = "system/script";
export const LEDGER_NAME = "pulumi-adoptions";
const HEADER = "# Rows adopted by Pulumi resources (baremetal RouterOS provider). Do not edit.";
const LINE = /^# adopted (\S+) (\S+) by (\S+)$/;

export interface Claim {
  menu: string;
  item: string;
  owner: string;
}

/** A new owner token for a resource instance. */
export function newOwnerToken(): string {
  return (require("node:crypto") as typeof import("node:crypto")).randomUUID();
}

export function parseLedger(source: string): Claim[] {
  const claims: Claim[] = [];
  for (const line of source.split(/\r?\n/)) {
    const m = LINE.exec(line.trim());
    if (m) claims.push({ menu: m[1] ?? "", item: m[2] ?? "", owner: m[3] ?? "" });
  }
  return claims;
}

export function renderLedger(claims: Claim[]): string {
  return [HEADER, ...claims.map((c) => `# adopted ${c.menu} ${c.item} by ${c.owner}`)].join("\n");
}

async function readLedger(conn: RouterConnection, maxAgeMs?: number) {
  const rows = await listMenu(conn, LEDGER_MENU, maxAgeMs);
  const row = rows.find((r) => r["name"] === LEDGER_NAME);
  return { id: row?.[".id"], claims: parseLedger(row?.["source"] ?? "") };
}

/** Runs ledger changes for one router one after another (each is a read-modify-write). */
function queued<T>(conn: RouterConnection, change: () => Promise<T>): Promise<T> {
  const queues = registry().ledgerQueues;
  const key = conn.url.replace(/\/+$/, "");
  const run = (queues.get(key) ?? Promise.resolve()).then(change, change);
  queues.set(
    key,
    run.catch(() => undefined),
  );
  return run;
}

/**
 * Forgets every cached read of the ledger menu: the same router may be cached under another URL
 * (an IP and a hostname during a URL change), and a delete must see the claim just written.
 */
function forgetCachedLedgers(): void {
  const lists = registry().lists;
  for (const key of [...lists.keys()]) if (key.endsWith(`|${LEDGER_MENU}`)) lists.delete(key);
}

async function writeLedger(conn: RouterConnection, id: string | undefined, claims: Claim[]) {
  try {
    await writeLedgerRow(conn, id, claims);
  } finally {
    forgetCachedLedgers();
  }
}

async function writeLedgerRow(conn: RouterConnection, id: string | undefined, claims: Claim[]) {
  if (id !== undefined && claims.length === 0) {
    await deleteRow(conn, LEDGER_MENU, id);
    return;
  }
  if (id !== undefined) {
    await patchRow(conn, LEDGER_MENU, id, { source: renderLedger(claims) });
    return;
  }
  if (claims.length === 0) return;
  try {
    await putRow(conn, LEDGER_MENU, {
      name: LEDGER_NAME,
      source: renderLedger(claims),
      // It never runs; the least policy keeps it from asking for rights the user may lack.
      policy: "read",
      comment: "managed by Pulumi: rows adopted by resources",
    });
  } catch (e) {
    // The create may have been applied before the connection dropped: write over it.
    if (!isRosError(e) || !(e.ambiguous || e.status === 400)) throw e;
    const again = await readLedger(conn, 0);
    if (again.id === undefined) throw e;
    await patchRow(conn, LEDGER_MENU, again.id, { source: renderLedger(claims) });
  }
}

/** Records that `owner` holds `menu`/`item` from now on (replacing any earlier holder). */
export function recordAdoption(
  conn: RouterConnection,
  menu: string,
  item: string,
  owner: string,
): Promise<void> {
  return queued(conn, async () => {
    const ledger = await readLedger(conn, 0);
    const held = ledger.claims.find((c) => c.menu === menu && c.item === item);
    if (held?.owner === owner) return;
    const claims = ledger.claims.filter((c) => c !== held);
    claims.push({ menu, item, owner });
    await writeLedger(conn, ledger.id, claims);
  });
}

/**
 * Whether the row `menu`/`item` is held by a resource other than `owner`: then it must not be
 * removed or reset. `owner` is undefined for state written before owner tokens existed.
 */
export async function heldByAnother(
  conn: RouterConnection,
  menu: string,
  item: string,
  owner: string | undefined,
): Promise<boolean> {
  const { claims } = await readLedger(conn);
  const held = claims.find((c) => c.menu === menu && c.item === item);
  return held !== undefined && held.owner !== owner;
}

/** Drops `owner`'s claim on `menu`/`item` after its row was removed or handed back. */
export function releaseClaim(
  conn: RouterConnection,
  menu: string,
  item: string,
  owner: string | undefined,
): Promise<void> {
  return queued(conn, async () => {
    const ledger = await readLedger(conn);
    const claims = ledger.claims.filter(
      (c) => !(c.menu === menu && c.item === item && c.owner === owner),
    );
    if (claims.length !== ledger.claims.length) await writeLedger(conn, ledger.id, claims);
  });
}

/** Logged when a delete leaves a row to the resource that adopted it. */
export function leftToReplacement(menu: string, item: string): void {
  console.warn(
    `RouterOS ${menu} ${item}: not removed, another resource adopted it (its replacement)`,
  );
}
