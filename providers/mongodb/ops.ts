/**
 * Replica-set operations over a command runner: find the primary, read the configuration, wait
 * for a configuration to commit on a majority, initiate, and reconcile one safe step at a time.
 * Every error names the replica set, the member and the step it was taken in.
 */
import { configMembers, memberFromDoc, memberId } from "./members";
import { assignIds, demotes, nextStep } from "./plan";
import type { ConnectionSettings, Doc, Member, MongoCommandRunner } from "./types";

export interface OpsContext {
  runner: MongoCommandRunner;
  /** Replica set name (`replication.replSetName`). */
  name: string;
  connection: ConnectionSettings;
}

export const CODES = {
  MaxTimeMSExpired: 50,
  NotYetInitialized: 94,
  AlreadyInitialized: 23,
  UserNotFound: 11,
} as const;

export function errorCode(e: unknown): number | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "number" ? code : undefined;
}

export function isUnreachable(e: unknown): boolean {
  return errorCode(e) === undefined;
}

/** `NotYetInitialized (94): no replset config has been received` or the bare message. */
export function explain(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const code = errorCode(e);
  if (code === undefined) return message;
  const codeName = (e as { codeName?: unknown }).codeName;
  return `${typeof codeName === "string" ? codeName : "error"} (${code}): ${message}`;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const stepTimeout = (c: ConnectionSettings) => c.stepTimeoutMs ?? 120_000;
const pollInterval = (c: ConnectionSettings) => c.pollIntervalMs ?? 1_000;

export function unionHosts(...lists: string[][]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const h of lists.flat()) {
    if (!seen.has(h.toLowerCase())) {
      seen.add(h.toLowerCase());
      out.push(h);
    }
  }
  return out;
}

export interface Probe {
  host: string;
  hello?: Doc;
  error?: unknown;
}

/** `hello` on every host at once; `hello` needs no authentication. */
export async function probe(ctx: OpsContext, hosts: string[]): Promise<Probe[]> {
  return Promise.all(
    hosts.map(async (host): Promise<Probe> => {
      try {
        return { host, hello: await ctx.runner.runAdmin(host, { hello: 1 }) };
      } catch (error) {
        return { host, error };
      }
    }),
  );
}

function probeSummary(probes: Probe[]): string {
  return probes
    .map((p) => {
      if (p.error !== undefined) {
        return `${p.host}: ${isUnreachable(p.error) ? "unreachable" : "error"} (${explain(p.error)})`;
      }
      const h = p.hello ?? {};
      if (h["setName"] === undefined) return `${p.host}: not initiated`;
      if (h["isWritablePrimary"] === true) return `${p.host}: PRIMARY of ${String(h["setName"])}`;
      return `${p.host}: ${h["secondary"] === true ? "SECONDARY" : "not primary"} of ${String(h["setName"])}`;
    })
    .join("; ");
}

/** The member that is writable primary of this set, waiting (up to the step timeout) for one. */
export async function findPrimary(
  ctx: OpsContext,
  hosts: string[],
  during: string,
): Promise<string> {
  const deadline = Date.now() + stepTimeout(ctx.connection);
  let candidates = hosts;
  for (;;) {
    const probes = await probe(ctx, candidates);
    const primary = probes.find(
      (p) => p.hello?.["isWritablePrimary"] === true && p.hello["setName"] === ctx.name,
    );
    if (primary !== undefined) return primary.host;
    // Members know the whole set (`hosts`, `passives`) even when they are not primary.
    const known = probes.flatMap((p) =>
      p.hello?.["setName"] === ctx.name
        ? [...asStrings(p.hello["hosts"]), ...asStrings(p.hello["passives"])]
        : [],
    );
    candidates = unionHosts(candidates, known);
    if (Date.now() >= deadline) {
      throw new Error(
        `replica set ${ctx.name}: no primary ${during} after ${stepTimeout(ctx.connection)} ms; ` +
          probeSummary(probes),
      );
    }
    await sleep(pollInterval(ctx.connection));
  }
}

function asStrings(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : [];
}

