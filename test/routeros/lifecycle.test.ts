import { providers } from "../../providers/routeros/runtime";
import { clearReadCache } from "../../providers/routeros/registry";
import type { MenuOutputs } from "../../providers/routeros/types";
import type { FakeRouter } from "../../scripts/support/routeros-fake/server";
import { CASES } from "./cases";
import { printed, routerOf, startFake } from "./helpers";

let fake: FakeRouter;
beforeAll(async () => {
  fake = await startFake();
});
afterAll(() => fake.stop());

describe.each(CASES)("$type lifecycle against the fake router", (c) => {
  const p = providers[c.type];
  const rowOf = (id: string) => printed(fake, c.menu).find((r) => r[".id"] === id);

  test("create, read, update, drift, delete", async () => {
    for (const [menu, body] of c.before ?? []) fake.state.create(menu, body);
    const inputs = { router: routerOf(fake), ...c.create };
    const checked = await p.check({} as never, inputs);
    expect(checked.failures).toEqual([]);

    fake.resetCounts();
    const created = await p.create(inputs);
    expect(rowOf(created.id)).toBeDefined();
    expect(fake.requests("PUT")).toBe(1);
    expect(fake.requests() - fake.requests("GET")).toBe(1);
    expect(created.outs).toEqual({ ...inputs, routerosId: created.id, owner: expect.any(String) });

    // create followed by read shows no diff and leaves inputs as declared
    clearReadCache();
    const read = await p.read(created.id, created.outs);
    expect(read.id).toBe(created.id);
    expect(read.inputs).toEqual(inputs);
    expect((await p.diff(created.id, read.props as MenuOutputs, inputs)).changes).toBe(false);

    const updatedInputs = { ...inputs, ...c.update };
    const d = await p.diff(created.id, read.props as MenuOutputs, updatedInputs);
    expect(d).toMatchObject({ changes: true, replaces: [] });
    fake.resetCounts();
    const updated = await p.update(created.id, read.props as MenuOutputs, updatedInputs);
    expect(fake.requests("PATCH")).toBe(1);
    expect(fake.requests()).toBe(1);
    clearReadCache();
    const reread = await p.read(created.id, updated.outs as MenuOutputs);
    expect((await p.diff(created.id, reread.props as MenuOutputs, updatedInputs)).changes).toBe(
      false,
    );

    // drift: a field changed outside Pulumi shows up as a diff
    const row = fake.state.find(c.menu, created.id);
    if (!row) throw new Error("row vanished");
    fake.state.update(c.menu, row, { [c.drift[0]]: c.drift[1] });
    clearReadCache();
    const drifted = await p.read(created.id, reread.props as MenuOutputs);
    expect((await p.diff(created.id, drifted.props as MenuOutputs, updatedInputs)).changes).toBe(
      true,
    );

    fake.resetCounts();
    await p.delete(created.id, drifted.props as MenuOutputs);
    // One write; the only read is the ownership ledger (nobody else holds this row).
    expect(fake.requests() - fake.requests("GET")).toBe(1);
    expect(fake.requests("GET")).toBe(fake.requests("GET", "/rest/system/script"));
    expect(rowOf(created.id)).toBeUndefined();
    await p.delete(created.id, drifted.props as MenuOutputs); // idempotent
    expect(await p.read(created.id, drifted.props as MenuOutputs)).toEqual({});
  });

  test("create adopts an existing row with the same natural key", async () => {
    const inputs = { router: routerOf(fake), ...c.create };
    await p.create(inputs).then((r) => p.delete(r.id, r.outs as MenuOutputs));
    // Create the same object outside Pulumi, differing in the drift field.
    const existing = await p.create(inputs);
    const row = fake.state.find(c.menu, existing.id);
    if (!row) throw new Error("row vanished");
    fake.state.update(c.menu, row, { [c.drift[0]]: c.drift[1] });
    clearReadCache();
    const before = printed(fake, c.menu).length;
    fake.resetCounts();
    const adopted = await p.create(inputs);
    expect(adopted.id).toBe(existing.id);
    expect(printed(fake, c.menu)).toHaveLength(before);
    // The adoption is recorded in the ownership ledger.
    expect(fake.requests("PUT", "/rest/system/script")).toBe(1);
    expect(fake.requests("PUT", `/rest/${c.menu}`)).toBe(
      c.type === "IpAddress" ||
        c.type === "AddressListEntry" ||
        ["Bridge", "Vlan", "VrrpInterface"].includes(c.type)
        ? 1
        : 0,
    );
    clearReadCache();
    const read = await p.read(adopted.id, adopted.outs as MenuOutputs);
    expect((await p.diff(adopted.id, read.props as MenuOutputs, inputs)).changes).toBe(false);
    await p.delete(adopted.id, adopted.outs as MenuOutputs);
  });
});
