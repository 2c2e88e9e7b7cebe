/**
 * Per-process state of the RouterOS providers: credentials from `configure`, keep-alive agents,
 * per-router request gates and the coalesced list reads.
 *
 * It hangs off `globalThis` under a registered symbol instead of living on the provider object,
 * so nothing here is ever captured when Pulumi serializes a provider (credentials must not end up
 * in `__provider`), and all providers in the dynamic-provider process share one cache and one
 * gate per router.
 */
import type { RosRecord, RouterCredentials } from "./types";

export interface ListEntry {
  /** When the read was started (ms since epoch). */
  at: number;
  promise: Promise<RosRecord[]>;
  /** Set once the read resolved; writes made through this process are applied to it in place. */
  rows?: RosRecord[];
  /** Writes made while the read was in flight, replayed on its rows (each op is idempotent). */
  pending: ((rows: RosRecord[]) => void)[];
}

export interface Gate {
  active: number;
  waiting: (() => void)[];
}

export interface Registry {
  credentials?: RouterCredentials;
  lists: Map<string, ListEntry>;
  gates: Map<string, Gate>;
  /** `http.Agent` / `https.Agent` per router URL and TLS settings. */
  agents: Map<string, unknown>;
  /** HTTP requests sent by this process (including retries), for reports and benchmarks. */
  requestsSent: number;
  /** Tail of the queue of ownership-ledger changes per router URL (ownership.ts). */
  ledgerQueues: Map<string, Promise<unknown>>;
}

export function registry(): Registry {
  const holder = globalThis as unknown as Record<symbol, Registry | undefined>;
  const key = Symbol.for("baremetal.routeros.registry");
  let found = holder[key];
  if (!found) {
    found = {
      lists: new Map(),
      gates: new Map(),
      agents: new Map(),
      requestsSent: 0,
      ledgerQueues: new Map(),
    };
    holder[key] = found;
  }
  return found;
}

/** Forgets cached list reads, e.g. after something changed the router behind this process's back. */
export function clearReadCache(): void {
  registry().lists.clear();
}

/** Number from the environment, for operational tuning without touching program inputs. */
export function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  const n = raw === undefined || raw === "" ? Number.NaN : Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}