/** Runs one command on `host`, turning a failure into an error that names member and step. */
export async function runStep(
  ctx: OpsContext,
  host: string,
  command: Doc,
  during: string,
): Promise<Doc> {
  try {
    return await ctx.runner.runAdmin(host, command);
  } catch (e) {
    const what = Object.keys(command)[0] ?? "command";
    const where = isUnreachable(e) ? `member ${host} is unreachable` : `member ${host} refused it`;
    const err = new Error(
      `replica set ${ctx.name}: ${what} ${during} failed: ${where}: ${explain(e)}`,
      { cause: e },
    );
    (err as Error & { code?: number }).code = errorCode(e);
    throw err;
  }
}

export interface LiveConfig {
  config: Doc;
  committed: boolean;
}

export async function getConfig(
  ctx: OpsContext,
  host: string,
  during: string,
): Promise<LiveConfig> {
  const reply = await runStep(ctx, host, { replSetGetConfig: 1, commitmentStatus: true }, during);
  return { config: (reply["config"] ?? {}) as Doc, committed: reply["commitmentStatus"] === true };
}

export function version(config: Doc): number {
  return Number(config["version"] ?? 0);
}

/**
 * Waits until the primary reports configuration `wanted` (or newer) as committed on a majority;
 * on timeout names the members that have not installed it (from `replSetGetStatus`).
 */
export async function waitCommitted(
  ctx: OpsContext,
  primary: string,
  wanted: number,
  during: string,
): Promise<Doc> {
  const deadline = Date.now() + stepTimeout(ctx.connection);
  for (;;) {
    const { config, committed } = await getConfig(ctx, primary, during);
    if (committed && version(config) >= wanted) return config;
    if (Date.now() >= deadline) {
      throw new Error(
        `replica set ${ctx.name}: configuration version ${wanted} ${during} is not committed on a ` +
          `majority of voting members after ${stepTimeout(ctx.connection)} ms` +
          (await laggards(ctx, primary, wanted)),
      );
    }
    await sleep(pollInterval(ctx.connection));
  }
}

async function laggards(ctx: OpsContext, primary: string, wanted: number): Promise<string> {
  try {
    const status = await ctx.runner.runAdmin(primary, { replSetGetStatus: 1 });
    const members = Array.isArray(status["members"]) ? (status["members"] as Doc[]) : [];
    const behind = members
      .filter((m) => Number(m["configVersion"] ?? -1) < wanted || m["health"] === 0)
      .map((m) => {
        const state = String(m["stateStr"] ?? "unknown");
        const health = m["health"] === 0 ? "unreachable" : state;
        return `${String(m["name"])} (${health}, configVersion ${String(m["configVersion"] ?? "none")})`;
      });
    return behind.length > 0 ? `; members without it: ${behind.join(", ")}` : "";
  } catch (e) {
    return `; replSetGetStatus on ${primary} failed too: ${explain(e)}`;
  }
}

/** Result of reconciling: the committed configuration and the member ids it uses. */
export interface Reconciled {
  config: Doc;
  memberIds: Record<string, number>;
  steps: string[];
}

/**
 * Brings the live set to `declared`, one safe step at a time (plan.ts): each step is sent to the
 * primary with `version + 1` and waited for until committed on a majority before the next.
 */
