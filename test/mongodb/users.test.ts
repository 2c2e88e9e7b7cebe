import type { MongoUserInputs, MongoUserOutputs } from "../../providers/mongodb/types";
import { A, B, C, SET, cluster, create, providers } from "./helpers";

const PASSWORD = "generated-password-0123456789";

async function setUp() {
  const fake = cluster([A, B, C]);
  await create(fake, [{ host: A }, { host: B }, { host: C }]);
  const { user } = providers(fake);
  const check = async (extra: Record<string, unknown> = {}) => {
    const { inputs, failures } = await user.check(
      {} as MongoUserInputs,
      {
        replicaSet: SET,
        hosts: [B, C, A],
        connection: { tls: false, pollIntervalMs: 1, stepTimeoutMs: 10_000 },
        username: "payments",
        password: PASSWORD,
        roles: [{ role: "readWrite", db: "payments" }, "read"],
        ...extra,
      } as MongoUserInputs,
    );
    expect(failures).toEqual([]);
    return inputs as MongoUserInputs;
  };
  return { fake, user, check };
}

describe("MongoUser", () => {
  test("create runs createUser on the primary in the user's database", async () => {
    const { fake, user, check } = await setUp();
    const inputs = await check();
    expect(inputs.db).toBe("admin");
    expect(inputs.roles).toEqual([
      { role: "readWrite", db: "payments" },
      { role: "read", db: "admin" },
    ]);
    const res = await user.create(inputs);
    expect(res.id).toBe("rs0/admin.payments");
    expect(res.outs).toEqual(inputs);
    const sent = fake.calls.find((c) => "createUser" in c.command);
    expect(sent).toMatchObject({ host: A, db: "admin" });
    expect(fake.userPassword("admin", "payments")).toBe(PASSWORD);
  });

  test("create adopts an existing user: updateUser sets the declared password and roles", async () => {
    const { fake, user, check } = await setUp();
    await fake.run(
      A,
      "admin",
      { createUser: "payments", pwd: "old-password-by-hand", roles: ["read"] },
      undefined,
    );
    await user.create(await check());
    expect(fake.calls.filter((c) => "createUser" in c.command)).toHaveLength(1);
    expect(fake.userPassword("admin", "payments")).toBe(PASSWORD);
  });

  test("update sends the password only when it changed; roles only when they changed", async () => {
    const { fake, user, check } = await setUp();
    const olds = (await user.create(await check())).outs as MongoUserOutputs;
    const rotated = await check({ password: "rotated-password-0123456789" });
    await user.update("id", olds, rotated);
    const first = fake.calls.filter((c) => "updateUser" in c.command).at(-1)?.command;
    expect(first).toEqual({ updateUser: "payments", pwd: "rotated-password-0123456789" });
    const roles = await check({ password: "rotated-password-0123456789", roles: ["readWrite"] });
    await user.update("id", rotated, roles);
    const second = fake.calls.filter((c) => "updateUser" in c.command).at(-1)?.command;
    expect(second).toEqual({ updateUser: "payments", roles: [{ role: "readWrite", db: "admin" }] });
    const count = fake.calls.length;
    await user.update("id", roles, { ...roles, hosts: [A] });
    expect(fake.calls.slice(count).some((c) => "updateUser" in c.command)).toBe(false);
  });

  test("read reports roles changed by hand, keeps the password from state, and no diff without drift", async () => {
    const { fake, user, check } = await setUp();
    const inputs = await check();
    const outs = (await user.create(inputs)).outs as MongoUserOutputs;
    const clean = await user.read("id", outs);
    expect(clean.props).toEqual(outs);
    expect((await user.diff("id", clean.props as MongoUserOutputs, await check())).changes).toBe(
      false,
    );

    await fake.run(A, "admin", { updateUser: "payments", roles: ["root"] }, undefined);
    const drifted = await user.read("id", outs);
    expect((drifted.props as MongoUserOutputs).roles).toEqual([{ role: "root", db: "admin" }]);
    expect((drifted.props as MongoUserOutputs).password).toBe(PASSWORD);
    const diff = await user.diff("id", drifted.props as MongoUserOutputs, await check());
    expect(diff).toMatchObject({ changes: true, replaces: [] });
  });

  test("read of a dropped user drops it from state; delete is idempotent", async () => {
    const { fake, user, check } = await setUp();
    const outs = (await user.create(await check())).outs as MongoUserOutputs;
    await user.delete("id", outs);
    expect(fake.userPassword("admin", "payments")).toBeUndefined();
    expect(await user.read("id", outs)).toEqual({});
    await expect(user.delete("id", outs)).resolves.toBeUndefined();
  });

  test("an unknown role fails with the server's message, naming user and member", async () => {
    const { user, check } = await setUp();
    await expect(user.create(await check({ roles: ["nosuchrole"] }))).rejects.toThrow(
      `replica set rs0: create user payments on ${A} failed: RoleNotFound (31): Could not find role: nosuchrole@admin`,
    );
  });

  test("check never quotes the password; renaming is a replacement, a new password an update", async () => {
    const { user, check } = await setUp();
    const short = "short-pw";
    const { failures } = await user.check(
      {} as MongoUserInputs,
      {
        replicaSet: SET,
        hosts: [],
        connection: {},
        username: "",
        password: short,
        roles: [],
      } as unknown as MongoUserInputs,
    );
    expect(failures?.map((f) => f.property).sort()).toEqual(["hosts", "password", "username"]);
    expect(JSON.stringify(failures)).not.toContain(short);
    const olds = await check();
    expect(await user.diff("id", olds, await check({ username: "other" }))).toMatchObject({
      changes: true,
      replaces: ["username"],
    });
    expect(
      await user.diff("id", olds, await check({ password: "another-password-123" })),
    ).toMatchObject({
      changes: true,
      replaces: [],
    });
  });
});
