import { FakeMongoCluster, FakeNetworkError } from "../fakes/mongodb/fake";
import { mongoRegistry } from "../../providers/mongodb/registry";
import { replicaSetProvider } from "../../providers/mongodb/replicaSet";
import type { ReplicaSetOutputs } from "../../providers/mongodb/types";
import {
  A,
  B,
  C,
  D,
  E,
  FAST,
  SET,
  SHORT,
  checked,
  cluster,
  create,
  providers,
  update,
} from "./helpers";

const three = [{ host: A }, { host: B }, { host: C }];

describe("ReplicaSet faults", () => {
  test("initiate refuses to start while a member is unreachable, and names it", async () => {
    const fake = cluster([A, B, C]);
    fake.stop(C);
    await expect(create(fake, three)).rejects.toThrow(
      `replica set rs0: cannot initiate: member ${C} is unreachable (connect ECONNREFUSED ${C})`,
    );
    expect(fake.calls.some((c) => "replSetInitiate" in c.command)).toBe(false);
  });

  test("no primary (majority down): the error names every member and its state", async () => {
    const fake = cluster([A, B, C, D]);
    const outs = await create(fake, three);
    fake.stop(B);
    fake.stop(C);
    const err = await update(fake, outs, [...three, { host: D }], { connection: SHORT }).catch(
      (e: Error) => e,
    );
    expect(err).toBeInstanceOf(Error);
    const message = (err as Error).message;
    expect(message).toContain("replica set rs0: no primary before step 1");
    expect(message).toContain(`${B}: unreachable (connect ECONNREFUSED ${B})`);
    expect(message).toContain(`${C}: unreachable`);
    expect(message).toContain(`${A}: SECONDARY of rs0`);
    expect(fake.accepted).toHaveLength(0);
  });

  test("a member that is down does not stop a reconfiguration a majority can commit", async () => {
    const fake = cluster([A, B, C, D]);
    let outs = await create(fake, three);
    fake.stop(D);
    outs = await update(fake, outs, [...three, { host: D, votes: 0, priority: 0 }]);
    expect(outs.memberIds[D]).toBe(3);
  });

  test("the primary dropping the connection mid-step: the error names the member and the step", async () => {
    const fake = cluster([A, B, C, D]);
    const outs = await create(fake, three);
    const factory = fake.runnerFactory();
    const flaky = replicaSetProvider((connection, creds) => {
      const inner = factory(connection, creds);
      return {
        ...inner,
        runAdmin: async (host, command) => {
          if ("replSetReconfig" in command) throw new FakeNetworkError(host);
          return inner.runAdmin(host, command);
        },
      };
    });
    const news = await checked(fake, [...three, { host: D }]);
    await expect(flaky.update(SET, outs, news)).rejects.toThrow(
      `replica set rs0: replSetReconfig in step 1 (add voting member ${D} (priority 1)) failed: ` +
        `member ${A} is unreachable: connect ECONNREFUSED ${A}`,
    );
  });

  test("removing the primary is refused with a clear message", async () => {
    const fake = cluster([A, B, C]);
    const outs = await create(fake, three);
    expect(fake.primary()).toBe(A);
    await expect(update(fake, outs, [{ host: B }, { host: C }])).rejects.toThrow(
      `replica set rs0: refusing step 1 (remove voting member ${A}): it would remove or demote ` +
        `the current primary ${A}. Step the primary down first (rs.stepDown() on ${A}) or set ` +
        "stepDownPrimary: true",
    );
    expect(fake.accepted).toHaveLength(0);
    expect(fake.config()["members"]).toHaveLength(3);
  });

  test("demoting the primary to priority 0 is refused too; with stepDownPrimary it steps down first", async () => {
    const fake = cluster([A, B, C]);
    let outs = await create(fake, three);
    const demoted = [{ host: A, priority: 0 }, { host: B }, { host: C }];
    await expect(update(fake, outs, demoted)).rejects.toThrow(/current primary/);
    outs = await update(fake, outs, demoted, { stepDownPrimary: true });
    expect(fake.primary()).not.toBe(A);
    expect(fake.calls.find((c) => "replSetStepDown" in c.command)?.host).toBe(A);
    expect(outs.members[0]).toMatchObject({ host: A, priority: 0 });
  });

  test("a step that does not commit on a majority times out naming the members without it", async () => {
    const fake = cluster([A, B, C, E]);
    const outs = await create(fake, three);
    fake.setLagging(B);
    fake.setLagging(C);
    const started = Date.now();
    const err = (await update(fake, outs, [...three, { host: E, votes: 0, hidden: true }], {
      connection: SHORT,
    }).catch((e: Error) => e)) as Error;
    expect(Date.now() - started).toBeGreaterThanOrEqual(SHORT.stepTimeoutMs ?? 0);
    expect(err.message).toContain(
      `replica set rs0: configuration version 2 in step 1 (add hidden non-voting member ${E} ` +
        "(priority 0)) is not committed on a majority of voting members after 150 ms",
    );
    expect(err.message).toContain(`members without it: ${B} (SECONDARY, configVersion 1)`);
    expect(err.message).toContain(`${C} (SECONDARY, configVersion 1)`);
    // The server answered MaxTimeMSExpired and kept the configuration; nothing was sent twice.
    expect(fake.reconfigCalls()).toHaveLength(1);
  });

  test("waits while a step commits slowly, then carries on", async () => {
    const fake = cluster([A, B, C, D]);
    const outs = await create(fake, three);
    fake.setLagging(B);
    fake.setLagging(C);
    // The members catch up a few commands after the reconfiguration.
    const factory = fake.runnerFactory();
    let afterReconfig = -1;
    const slow = replicaSetProvider((connection, creds) => {
      const inner = factory(connection, creds);
      return {
        ...inner,
        runAdmin: async (host, command) => {
          if ("replSetReconfig" in command) afterReconfig = 0;
          else if (afterReconfig >= 0 && ++afterReconfig === 4) {
            fake.setLagging(B, false);
            fake.setLagging(C, false);
          }
          return inner.runAdmin(host, command);
        },
      };
    });
    const news = await checked(fake, [...three, { host: D, votes: 0 }], {
      connection: { ...FAST, stepTimeoutMs: 5_000 },
    });
    const res = await slow.update(SET, outs, news);
    expect((res.outs as ReplicaSetOutputs).configVersion).toBe(2);
    expect(fake.installedVersions()).toMatchObject({ [B]: 2, [C]: 2 });
  });

  test("a configuration left uncommitted by someone else is waited for before the next step", async () => {
    const fake = cluster([A, B, C, D]);
    const outs = await create(fake, three);
    fake.setLagging(B);
    fake.setLagging(C);
    const manual: Record<string, unknown> = { ...fake.config(), version: 2 };
    (manual["members"] as Record<string, unknown>[])[1] = { _id: 1, host: B, priority: 3 };
    await expect(
      fake.run(A, "admin", { replSetReconfig: manual, maxTimeMS: 10 }, undefined),
    ).rejects.toMatchObject({ code: 50 });
    const err = (await update(fake, outs, [...three, { host: D }], { connection: SHORT }).catch(
      (e: Error) => e,
    )) as Error;
    expect(err.message).toContain("configuration version 2 before step 1 is not committed");
    expect(fake.reconfigCalls()).toHaveLength(1);
  });

  test("admin credentials come from configure; without them an authenticated set refuses", async () => {
    const fake = cluster([A, B, C]);
    fake.requireAuth({ username: "admin", password: "s3cret-admin-password" });
    await expect(create(fake, three)).rejects.toThrow(
      /replSetInitiate in step 0 \(initiate\) failed: member .* refused it: Unauthorized \(13\)/,
    );
    const { rs } = providers(fake);
    const config = new Map([
      ["baremetal:mongodbAdminUsername", "admin"],
      ["baremetal:mongodbAdminPassword", "s3cret-admin-password"],
    ]);
    await rs.configure({ config: { get: (k: string) => config.get(k) } } as never);
    expect(mongoRegistry().credentials).toEqual({
      username: "admin",
      password: "s3cret-admin-password",
    });
    const inputs = await checked(fake, three);
    // `checked` resets the registry; configure again as the engine would.
    await rs.configure({ config: { get: (k: string) => config.get(k) } } as never);
    const res = await rs.create(inputs);
    expect(res.id).toBe(SET);
  });

  test("environment fallback for the admin credentials", async () => {
    const { rs } = providers(new FakeMongoCluster());
    process.env["MONGODB_ADMIN_PASSWORD"] = "from-the-environment";
    try {
      await rs.configure({ config: { get: () => undefined } } as never);
      expect(mongoRegistry().credentials).toEqual({
        username: "admin",
        password: "from-the-environment",
      });
    } finally {
      delete process.env["MONGODB_ADMIN_PASSWORD"];
      mongoRegistry().credentials = undefined;
    }
  });
});