export async function reconcile(
  ctx: OpsContext,
  declared: Member[],
  seeds: string[],
  remembered: Record<string, number>,
  stepDownPrimary: boolean,
): Promise<Reconciled> {
  let hosts = unionHosts(
    declared.map((m) => m.host),
    seeds,
  );
  const steps: string[] = [];
  // Bounded: each step moves one member closer; stepdowns are bounded by the member count.
  for (let round = 0; round < 4 * (declared.length + 10); round++) {
    const n = steps.length + 1;
    const before = `before step ${n}`;
    const primary = await findPrimary(ctx, hosts, before);
    let live = await getConfig(ctx, primary, before);
    hosts = unionHosts(
      hosts,
      configMembers(live.config).map((d) => String(d["host"])),
    );
    if (!live.committed) {
      // Someone else's reconfiguration is still in flight: let it commit first.
      live = {
        config: await waitCommitted(ctx, primary, version(live.config), before),
        committed: true,
      };
    }
    const memberIds = assignIds(live.config, declared, remembered);
    const step = nextStep(live.config, declared, memberIds, primary);
    if (step === undefined) return { config: live.config, memberIds, steps };
    const during = `in step ${n} (${step.description})`;
    if (demotes(step.members, primary)) {
      if (!stepDownPrimary) {
        throw new Error(
          `replica set ${ctx.name}: refusing step ${n} (${step.description}): it would remove or ` +
            `demote the current primary ${primary}. Step the primary down first ` +
            `(rs.stepDown() on ${primary}) or set stepDownPrimary: true`,
        );
      }
      await stepDown(ctx, primary, during);
      continue;
    }
    const next: Doc = { ...live.config, version: version(live.config) + 1, members: step.members };
    delete next["term"]; // set by the primary; ignored if sent
    try {
      await runStep(
        ctx,
        primary,
        { replSetReconfig: next, maxTimeMS: stepTimeout(ctx.connection) },
        during,
      );
    } catch (e) {
      // The primary installed the configuration but a majority has not confirmed it in time:
      // the wait below reports who is missing.
      if (errorCode(e) !== CODES.MaxTimeMSExpired) throw e;
    }
    await waitCommitted(ctx, primary, version(next), during);
    steps.push(step.description);
  }
  throw new Error(
    `replica set ${ctx.name}: reconfiguration did not converge; steps taken: ${steps.join("; ")}`,
  );
}

/**
 * `replSetStepDown` on the primary. The server closes connections when it steps down, so a
 * network error on the calling connection is the expected outcome, not a failure.
 */
async function stepDown(ctx: OpsContext, primary: string, during: string): Promise<void> {
  try {
    await ctx.runner.runAdmin(primary, { replSetStepDown: 60, secondaryCatchUpPeriodSecs: 15 });
  } catch (e) {
    if (!isUnreachable(e)) {
      throw new Error(
        `replica set ${ctx.name}: replSetStepDown on the primary ${primary} ${during} failed: ${explain(e)}`,
        { cause: e },
      );
    }
  }
}

/**
 * `replSetInitiate` with every declared member, sent to the first member that can become
 * primary. Every member must answer (the server checks them all before accepting).
 */
export async function initiate(
  ctx: OpsContext,
  declared: Member[],
  probes: Probe[],
): Promise<void> {
  const down = probes.filter((p) => p.error !== undefined && isUnreachable(p.error));
  if (down.length > 0) {
    throw new Error(
      `replica set ${ctx.name}: cannot initiate: ${down.map((p) => `member ${p.host} is unreachable (${explain(p.error)})`).join("; ")}`,
    );
  }
  const target = declared.find((m) => m.votes === 1 && m.priority > 0 && !m.hidden) ?? declared[0];
  if (target === undefined) throw new Error(`replica set ${ctx.name}: no members to initiate`);
  const config = {
    _id: ctx.name,
    members: declared.map((m, i) => ({
      _id: i,
      host: m.host,
      priority: m.priority,
      votes: m.votes,
      hidden: m.hidden,
      tags: m.tags,
    })),
  };
  try {
    await runStep(ctx, target.host, { replSetInitiate: config }, "in step 0 (initiate)");
  } catch (e) {
    // Someone initiated it between our probe and now: adopt it like any live set.
    if (errorCode(e) !== CODES.AlreadyInitialized) throw e;
  }
}

/** Live members and ids of a configuration document. */
export function membersOf(config: Doc): { members: Member[]; memberIds: Record<string, number> } {
  const docs = configMembers(config);
  return {
    members: docs.map(memberFromDoc),
    memberIds: Object.fromEntries(docs.map((d) => [String(d["host"]), memberId(d)])),
  };
}

/** `settings.replicaSetId` as hex (an ObjectId from the driver, a string from the fake). */
export function replicaSetIdOf(config: Doc): string {
  const id = (config["settings"] as Doc | undefined)?.["replicaSetId"];
  if (id === undefined || id === null) return "";
  const hex = (id as { toHexString?: () => string }).toHexString;
  return typeof hex === "function" ? hex.call(id) : String(id);
}
