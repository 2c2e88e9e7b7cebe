/**
 * Per-process state of the Harbor providers: credentials from `configure`, keep-alive agents and
 * a request counter.
 *
 * It hangs off `globalThis` under a registered symbol instead of living on a provider object, so
 * nothing here is captured when Pulumi serializes a provider (credentials must never end up in
 * `__provider`), and every Harbor provider in the dynamic-provider process shares it.
 */
import type { HarborCredentials } from "./types";

export interface HarborRegistry {
  credentials?: HarborCredentials;
  /** `http.Agent` / `https.Agent` per URL and TLS settings. */
  agents: Map<string, unknown>;
  /** HTTP requests sent by this process (including retries), for reports. */
  requestsSent: number;
}

export function harborRegistry(): HarborRegistry {
  const holder = globalThis as unknown as Record<symbol, HarborRegistry | undefined>;
  const key = Symbol.for("baremetal.harbor.registry");
  let found = holder[key];
  if (!found) {
    found = { agents: new Map(), requestsSent: 0 };
    holder[key] = found;
  }
  return found;
}

/** Number from the environment, for operational tuning without touching program inputs. */
export function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  const n = raw === undefined || raw === "" ? Number.NaN : Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}
