/**
 * Harbor-wide settings, one object each: the garbage-collection schedule and the system CVE
 * allowlist. They always exist in Harbor, so `create` adopts them and `delete` puts back Harbor's
 * defaults (no GC schedule, an empty allowlist).
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { HarborProvider, type InputChecker } from "./base";
import { harborRequest, isStatus } from "./http";
import type { ConnectedInputs, HarborConnection } from "./types";
import { UNKNOWN, cronProblem, hasUnknown, normalizeCron } from "./values";

export interface GcScheduleInputs extends ConnectedInputs {
  /** 6-field cron with seconds, or `none` for no scheduled GC. */
  schedule: string;
  deleteUntagged: boolean;
  /** Parallel GC workers (1-5). */
  workers: number;
}
export type GcScheduleOutputs = GcScheduleInputs;

interface HarborSchedule {
  schedule?: { type?: string; cron?: string } | null;
  parameters?: { delete_untagged?: unknown; workers?: unknown } | null;
}

const GC_PATH = "/system/gc/schedule";
const GC_ID = "gc-schedule";

function gcBody(inputs: GcScheduleInputs) {
  if (inputs.schedule === "none") return { schedule: { type: "None" } };
  return {
    schedule: { type: "Custom", cron: inputs.schedule },
    parameters: { delete_untagged: inputs.deleteUntagged, workers: inputs.workers },
  };
}

function hasGcSchedule(live: HarborSchedule): boolean {
  const type = live.schedule?.type ?? "None";
  return type !== "None" && type !== "";
}

async function readGc(conn: HarborConnection): Promise<HarborSchedule> {
  const reply = await harborRequest(conn, "GET", GC_PATH, {
    idempotent: true,
    what: "GC schedule",
  });
  return (reply.data as HarborSchedule | undefined) ?? {};
}

async function writeGc(conn: HarborConnection, inputs: GcScheduleInputs): Promise<void> {
  const live = await readGc(conn);
  const body = gcBody(inputs);
  if (!hasGcSchedule(live)) {
    if (inputs.schedule === "none") return;
    try {
      await harborRequest(conn, "POST", GC_PATH, { body, idempotent: false, what: "GC schedule" });
      return;
    } catch (e) {
      // Created meanwhile (or by the POST whose reply was lost): update it instead.
      if (!isStatus(e, 409) && !(e instanceof Error && "ambiguous" in e && e.ambiguous)) throw e;
    }
  }
  await harborRequest(conn, "PUT", GC_PATH, { body, idempotent: true, what: "GC schedule" });
}

export class GcScheduleProvider extends HarborProvider<GcScheduleInputs, GcScheduleOutputs> {
  protected checkInputs(c: InputChecker): void {
    c.string("schedule");
    const s = c.bag["schedule"];
    if (typeof s === "string" && s !== "none" && s !== UNKNOWN) {
      const problem = cronProblem(s);
      if (problem) c.fail("schedule", `must be "none" or ${problem.replace(/^must be /, "")}`);
      else c.bag["schedule"] = normalizeCron(s);
    }
    c.bool("deleteUntagged", true);
    c.int("workers", { default: 1, min: 1, max: 5 });
  }

  protected desired(g: GcScheduleInputs): Record<string, unknown> {
    // Without a schedule the job parameters mean nothing.
    if (g.schedule === "none") return { schedule: "none" };
    return { schedule: g.schedule, deleteUntagged: g.deleteUntagged, workers: g.workers };
  }

  async create(inputs: GcScheduleInputs): Promise<dynamic.CreateResult<GcScheduleOutputs>> {
    await writeGc(inputs.connection, inputs);
    return { id: GC_ID, outs: { ...inputs } };
  }

  async read(
    id: string,
    props?: GcScheduleOutputs,
  ): Promise<dynamic.ReadResult<GcScheduleOutputs>> {
    if (!props) throw new Error("Harbor resources cannot be imported; declare them to adopt");
    const live = await readGc(props.connection);
    const scheduled = hasGcSchedule(live);
    const workers = Number(live.parameters?.workers ?? props.workers);
    const inputs: GcScheduleInputs = {
      connection: props.connection,
      schedule: scheduled ? normalizeCron(live.schedule?.cron ?? "") : "none",
      deleteUntagged: scheduled ? live.parameters?.delete_untagged === true : props.deleteUntagged,
      workers: scheduled && Number.isInteger(workers) ? workers : props.workers,
    };
    return { id, props: inputs, inputs };
  }

