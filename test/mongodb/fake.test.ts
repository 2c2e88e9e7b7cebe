/** The fake answers like a server does (codes and messages from the server's sources and docs). */
import { A, B, C, D, SET, cluster } from "./helpers";

async function initiated() {
  const fake = cluster([A, B, C, D]);
  await fake.run(
    A,
    "admin",
    {
      replSetInitiate: {
        _id: SET,
        members: [
          { _id: 0, host: A },
          { _id: 1, host: B },
          { _id: 2, host: C },
        ],
      },
    },
    undefined,
  );
  // Heartbeats: the election completes within two commands, the third spreads the new term.
  for (let i = 0; i < 3; i++) await fake.run(A, "admin", { hello: 1 }, undefined);
  expect(fake.primary()).toBe(A);
  return fake;
}

const reconfig = (fake: Awaited<ReturnType<typeof initiated>>, members: unknown[], bump = 1) => {
  const config = fake.config();
  return fake.run(
    A,
    "admin",
    { replSetReconfig: { ...config, version: Number(config["version"]) + bump, members } },
    undefined,
  );
};

const base = [
  { _id: 0, host: A },
  { _id: 1, host: B },
  { _id: 2, host: C },
];

describe("fake MongoDB server", () => {
  test("NotYetInitialized before initiate, AlreadyInitialized after", async () => {
    const fake = cluster([A]);
    await expect(fake.run(A, "admin", { replSetGetConfig: 1 }, undefined)).rejects.toMatchObject({
      code: 94,
      codeName: "NotYetInitialized",
    });
    const hello = await fake.run(A, "admin", { hello: 1 }, undefined);
    expect(hello).toMatchObject({ isWritablePrimary: false, isreplicaset: true });
    const init = { replSetInitiate: { _id: SET, members: [{ _id: 0, host: A }] } };
    await fake.run(A, "admin", init, undefined);
    await expect(fake.run(A, "admin", init, undefined)).rejects.toMatchObject({
      code: 23,
      codeName: "AlreadyInitialized",
    });
  });

  test("two voters in one reconfig: NewReplicaSetConfigurationIncompatible (103)", async () => {
    const fake = await initiated();
    const err = await reconfig(fake, [...base, { _id: 3, host: D }, { _id: 4, host: "x:1" }]).catch(
      (e) => e,
    );
    expect(err).toMatchObject({
      code: 103,
      codeName: "NewReplicaSetConfigurationIncompatible",
      message: "Non force replica set reconfig can only add or remove at most 1 voting member.",
    });
    // Adding two non-voting members at once is fine.
    await reconfig(fake, [...base, { _id: 3, host: D, votes: 0, priority: 0 }]);
  });

  test("member rules: hidden and non-voting need priority 0, at most 7 voters, unique hosts and ids", async () => {
    const fake = await initiated();
    const cases: [unknown[], string][] = [
      [
        [...base.slice(0, 2), { _id: 2, host: C, hidden: true }],
        "priority must be 0 when hidden=true",
      ],
      [
        [...base.slice(0, 2), { _id: 2, host: C, votes: 0 }],
        "priority must be 0 when non-voting (votes:0)",
      ],
      [[...base, { _id: 2, host: D, votes: 0, priority: 0 }], "same _id field"],
      [[...base, { _id: 3, host: A.toUpperCase(), votes: 0, priority: 0 }], "same host field"],
      [
        [...base, ...Array.from({ length: 5 }, (_, i) => ({ _id: 10 + i, host: `v${i}:1` }))],
        "Replica set configuration contains 8 voting members, but must be at least 1 and no more than 7",
      ],
      [
        [
          { _id: 0, host: A },
          { _id: 1, host: B },
          { _id: 7, host: C },
        ],
        "New and old configurations both have members with host of",
      ],
      [
        [{ _id: 0, host: A, priority: 0 }, ...base.slice(1)],
        `This node, ${A}, with _id MemberId(0) is not electable`,
      ],
    ];
    for (const [members, message] of cases) {
      const err = await reconfig(fake, members).catch((e: Error) => e);
      expect(err).toMatchObject({ code: 103 });
      expect((err as Error).message).toContain(message);
    }
    const stale = await reconfig(fake, base, 0).catch((e: Error) => e);
    expect((stale as Error).message).toContain("must be greater than old");
    expect(fake.accepted).toHaveLength(0);
  });

  test("reconfig on a secondary: NotWritablePrimary; quorum check names silent voters", async () => {
    const fake = await initiated();
    const config = fake.config();
    await expect(
      fake.run(B, "admin", { replSetReconfig: { ...config, version: 2 } }, undefined),
    ).rejects.toMatchObject({ code: 10107, codeName: "NotWritablePrimary" });
    fake.stop(C);
    // 4 voters need 3 answering; A and B answer, C and D do not.
    fake.stop(D);
    const err = await reconfig(fake, [...base, { _id: 3, host: D }]).catch((e: Error) => e);
    expect(err).toMatchObject({ code: 74, codeName: "NodeNotFound" });
    expect((err as Error).message).toContain(`${C} failed with Connection refused`);
  });

  test("version and term: the primary stamps its term; commitment follows a majority", async () => {
    const fake = await initiated();
    expect(fake.config()).toMatchObject({ version: 1, term: 1 });
    fake.setLagging(B);
    fake.setLagging(C);
    const config = fake.config();
    await expect(
      fake.run(
        A,
        "admin",
        { replSetReconfig: { ...config, version: 2, term: 99 }, maxTimeMS: 100 },
        undefined,
      ),
    ).rejects.toMatchObject({ code: 50 });
    const got = await fake.run(
      A,
      "admin",
      { replSetGetConfig: 1, commitmentStatus: true },
      undefined,
    );
    expect(got).toMatchObject({ config: { version: 2, term: 1 }, commitmentStatus: false });
    // The next reconfig waits for the previous one to commit.
    await expect(reconfig(fake, base)).rejects.toMatchObject({ code: 308 });
    fake.setLagging(B, false);
    const later = await fake.run(
      A,
      "admin",
      { replSetGetConfig: 1, commitmentStatus: true },
      undefined,
    );
    expect(later["commitmentStatus"]).toBe(true);
    const status = await fake.run(A, "admin", { replSetGetStatus: 1 }, undefined);
    expect(status["members"]).toEqual([
      expect.objectContaining({ name: A, stateStr: "PRIMARY", configVersion: 2, self: true }),
      expect.objectContaining({ name: B, stateStr: "SECONDARY", configVersion: 2 }),
      expect.objectContaining({ name: C, stateStr: "SECONDARY", configVersion: 1 }),
    ]);
  });

  test("stepdown elects another member with a higher term", async () => {
    const fake = await initiated();
    await fake.run(A, "admin", { replSetStepDown: 60 }, undefined);
    await fake.run(B, "admin", { hello: 1 }, undefined);
    await fake.run(B, "admin", { hello: 1 }, undefined);
    expect([B, C]).toContain(fake.primary());
    expect(fake.config()["term"]).toBe(2);
  });
});
