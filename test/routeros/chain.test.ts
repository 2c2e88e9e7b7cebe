import { providers } from "../../providers/routeros/runtime";
import { clearReadCache } from "../../providers/routeros/registry";
import type { ChainOutputs } from "../../providers/routeros/chainProvider";
import type { MenuOutputs } from "../../providers/routeros/types";
import type { FakeRouter } from "../../scripts/support/routeros-fake/server";
import { printed, routerOf, startFake } from "./helpers";

let fake: FakeRouter;
beforeAll(async () => {
  fake = await startFake();
});
afterAll(() => fake.stop());

const chainOrder = (chain: string) =>
  printed(fake, "ip/firewall/filter")
    .filter((r) => r["chain"] === chain)
    .map((r) => r["comment"]);

test("a chain is put and kept in the declared order with move, never delete + add", async () => {
  const rules = ["a", "b", "c", "d"];
  const created: { id: string }[] = [];
  for (const comment of rules) {
    created.push(
      await providers.FirewallFilterRule.create({
        router: routerOf(fake),
        chain: "forward",
        action: "accept",
        comment,
      }),
    );
  }
  fake.state.create("ip/firewall/filter", { chain: "forward", action: "drop", comment: "manual" });
  fake.state.create("ip/firewall/filter", { chain: "input", action: "drop", comment: "other" });
  const idsBefore = printed(fake, "ip/firewall/filter")
    .map((r) => r[".id"])
    .sort();

  const p = providers.FirewallChain;
  const inputs = {
    router: routerOf(fake),
    table: "filter" as const,
    chain: "forward",
    rules: ["d", "b", "a", "c"],
  };
  expect((await p.check({} as never, inputs)).failures).toEqual([]);
  fake.resetCounts();
  const made = await p.create(inputs);
  const outs = made.outs as ChainOutputs;
  expect(chainOrder("forward")).toEqual(["d", "b", "a", "c", "manual"]);
  expect(fake.requests("DELETE") + fake.requests("PUT")).toBe(0);
  expect(fake.requests("POST", "/rest/ip/firewall/filter/move")).toBeLessThanOrEqual(3);
  expect(
    printed(fake, "ip/firewall/filter")
      .map((r) => r[".id"])
      .sort(),
  ).toEqual(idsBefore);
  expect(outs.undeclared).toEqual(["manual"]);
  expect(outs.ruleIds).toEqual([3, 1, 0, 2].map((i) => created[i]?.id));

  // In order: read reports no drift.
  clearReadCache();
  const read = await p.read(made.id, outs);
  expect((await p.diff(made.id, read.props as ChainOutputs, inputs)).changes).toBe(false);

  // Someone reorders the chain: read reports it, update repairs it.
  const manual = printed(fake, "ip/firewall/filter").find((r) => r["comment"] === "manual");
  fake.state.move("ip/firewall/filter", [manual?.[".id"] ?? ""], outs.ruleIds[0]);
  clearReadCache();
  const drifted = await p.read(made.id, outs);
  expect(drifted.props?.inOrder).toBe(false);
  expect((await p.diff(made.id, drifted.props as ChainOutputs, inputs)).changes).toBe(true);
  await p.update(made.id, drifted.props as ChainOutputs, inputs);
  expect(chainOrder("forward")).toEqual(["d", "b", "a", "c", "manual"]);

  // removeUndeclared deletes only the undeclared rule of this chain.
  const owning = { ...inputs, removeUndeclared: true };
  expect((await p.diff(made.id, outs, owning)).changes).toBe(true);
  const owned = await p.update(made.id, outs, owning);
  expect(chainOrder("forward")).toEqual(["d", "b", "a", "c"]);
  expect(chainOrder("input")).toEqual(["other"]);
  expect(owned.outs?.undeclared).toEqual([]);
});

test("a declared rule that does not exist fails clearly", async () => {
  const inputs = {
    router: routerOf(fake),
    table: "filter" as const,
    chain: "forward",
    rules: ["zzz"],
  };
  await expect(providers.FirewallChain.create(inputs)).rejects.toThrow(/no rule for "zzz"/);
});

test("check rejects repeated entries and unknown tables", async () => {
  const inputs = {
    router: routerOf(fake),
    table: "mangle" as never,
    chain: "x",
    rules: ["a", "a"],
  };
  const { failures } = await providers.FirewallChain.check({} as never, inputs);
  expect(failures?.map((f) => f.property).sort()).toEqual(["rules", "table"]);
});

test("placeBefore positions a new rule on create only", async () => {
  const rule = (comment: string, placeBefore?: string) => ({
    router: routerOf(fake),
    chain: "output",
    action: "accept",
    comment,
    ...(placeBefore ? { placeBefore } : {}),
  });
  await providers.FirewallFilterRule.create(rule("o1"));
  const o0 = await providers.FirewallFilterRule.create(rule("o0", "o1"));
  expect(chainOrder("output")).toEqual(["o0", "o1"]);
  fake.resetCounts();
  await providers.FirewallFilterRule.update(o0.id, o0.outs as MenuOutputs, {
    ...rule("o0", "o1"),
    log: true,
  });
  expect(fake.requests("PATCH")).toBe(1);
});