  async update(
    _id: string,
    _olds: GcScheduleOutputs,
    news: GcScheduleInputs,
  ): Promise<dynamic.UpdateResult<GcScheduleOutputs>> {
    await writeGc(news.connection, news);
    return { outs: { ...news } };
  }

  async delete(_id: string, props: GcScheduleOutputs): Promise<void> {
    await writeGc(props.connection, { ...props, schedule: "none" });
  }
}

export interface CveAllowlistInputs extends ConnectedInputs {
  /** CVE ids (`CVE-2024-1234`), kept sorted and upper-case. */
  items: string[];
  /** Unix seconds after which the allowlist no longer applies; absent: never expires. */
  expiresAt?: number;
}
export type CveAllowlistOutputs = CveAllowlistInputs;

interface HarborAllowlist {
  items?: { cve_id: string }[] | null;
  expires_at?: number | null;
}

const ALLOWLIST_PATH = "/system/CVEAllowlist";
export const CVE_ID = /^CVE-\d{4}-\d{4,}$/;

export function normalizeCves(items: string[]): string[] {
  return [...new Set(items.map((i) => i.trim().toUpperCase()))].sort();
}

async function putAllowlist(conn: HarborConnection, items: string[], expiresAt?: number) {
  await harborRequest(conn, "PUT", ALLOWLIST_PATH, {
    body: { items: items.map((cve_id) => ({ cve_id })), expires_at: expiresAt ?? null },
    idempotent: true,
    what: "system CVE allowlist",
  });
}

export class CveAllowlistProvider extends HarborProvider<CveAllowlistInputs, CveAllowlistOutputs> {
  protected checkInputs(c: InputChecker): void {
    const items = c.bag["items"] ?? [];
    if (!hasUnknown(items)) {
      if (!Array.isArray(items) || !items.every((i) => typeof i === "string")) {
        c.fail("items", "must be a list of CVE ids");
      } else {
        const normalized = normalizeCves(items);
        const bad = normalized.filter((i) => !CVE_ID.test(i));
        if (bad.length > 0) c.fail("items", `not CVE ids: ${bad.join(", ")}`);
        else c.bag["items"] = normalized;
      }
    }
    if (c.bag["expiresAt"] === null) delete c.bag["expiresAt"];
    if (c.bag["expiresAt"] !== undefined) c.int("expiresAt", { min: 1 });
  }

  protected desired(a: CveAllowlistInputs): Record<string, unknown> {
    return { items: a.items, expiresAt: a.expiresAt };
  }

  async create(inputs: CveAllowlistInputs): Promise<dynamic.CreateResult<CveAllowlistOutputs>> {
    await putAllowlist(inputs.connection, inputs.items, inputs.expiresAt);
    return { id: "system-cve-allowlist", outs: { ...inputs } };
  }

  async read(
    id: string,
    props?: CveAllowlistOutputs,
  ): Promise<dynamic.ReadResult<CveAllowlistOutputs>> {
    if (!props) throw new Error("Harbor resources cannot be imported; declare them to adopt");
    const reply = await harborRequest(props.connection, "GET", ALLOWLIST_PATH, {
      idempotent: true,
      what: "system CVE allowlist",
    });
    const live = (reply.data as HarborAllowlist | undefined) ?? {};
    const inputs: CveAllowlistInputs = {
      connection: props.connection,
      items: normalizeCves((live.items ?? []).map((i) => i.cve_id)),
      ...(live.expires_at ? { expiresAt: live.expires_at } : {}),
    };
    return { id, props: inputs, inputs };
  }

  async update(
    _id: string,
    _olds: CveAllowlistOutputs,
    news: CveAllowlistInputs,
  ): Promise<dynamic.UpdateResult<CveAllowlistOutputs>> {
    await putAllowlist(news.connection, news.items, news.expiresAt);
    return { outs: { ...news } };
  }

  async delete(_id: string, props: CveAllowlistOutputs): Promise<void> {
    await putAllowlist(props.connection, []);
  }
}
