import {
  A,
  B,
  C,
  D,
  E,
  F,
  G,
  SET,
  cluster,
  create,
  expectOneVoterPerStep,
  update,
} from "./helpers";

const members = (config: Record<string, unknown>) =>
  (config["members"] as Record<string, unknown>[]).map((m) => ({
    _id: m["_id"],
    host: m["host"],
    priority: m["priority"],
    votes: m["votes"],
    hidden: m["hidden"],
  }));

describe("ReplicaSet lifecycle against the fake", () => {
  test("create initiates the set once with every member and waits for a primary", async () => {
    const fake = cluster([A, B, C]);
    const outs = await create(fake, [{ host: A }, { host: B }, { host: C }]);
    const initiates = fake.calls.filter((c) => "replSetInitiate" in c.command);
    expect(initiates).toHaveLength(1);
    expect(initiates[0]?.host).toBe(A);
    expect(fake.primary()).toBe(A);
    expect(outs.memberIds).toEqual({ [A]: 0, [B]: 1, [C]: 2 });
    expect(outs.configVersion).toBe(1);
    expect(outs.configTerm).toBe(1);
    expect(outs.replicaSetId).toMatch(/^[0-9a-f]{24}$/);
    expect(outs.name).toBe(SET);
    expect(fake.installedVersions()).toEqual({ [A]: 1, [B]: 1, [C]: 1 });
  });

  test("add a member, change a priority, remove a member: one reconfig each", async () => {
    const fake = cluster([A, B, C, D]);
    let outs = await create(fake, [{ host: A }, { host: B }, { host: C }]);
    const initial = fake.config();

    outs = await update(fake, outs, [{ host: A }, { host: B }, { host: C }, { host: D }]);
    expect(fake.accepted).toHaveLength(1);
    expect(outs.memberIds[D]).toBe(3);
    expect(outs.configVersion).toBe(2);

    outs = await update(fake, outs, [
      { host: A, priority: 2 },
      { host: B },
      { host: C },
      { host: D },
    ]);
    expect(fake.accepted).toHaveLength(2);
    expect(members(fake.config())[0]).toMatchObject({ host: A, priority: 2 });

    outs = await update(fake, outs, [{ host: A, priority: 2 }, { host: B }, { host: D }]);
    expect(fake.accepted).toHaveLength(3);
    expect(members(fake.config()).map((m) => m.host)).toEqual([A, B, D]);
    // _ids never move: D keeps 3 although 2 is free now.
    expect(outs.memberIds).toEqual({ [A]: 0, [B]: 1, [D]: 3 });
    expect(outs.configVersion).toBe(4);
    expectOneVoterPerStep(fake, initial);
  });

  test("several voters at once become a series of one-voter reconfigs, each committed first", async () => {
    const fake = cluster([A, B, C, D, E]);
    let outs = await create(fake, [{ host: A }]);
    const initial = fake.config();
    outs = await update(fake, outs, [
      { host: A },
      { host: B },
      { host: C },
      { host: D },
      { host: E },
    ]);
    expect(fake.accepted).toHaveLength(4);
    expectOneVoterPerStep(fake, initial);
    // Before each reconfig the provider saw the previous one committed.
    const order = fake.calls.map((c) => Object.keys(c.command)[0]);
    let lastCommitCheck = -1;
    order.forEach((name, i) => {
      if (name === "replSetReconfig") {
        expect(lastCommitCheck).toBeGreaterThan(-1);
        lastCommitCheck = -1;
      }
      if (name === "replSetGetConfig") lastCommitCheck = i;
    });
    expect(outs.configVersion).toBe(5);
  });

  test("migration: hidden non-voting members join in one step, then are promoted one voter at a time", async () => {
    const fake = cluster([A, B, C, E, F, G]);
    let outs = await create(fake, [
      { host: A, priority: 2 },
      { host: B, priority: 2 },
      { host: C, priority: 2 },
    ]);
    const initial = fake.config();

    const hidden = [E, F, G].map((h) => ({ host: h, priority: 0, votes: 0, hidden: true }));
    const old = [
      { host: A, priority: 2 },
      { host: B, priority: 2 },
      { host: C, priority: 2 },
    ];
    outs = await update(fake, outs, [...old, ...hidden]);
    expect(fake.accepted).toHaveLength(1); // non-voting: no quorum impact, one reconfig
    expect(members(fake.config()).slice(3)).toEqual([
      { _id: 3, host: E, priority: 0, votes: 0, hidden: true },
      { _id: 4, host: F, priority: 0, votes: 0, hidden: true },
      { _id: 5, host: G, priority: 0, votes: 0, hidden: true },
    ]);
    // Hidden members are not advertised to drivers.
    const hello = await fake.run(A, "admin", { hello: 1 }, undefined);
    expect(hello["hosts"]).toEqual([A, B, C]);

    // Promote: visible, voting, priority 1 (AWS keeps 2 until the cut-over).
    const promoted = [E, F, G].map((h) => ({ host: h, priority: 1 }));
    outs = await update(fake, outs, [...old, ...promoted]);
    expect(fake.accepted).toHaveLength(4);
    expectOneVoterPerStep(fake, initial);
    expect(
      fake.accepted.slice(1).map((c) => members(c).filter((m) => m.votes === 1).length),
    ).toEqual([4, 5, 6]);

    // Cut-over and exit: demote the old members one voter at a time, then remove them. The
    // primary (A) goes last and only with stepDownPrimary.
    const onPrem = [E, F, G].map((h) => ({ host: h, priority: 5 }));
    outs = await update(fake, outs, onPrem, { stepDownPrimary: true });
    expect(members(fake.config()).map((m) => m.host)).toEqual([E, F, G]);
    expect([E, F, G]).toContain(fake.primary());
    expect(outs.memberIds).toEqual({ [E]: 3, [F]: 4, [G]: 5 });
    expectOneVoterPerStep(fake, initial);
    expect(fake.calls.filter((c) => "replSetStepDown" in c.command)).toHaveLength(1);
  });

  test("adding an eighth voter first takes one out (7-voter limit) when the program asks for both", async () => {
    const hosts = ["m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8"].map(
      (n) => `${n}.sp1.internal:27017`,
    );
    const fake = cluster(hosts);
    let outs = await create(
      fake,
      hosts.slice(0, 7).map((h) => ({ host: h })),
    );
    const initial = fake.config();
    const next = [...hosts.slice(0, 6), hosts[7] as string].map((h) => ({ host: h }));
    outs = await update(fake, outs, next);
    expect(fake.accepted).toHaveLength(2);
    expect(members(fake.accepted[0] ?? {}).map((m) => m.host)).not.toContain(hosts[6]);
    expect(outs.memberIds[hosts[7] as string]).toBe(7);
    expectOneVoterPerStep(fake, initial);
  });

  test("a member re-added later gets its old _id back if nobody took it", async () => {
    const fake = cluster([A, B, C]);
    let outs = await create(fake, [{ host: A }, { host: B }, { host: C }]);
    outs = await update(fake, outs, [{ host: A }, { host: B }]);
    expect(outs.memberIds).toEqual({ [A]: 0, [B]: 1 });
    outs = await update(fake, { ...outs, memberIds: { ...outs.memberIds, [C]: 2 } }, [
      { host: A },
      { host: B },
      { host: C },
    ]);
    expect(outs.memberIds[C]).toBe(2);
  });
});
