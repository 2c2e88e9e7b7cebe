import type { ReplicaSetInputs, ReplicaSetOutputs } from "../../providers/mongodb/types";
import { A, B, C, D, SET, checked, cluster, create, providers, update } from "./helpers";

const three = [{ host: A }, { host: B }, { host: C }];

async function handReconfig(
  fake: ReturnType<typeof cluster>,
  change: (members: Record<string, unknown>[]) => void,
) {
  const config = fake.config();
  const members = config["members"] as Record<string, unknown>[];
  change(members);
  await fake.run(
    A,
    "admin",
    { replSetReconfig: { ...config, version: Number(config["version"]) + 1 } },
    undefined,
  );
}

describe("ReplicaSet refresh, adoption and diffs", () => {
  test("no perpetual diff: check → create → read → diff is empty", async () => {
    const fake = cluster([A, B, C]);
    const declared = [{ host: C }, { host: A, priority: 2, tags: { dc: "sp1" } }, { host: B }];
    const inputs = await checked(fake, declared);
    const { rs } = providers(fake);
    const created = await rs.create(inputs);
    const read = await rs.read(SET, created.outs);
    expect(read.id).toBe(SET);
    expect(read.inputs?.members).toEqual(inputs.members);
    const again = await checked(fake, declared);
    const diff = await rs.diff(SET, read.props as ReplicaSetOutputs, again);
    expect(diff).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
    // Declaring the same members in another order is no change either.
    const reordered = await checked(fake, [...declared].reverse());
    expect((await rs.diff(SET, read.props as ReplicaSetOutputs, reordered)).changes).toBe(false);
  });

  test("refresh reports a member added by hand and a priority changed by hand", async () => {
    const fake = cluster([A, B, C, D]);
    const outs = await create(fake, three);
    await handReconfig(fake, (members) => {
      members.push({ _id: 7, host: D, priority: 0, votes: 0 });
      (members[1] as Record<string, unknown>)["priority"] = 5;
    });
    const { rs } = providers(fake);
    const read = await rs.read(SET, outs);
    const live = (read.inputs as ReplicaSetInputs).members;
    expect(live.map((m) => [m.host, m.priority, m.votes])).toEqual([
      [A, 1, 1],
      [B, 5, 1],
      [C, 1, 1],
      [D, 0, 0],
    ]);
    expect((read.props as ReplicaSetOutputs).memberIds[D]).toBe(7);
    expect((read.props as ReplicaSetOutputs).configVersion).toBe(2);
    const diff = await rs.diff(SET, read.props as ReplicaSetOutputs, await checked(fake, three));
    expect(diff.changes).toBe(true);
    expect(diff.replaces).toEqual([]);

    // The next update puts it back as declared.
    const fixed = await update(fake, read.props as ReplicaSetOutputs, three);
    expect(fixed.memberIds).toEqual({ [A]: 0, [B]: 1, [C]: 2 });
    expect(fake.config()["members"]).toHaveLength(3);
  });

  test("refresh of a set whose members all answer uninitiated drops it; unreachable throws", async () => {
    const fake = cluster([A, B, C]);
    const outs = await create(fake, three);
    const { rs } = providers(fake);
    for (const h of [A, B, C]) fake.stop(h);
    await expect(rs.read(SET, outs)).rejects.toThrow(
      `replica set rs0: refresh found no member of the set: ${A}: unreachable`,
    );
    const fresh = cluster([A, B, C]);
    expect(await providers(fresh).rs.read(SET, outs)).toEqual({});
  });

  test("create adopts a live set with the same name (no replSetInitiate) and keeps its _ids", async () => {
    const fake = cluster([A, B, C]);
    await fake.run(
      B,
      "admin",
      {
        replSetInitiate: {
          _id: SET,
          members: [
            { _id: 10, host: B },
            { _id: 11, host: A },
          ],
        },
      },
      undefined,
    );
    const outs = await create(fake, three);
    expect(fake.calls.filter((c) => "replSetInitiate" in c.command)).toHaveLength(1);
    expect(outs.memberIds).toEqual({ [A]: 11, [B]: 10, [C]: 12 });
    expect(fake.accepted).toHaveLength(1);
  });

  test("create refuses members that belong to another set", async () => {
    const fake = cluster([A, B, C]);
    fake.addNode(D, "legacy");
    await fake.run(
      D,
      "admin",
      { replSetInitiate: { _id: "legacy", members: [{ _id: 0, host: D }] } },
      undefined,
    );
    await expect(create(fake, [...three, { host: D }])).rejects.toThrow(
      `replica set rs0: member ${D} already belongs to replica set legacy`,
    );
  });

  test("check reports every broken rule with its key path, offline", async () => {
    const fake = cluster([]);
    const { rs } = providers(fake);
    const voters = Array.from({ length: 8 }, (_, i) => ({ host: `m${i}.x:27017` }));
    const { failures } = await rs.check(
      {} as ReplicaSetInputs,
      {
        name: "bad/name",
        members: [
          { host: "no-port" },
          { host: A, hidden: true, priority: 1 },
          { host: B, votes: 0, priority: 2 },
          { host: A },
          ...voters,
        ],
        seeds: ["x"],
        connection: { tls: false, caFile: "/ca.pem", stepTimeoutMs: -1 },
        stepDownPrimary: false,
      } as unknown as ReplicaSetInputs,
    );
    expect(failures?.map((f) => f.property)).toEqual(
      expect.arrayContaining([
        "name",
        "members[0].host",
        "members[1].priority",
        "members[2].priority",
        "members[3].host",
        "members",
        "seeds[0]",
        "connection.stepTimeoutMs",
        "connection.tls",
      ]),
    );
    expect(failures?.find((f) => f.property === "members")?.reason).toBe(
      "at most 7 voting members, got 11",
    );
  });

  test("check fills defaults: hidden and non-voting members get priority 0", async () => {
    const fake = cluster([]);
    const inputs = await checked(fake, [{ host: A }, { host: B, hidden: true, votes: 0 }]);
    expect(inputs.members).toEqual([
      { host: A, priority: 1, votes: 1, hidden: false, tags: {} },
      { host: B, priority: 0, votes: 0, hidden: true, tags: {} },
    ]);
    expect(inputs.seeds).toEqual([]);
    expect(inputs.stepDownPrimary).toBe(false);
  });

  test("diff: a new name is a replacement, connection changes are updates, unknowns are changes", async () => {
    const fake = cluster([]);
    const { rs } = providers(fake);
    const olds = {
      ...(await checked(fake, three)),
      memberIds: {},
      configVersion: 1,
      configTerm: 1,
      replicaSetId: "x",
    };
    const renamed = { ...(await checked(fake, three)), name: "rs1" };
    expect(await rs.diff(SET, olds, renamed)).toMatchObject({ changes: true, replaces: ["name"] });
    const tls = await checked(fake, three, {
      connection: { caPem: "-----BEGIN CERTIFICATE-----x" },
    });
    expect(await rs.diff(SET, olds, tls)).toMatchObject({ changes: true, replaces: [] });
    const unknown = {
      ...(await checked(fake, three)),
      members: "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
    } as unknown as ReplicaSetInputs;
    expect(await rs.diff(SET, olds, unknown)).toMatchObject({ changes: true, replaces: [] });
  });

  test("delete leaves the servers alone", async () => {
    const fake = cluster([A, B, C]);
    const outs = await create(fake, three);
    const before = fake.calls.length;
    await providers(fake).rs.delete(SET, outs);
    expect(fake.calls.length).toBe(before);
    expect(fake.config()["members"]).toHaveLength(3);
  });
});
