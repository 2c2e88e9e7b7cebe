/**
 * Pure member rules: defaults, validation (the rules a server enforces, checked offline so a bad
 * program fails in `check`, before any reconfiguration), and conversion from a live replica-set
 * configuration document.
 */
import type { Doc, Member, MemberSpec } from "./types";

/** `pulumi.runtime.unknownValue`, inlined so that no SDK module is captured. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export const MAX_MEMBERS = 50;
export const MAX_VOTERS = 7;

export interface Failure {
  property: string;
  reason: string;
}

export function isUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(isUnknown);
  if (value !== null && typeof value === "object") return Object.values(value).some(isUnknown);
  return false;
}

/** Fills in the defaults a server would apply, plus priority 0 where the rules demand it. */
export function normalizeMember(spec: MemberSpec): Member {
  const votes = spec.votes ?? 1;
  const hidden = spec.hidden ?? false;
  const priority = spec.priority ?? (hidden || votes === 0 ? 0 : 1);
  return { host: spec.host, priority, votes, hidden, tags: { ...(spec.tags ?? {}) } };
}

const HOST_PORT = /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?:\d{1,5}$/;

/** `name:port` with a DNS name or IPv4 address and a port in 1..65535. */
export function isHostPort(host: unknown): host is string {
  if (typeof host !== "string" || !HOST_PORT.test(host)) return false;
  const port = Number(host.slice(host.lastIndexOf(":") + 1));
  return port >= 1 && port <= 65_535;
}

/** Every rule one member breaks, with the key path of the offending value. */
function memberFailures(m: Member, at: string): Failure[] {
  const out: Failure[] = [];
  if (!isHostPort(m.host)) {
    out.push({
      property: `${at}.host`,
      reason: `must be "name:port", got ${JSON.stringify(m.host)}`,
    });
  }
  if (typeof m.priority !== "number" || !(m.priority >= 0 && m.priority <= 1000)) {
    out.push({ property: `${at}.priority`, reason: "must be a number in 0..1000" });
  }
  if (m.votes !== 0 && m.votes !== 1) {
    out.push({ property: `${at}.votes`, reason: "must be 0 or 1" });
  }
  if (m.hidden && m.priority !== 0) {
    out.push({
      property: `${at}.priority`,
      reason: `hidden member ${m.host} must have priority 0`,
    });
  }
  if (m.votes === 0 && m.priority !== 0) {
    out.push({
      property: `${at}.priority`,
      reason: `non-voting member ${m.host} must have priority 0`,
    });
  }
  for (const [k, v] of Object.entries(m.tags)) {
    if (typeof v !== "string") {
      out.push({ property: `${at}.tags.${k}`, reason: "tag values must be strings" });
    }
  }
  return out;
}

/** The rules of a whole configuration: limits, unique hosts, someone able to become primary. */
export function membersFailures(members: Member[], property = "members"): Failure[] {
  const out: Failure[] = [];
  if (members.length === 0) {
    return [{ property, reason: "a replica set needs at least one member" }];
  }
  if (members.length > MAX_MEMBERS) {
    out.push({ property, reason: `at most ${MAX_MEMBERS} members, got ${members.length}` });
  }
  const seen = new Set<string>();
  members.forEach((m, i) => {
    out.push(...memberFailures(m, `${property}[${i}]`));
    const key = String(m.host).toLowerCase();
    if (seen.has(key)) {
      out.push({ property: `${property}[${i}].host`, reason: `${m.host} is listed twice` });
    }
    seen.add(key);
  });
  const voters = members.filter((m) => m.votes === 1).length;
  if (voters > MAX_VOTERS) {
    out.push({ property, reason: `at most ${MAX_VOTERS} voting members, got ${voters}` });
  }
  if (!members.some((m) => m.votes === 1 && m.priority > 0 && !m.hidden)) {
    out.push({
      property,
      reason: "at least one member must be able to become primary (votes 1, priority > 0)",
    });
  }
  return out;
}

function num(value: unknown, fallback: number): number {
  if (typeof value === "number") return value;
  // BSON Long / Int32 / Double from the driver.
  if (value !== null && typeof value === "object" && "valueOf" in value) {
    const n = Number((value as { valueOf(): unknown }).valueOf());
    if (Number.isFinite(n)) return n;
  }
  return fallback;
}

/** A member of a live configuration document in the provider's terms. */
export function memberFromDoc(doc: Doc): Member {
  const tags: Record<string, string> = {};
  const raw = doc["tags"];
  if (raw !== null && typeof raw === "object") {
    for (const [k, v] of Object.entries(raw as Doc)) tags[k] = String(v);
  }
  return {
    host: String(doc["host"]),
    priority: num(doc["priority"], 1),
    votes: num(doc["votes"], 1),
    hidden: doc["hidden"] === true,
    tags,
  };
}

export function memberId(doc: Doc): number {
  return num(doc["_id"], -1);
}

export function configMembers(config: Doc): Doc[] {
  const members = config["members"];
  return Array.isArray(members) ? (members as Doc[]) : [];
}

function sameTags(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k] === b[k]);
}

export function sameMember(a: Member, b: Member): boolean {
  return (
    a.host.toLowerCase() === b.host.toLowerCase() &&
    a.priority === b.priority &&
    a.votes === b.votes &&
    a.hidden === b.hidden &&
    sameTags(a.tags, b.tags)
  );
}

/** Same members with the same settings, in any order. */
export function sameMembers(a: Member[], b: Member[]): boolean {
  if (a.length !== b.length) return false;
  const byHost = new Map(b.map((m) => [m.host.toLowerCase(), m]));
  return a.every((m) => {
    const other = byHost.get(m.host.toLowerCase());
    return other !== undefined && sameMember(m, other);
  });
}

/**
 * Live members in the order the program declares them (members nobody declared last, in the
 * server's order), so that a refresh without drift reports exactly the declared list.
 */
export function orderLike(live: Member[], declared: Member[]): Member[] {
  const rank = new Map(declared.map((m, i) => [m.host.toLowerCase(), i]));
  const known = live.filter((m) => rank.has(m.host.toLowerCase()));
  known.sort(
    (a, b) => (rank.get(a.host.toLowerCase()) ?? 0) - (rank.get(b.host.toLowerCase()) ?? 0),
  );
  return [...known, ...live.filter((m) => !rank.has(m.host.toLowerCase()))];
}
