/**
 * The reconfiguration planner: from the live member list to the declared one in steps a server
 * accepts. Pure; the provider applies the first step, waits for it to commit on a majority,
 * reads the configuration again and asks for the next one (so it also copes with a configuration
 * that changed between two steps).
 *
 * MongoDB's rules (safe reconfiguration, 4.4+): one reconfiguration may add or remove at most one
 * voting member (a votes 0 → 1 change counts as adding one); priority, hidden and tag changes of
 * members whose vote does not change are free; every intermediate configuration must itself be
 * valid (at most 7 voters, hidden or non-voting members at priority 0, someone electable).
 *
 * Order of the steps:
 *   1. everything that does not change the voter set and cannot leave the set without a primary:
 *      remove non-voting members, add new members that will not vote, apply setting changes that
 *      keep an electable member electable;
 *   2. voter changes, one per step: additions first while fewer than 7 members vote (so the set
 *      never has fewer voters than it needs), removals after; the primary is removed last;
 *   3. the remaining setting changes (an electable member made unelectable).
 */
import { MAX_VOTERS, configMembers, memberFromDoc, memberId, sameMember } from "./members";
import type { Doc, Member } from "./types";

export interface Step {
  /** The complete `members` array of the next configuration. */
  members: Doc[];
  /** What the step does, for progress and error messages, e.g. `add voting member a:27017`. */
  description: string;
  /** Changes the voter set (at most one member). */
  changesVoters: boolean;
}

const key = (host: string) => host.toLowerCase();
const isHost = (host: string, other: string | undefined) =>
  other !== undefined && key(host) === key(other);
const isVoter = (m: Member) => m.votes === 1;
const isElectable = (m: Member) => m.votes === 1 && m.priority > 0 && !m.hidden;

/** Member `_id`s for the declared hosts: live ones kept, remembered ones reused, new ones fresh. */
export function assignIds(
  liveConfig: Doc,
  declared: Member[],
  remembered: Record<string, number>,
): Record<string, number> {
  const live = configMembers(liveConfig);
  const ids: Record<string, number> = {};
  const taken = new Set(live.map(memberId));
  const liveIdOf = new Map(live.map((d) => [key(String(d["host"])), memberId(d)]));
  let next = Math.max(-1, ...live.map(memberId), ...Object.values(remembered)) + 1;
  for (const m of declared) {
    const liveId = liveIdOf.get(key(m.host));
    const old = remembered[m.host];
    if (liveId !== undefined) {
      ids[m.host] = liveId;
    } else if (old !== undefined && !taken.has(old)) {
      ids[m.host] = old;
      taken.add(old);
    } else {
      while (taken.has(next)) next++;
      ids[m.host] = next;
      taken.add(next);
    }
  }
  return ids;
}

/** A live member document with the declared settings, keeping fields the program does not manage. */
function withSettings(doc: Doc, m: Member): Doc {
  return {
    ...doc,
    host: m.host,
    priority: m.priority,
    votes: m.votes,
    hidden: m.hidden,
    tags: m.tags,
  };
}

function describe(verb: string, m: Member): string {
  const kind = m.hidden ? "hidden " : "";
  const vote = isVoter(m) ? "voting" : "non-voting";
  return `${verb} ${kind}${vote} member ${m.host} (priority ${m.priority})`;
}

/**
 * The next configuration on the way from `liveConfig` to `declared`, or undefined when the live
 * members already match. `primary` (host) is removed or demoted only when nothing else is left.
 */
export function nextStep(
  liveConfig: Doc,
  declared: Member[],
  ids: Record<string, number>,
  primary?: string,
): Step | undefined {
  const liveDocs = configMembers(liveConfig);
  const wanted = new Map(declared.map((m) => [key(m.host), m]));
  const liveOf = new Map(liveDocs.map((d) => [key(String(d["host"])), d]));

  // 1. Changes that leave the voter set alone and keep every electable member electable.
  const notes: string[] = [];
  const safe: Doc[] = [];
  for (const doc of liveDocs) {
    const now = memberFromDoc(doc);
    const target = wanted.get(key(now.host));
    if (target === undefined) {
      if (isVoter(now)) safe.push(doc);
      else notes.push(`remove non-voting member ${now.host}`);
    } else if (isVoter(now) !== isVoter(target) || sameMember(now, target)) {
      safe.push(doc);
    } else if (isElectable(now) && !isElectable(target)) {
      safe.push(doc); // deferred to the last step
    } else {
      safe.push(withSettings(doc, target));
      notes.push(`set ${target.host} to priority ${target.priority}, hidden ${target.hidden}`);
    }
  }
  for (const m of declared) {
    if (!liveOf.has(key(m.host)) && !isVoter(m)) {
      safe.push(withSettings({ _id: ids[m.host] }, m));
      notes.push(describe("add", m));
    }
  }
  if (notes.length > 0)
    return { members: safe, description: notes.join("; "), changesVoters: false };

  // 2. One voter change.
  const live = liveDocs.map(memberFromDoc);
  const voters = live.filter(isVoter).length;
  const additions = declared.filter((m) => {
    const now = liveOf.get(key(m.host));
    return isVoter(m) && (now === undefined || !isVoter(memberFromDoc(now)));
  });
  const removals = live
    .filter((m) => {
      const target = wanted.get(key(m.host));
      return isVoter(m) && (target === undefined || !isVoter(target));
    })
    .sort((a, b) => Number(isHost(a.host, primary)) - Number(isHost(b.host, primary)));
  const [add] = additions;
  const [remove] = removals;
  if (add !== undefined && (voters < MAX_VOTERS || remove === undefined)) {
    const now = liveOf.get(key(add.host));
    const members =
      now === undefined
        ? [...liveDocs, withSettings({ _id: ids[add.host] }, add)]
        : liveDocs.map((d) => (d === now ? withSettings(d, add) : d));
    const verb = now === undefined ? "add" : "promote to";
    return { members, description: describe(verb, add), changesVoters: true };
  }
  if (remove !== undefined) {
    const target = wanted.get(key(remove.host));
    const members =
      target === undefined
        ? liveDocs.filter((d) => key(String(d["host"])) !== key(remove.host))
        : liveDocs.map((d) =>
            key(String(d["host"])) === key(remove.host) ? withSettings(d, target) : d,
          );
    const description =
      target === undefined ? `remove voting member ${remove.host}` : describe("demote to", target);
    return { members, description, changesVoters: true };
  }

  // 3. What is left: electable members made unelectable; the primary alone and last, so that
  // stepping it down never hands the primary to a member this same step would demote.
  const pending = liveDocs.filter((d) => {
    const now = memberFromDoc(d);
    const target = wanted.get(key(now.host));
    return target !== undefined && !sameMember(now, target);
  });
  const others = pending.filter((d) => !isHost(String(d["host"]), primary));
  const changing = new Set(others.length > 0 ? others : pending);
  const last: string[] = [];
  const members = liveDocs.map((d) => {
    const target = wanted.get(key(String(d["host"])));
    if (target === undefined || !changing.has(d)) return d;
    last.push(`set ${target.host} to priority ${target.priority}, hidden ${target.hidden}`);
    return withSettings(d, target);
  });
  return last.length > 0
    ? { members, description: last.join("; "), changesVoters: false }
    : undefined;
}

/** Whether `members` removes `host` or leaves it unable to stay primary. */
export function demotes(members: Doc[], host: string): boolean {
  const doc = members.find((d) => key(String(d["host"])) === key(host));
  return doc === undefined || !isElectable(memberFromDoc(doc));
}
