/**
 * The replica set's membership as the move changes it, and the ordered reconfigs that get from one
 * membership to the next. MongoDB accepts a reconfig that adds or removes at most one voting member
 * (a votes 0↔1 change counts), at most 7 voters, and priority 0 for hidden and non-voting members;
 * every step produced here obeys all three, so the replica-set provider can apply them in order.
 */

export interface ReplicaMember {
  /** `host:port`, the member's identity across reconfigs. */
  host: string;
  priority: number;
  votes: 0 | 1;
  hidden: boolean;
}

export const MAX_VOTING_MEMBERS = 7;

const byHost = (a: ReplicaMember, b: ReplicaMember) => a.host.localeCompare(b.host);

function sorted(members: readonly ReplicaMember[]): ReplicaMember[] {
  return members.map((m) => ({ ...m })).sort(byHost);
}

function votesOf(members: readonly ReplicaMember[], host: string): 0 | 1 {
  return members.find((m) => m.host === host)?.votes ?? 0;
}

/** How many members gain or lose a vote between two memberships (an absent member has none). */
export function votingChanges(
  before: readonly ReplicaMember[],
  after: readonly ReplicaMember[],
): number {
  const hosts = new Set([...before, ...after].map((m) => m.host));
  return [...hosts].filter((host) => votesOf(before, host) !== votesOf(after, host)).length;
}

/** What MongoDB would refuse in this membership, one message per problem. */
export function membershipProblems(members: readonly ReplicaMember[]): string[] {
  const problems: string[] = [];
  const voters = members.filter((m) => m.votes === 1).length;
  if (voters === 0) problems.push("no voting member");
  if (voters > MAX_VOTING_MEMBERS) problems.push(`${voters} voting members (at most 7)`);
  const seen = new Set<string>();
  for (const m of members) {
    if (seen.has(m.host)) problems.push(`${m.host} is listed twice`);
    seen.add(m.host);
    if ((m.hidden || m.votes === 0) && m.priority !== 0) {
      problems.push(`${m.host} is hidden or non-voting but has priority ${m.priority}`);
    }
  }
  return problems;
}

function equal(a: readonly ReplicaMember[], b: readonly ReplicaMember[]): boolean {
  return JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
}

function replace(members: ReplicaMember[], next: ReplicaMember): ReplicaMember[] {
  return sorted(members.map((m) => (m.host === next.host ? next : m)));
}

/**
 * The memberships to apply, in order, to go from `from` to `to` (empty when they are equal):
 * 1. members `to` adds join hidden, priority 0, non-voting (they sync without affecting quorum or
 *    serving reads);
 * 2. one vote at a time: promote a joining voter (with its final priority) while there is room
 *    under 7 voters, else demote a leaving voter to priority 0 / votes 0;
 * 3. the final membership: leaving members (all non-voting by now) are removed and the remaining
 *    attributes (hidden, priority) set — changes that involve no vote.
 */
export function memberSteps(
  from: readonly ReplicaMember[],
  to: readonly ReplicaMember[],
): ReplicaMember[][] {
  const target = sorted(to);
  const problems = membershipProblems(target);
  if (problems.length > 0) throw new Error(`target membership is invalid: ${problems.join("; ")}`);
  const steps: ReplicaMember[][] = [];
  let current = sorted(from);
  const push = (next: ReplicaMember[]) => {
    if (equal(current, next)) return;
    steps.push(next);
    current = next;
  };

  const joining = target.filter((t) => !current.some((c) => c.host === t.host));
  push(
    sorted([
      ...current,
      ...joining.map((t) => ({ ...t, priority: 0, votes: 0 as const, hidden: true })),
    ]),
  );

  const promote = target.filter((t) => t.votes === 1 && votesOf(current, t.host) === 0);
  const demote = current.filter((c) => c.votes === 1 && votesOf(target, c.host) === 0);
  while (promote.length > 0 || demote.length > 0) {
    const voters = current.filter((m) => m.votes === 1).length;
    const next = promote.length > 0 && voters < MAX_VOTING_MEMBERS ? promote.shift() : undefined;
    if (next) {
      push(replace(current, { ...next }));
      continue;
    }
    const leaving = demote.shift();
    if (!leaving) throw new Error("no vote can move without exceeding 7 voters");
    const now = current.find((m) => m.host === leaving.host) ?? leaving;
    push(replace(current, { ...now, priority: 0, votes: 0 }));
  }
  push(target);
  return steps;
}
