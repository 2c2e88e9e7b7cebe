/**
 * Property: from any valid member list to any other valid one, the provider converges through
 * steps the (independent) fake accepts, each changing the voter set by at most one member, and
 * ends with exactly the declared members.
 */
import fc from "fast-check";
import { membersFailures, normalizeMember } from "../../providers/mongodb/members";
import type { MemberSpec } from "../../providers/mongodb/types";
import { cluster, create, expectOneVoterPerStep, update } from "./helpers";

const POOL = Array.from({ length: 9 }, (_, i) => `n${i}.sp1.internal:27017`);

const member = (host: string) =>
  fc
    .record({
      kind: fc.constantFrom("voter", "voter", "hidden", "passive", "non-voting"),
      priority: fc.integer({ min: 1, max: 5 }),
    })
    .map(({ kind, priority }): MemberSpec => {
      switch (kind) {
        case "voter":
          return { host, priority };
        case "hidden":
          return { host, hidden: true, priority: 0 };
        case "passive":
          return { host, priority: 0 };
        default:
          return { host, votes: 0, priority: 0 };
      }
    });

const memberList = fc
  .subarray(POOL, { minLength: 1, maxLength: 9 })
  .chain((hosts) => fc.tuple(...hosts.map(member)))
  .filter((list) => membersFailures(list.map(normalizeMember)).length === 0);

test("any valid membership reaches any other through accepted one-voter steps", async () => {
  await fc.assert(
    fc.asyncProperty(memberList, memberList, async (from, to) => {
      const fake = cluster(POOL);
      const outs = await create(fake, from);
      const initial = fake.config();
      const final = await update(fake, outs, to, { stepDownPrimary: true });
      expectOneVoterPerStep(fake, initial);
      const live = (fake.config()["members"] as Record<string, unknown>[]).map((m) => ({
        host: m["host"],
        priority: m["priority"],
        votes: m["votes"],
        hidden: m["hidden"],
      }));
      const wanted = to.map(normalizeMember).map(({ host, priority, votes, hidden }) => ({
        host,
        priority,
        votes,
        hidden,
      }));
      expect(new Set(live.map((m) => JSON.stringify(m)))).toEqual(
        new Set(wanted.map((m) => JSON.stringify(m))),
      );
      expect(Object.keys(final.memberIds).sort()).toEqual(to.map((m) => m.host).sort());
    }),
    { numRuns: 40 },
  );
}, 120_000);

test("hiding two electable members, one of them the primary, converges (the primary goes last)", async () => {
  const voter = (n: number): MemberSpec => ({ host: `n${n}.sp1.internal:27017`, priority: 1 });
  const hidden = (n: number): MemberSpec => ({
    host: `n${n}.sp1.internal:27017`,
    hidden: true,
    priority: 0,
  });
  const from = [voter(0), voter(1), voter(3), voter(5), voter(8)];
  const to = [hidden(0), hidden(1), voter(3), voter(5), voter(7), voter(8)];
  const fake = cluster(POOL);
  const outs = await create(fake, from);
  const initial = fake.config();
  await update(fake, outs, to, { stepDownPrimary: true });
  expectOneVoterPerStep(fake, initial);
  const hiddenNow = (fake.config()["members"] as Record<string, unknown>[])
    .filter((m) => m["hidden"] === true)
    .map((m) => m["host"]);
  expect(hiddenNow.sort()).toEqual(["n0.sp1.internal:27017", "n1.sp1.internal:27017"]);
});
