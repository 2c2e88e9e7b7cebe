/**
 * Rotating a managed user's password against the fake set: what the engine does when the
 * password's generator is replaced (a new `rotation` in `baremetal:mongodb.applicationUsers`, or
 * `pulumi up --replace` of the generator) — the user's `password` input changes and nothing else.
 * The provider must treat that as an in-place `updateUser`, never a drop and re-create (which
 * would cut the application off between the two and lose grants made by hand).
 */
import { EXPORTER_ROLES, EXPORTER_USER } from "../../components/services/mongodb/exporter";
import type { MongoUserInputs, MongoUserOutputs } from "../../providers/mongodb/types";
import { A, B, C, FAST, SET, cluster, create, providers } from "./helpers";

const BEFORE = "Generated0Password0Before0000000";
const AFTER = "Generated1Password1After11111111";

async function checked(
  user: ReturnType<typeof providers>["user"],
  extra: Partial<MongoUserInputs>,
): Promise<MongoUserInputs> {
  const { inputs, failures } = await user.check(
    {} as MongoUserInputs,
    {
      replicaSet: SET,
      hosts: [A, B, C],
      connection: FAST,
      db: "admin",
      username: "payments",
      password: BEFORE,
      roles: [{ role: "readWrite", db: "payments" }],
      ...extra,
    } as MongoUserInputs,
  );
  expect(failures).toEqual([]);
  return inputs as MongoUserInputs;
}

describe("rotating a managed user's password", () => {
  test("a new password is an update that changes the password in place, and only it", async () => {
    const fake = cluster([A, B, C]);
    await create(fake, [{ host: A }, { host: B }, { host: C }]);
    const { user } = providers(fake);
    const olds = (await user.create(await checked(user, {}))).outs as MongoUserOutputs;
    expect(fake.userPassword("admin", "payments")).toBe(BEFORE);

    const news = await checked(user, { password: AFTER });
    const diff = await user.diff("rs0/admin.payments", olds, news);
    expect(diff).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });

    const before = fake.calls.length;
    const updated = await user.update("rs0/admin.payments", olds, news);
    const sent = fake.calls.slice(before).filter((c) => !("hello" in c.command));
    // Looked up nothing, dropped nothing: one updateUser with the new password, on the primary.
    expect(sent.map((c) => [c.host, c.db, c.command])).toEqual([
      [A, "admin", { updateUser: "payments", pwd: AFTER }],
    ]);
    expect(fake.userPassword("admin", "payments")).toBe(AFTER);
    expect(updated.outs).toEqual(news);

    // The state now holds the new password; a refresh finds the roles unchanged: no drift.
    const refreshed = await user.read("rs0/admin.payments", updated.outs as MongoUserOutputs);
    expect(refreshed.props).toEqual(news);
    expect(
      (await user.diff("rs0/admin.payments", refreshed.props as MongoUserOutputs, news)).changes,
    ).toBe(false);
  });

  test("rotating while the primary has moved reaches the new primary", async () => {
    const fake = cluster([A, B, C]);
    await create(fake, [{ host: A }, { host: B }, { host: C }]);
    const { user } = providers(fake);
    const olds = (await user.create(await checked(user, {}))).outs as MongoUserOutputs;
    fake.stop(A); // the primary goes away; the others elect one of themselves
    await user.update("rs0/admin.payments", olds, await checked(user, { password: AFTER }));
    const rotation = fake.calls.filter((c) => "updateUser" in c.command).at(-1);
    expect([B, C]).toContain(rotation?.host);
    expect(rotation?.host).toBe(fake.primary());
    expect(fake.userPassword("admin", "payments")).toBe(AFTER);
  });

  test("the exporter's monitoring user takes clusterMonitor and read on local, and rotates alike", async () => {
    const fake = cluster([A, B, C]);
    await create(fake, [{ host: A }, { host: B }, { host: C }]);
    const { user } = providers(fake);
    const roles = EXPORTER_ROLES.map((r) => ({ ...r }));
    const olds = (await user.create(await checked(user, { username: EXPORTER_USER, roles })))
      .outs as MongoUserOutputs;
    expect(fake.userPassword("admin", EXPORTER_USER)).toBe(BEFORE);
    const news = await checked(user, { username: EXPORTER_USER, roles, password: AFTER });
    expect((await user.diff("id", olds, news)).replaces).toEqual([]);
    await user.update("id", olds, news);
    expect(fake.userPassword("admin", EXPORTER_USER)).toBe(AFTER);
  });
});
