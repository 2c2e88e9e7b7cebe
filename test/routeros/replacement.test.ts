/**
 * A new URL for the same router is an update that sends nothing, and no delete removes (or
 * resets) a row another live resource has adopted: the replacement/rename path where the engine
 * creates the new resource, which adopts the row by natural key, then deletes the old one by the
 * same `.id`.
 */
import { providers } from "../../providers/routeros/runtime";
import { clearReadCache, registry } from "../../providers/routeros/registry";
import type { ChainOutputs } from "../../providers/routeros/chainProvider";
import type { SingletonOutputs } from "../../providers/routeros/settingsProvider";
import type { MenuOutputs } from "../../providers/routeros/types";
import type { FakeRouter } from "../../scripts/support/routeros-fake/server";
import { printed, routerOf, startFake } from "./helpers";

let fake: FakeRouter;
beforeAll(async () => {
  fake = await startFake();
});
afterAll(() => fake.stop());
beforeEach(() => clearReadCache());

/** The same fake router under another name (hostname instead of IP, explicit port kept). */
const renamed = () => ({ ...routerOf(fake), url: fake.url.replace("127.0.0.1", "localhost") });

const rule = (comment: string) => ({
  router: routerOf(fake),
  chain: "input",
  action: "accept",
  protocol: "tcp",
  dstPort: "22",
  comment,
});
const ruleIds = () => printed(fake, "ip/firewall/filter").map((r) => r["comment"]);

describe("a changed router URL", () => {
  test("is an update, never a replacement, for every kind of resource", async () => {
    const p = providers.FirewallFilterRule;
    const created = await p.create(rule("url-a"));
    const outs = created.outs as MenuOutputs;
    const news = { ...rule("url-a"), router: renamed() };
    expect(await p.diff(created.id, outs, news)).toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
    const vlanDiff = await providers.Vlan.diff(
      "*1",
      { router: routerOf(fake), name: "v", vlanId: 5, interface: "ether1", routerosId: "*1" },
      { router: { ...renamed(), caFile: "/ca.pem" }, name: "v", vlanId: 5, interface: "ether1" },
    );
    expect(vlanDiff).toMatchObject({ changes: true, replaces: [] });
    const dns = { router: routerOf(fake), servers: ["1.1.1.1"] };
    const dnsOuts = { ...dns, original: {}, routerosId: "ip/dns" } as SingletonOutputs;
    expect(
      await providers.DnsSettings.diff("ip/dns", dnsOuts, { ...dns, router: renamed() }),
    ).toMatchObject({ changes: true, replaces: [] });
    const chain = { router: routerOf(fake), table: "filter" as const, chain: "input", rules: [] };
    const chainOuts: ChainOutputs = {
      ...chain,
      ruleIds: [],
      undeclared: [],
      inOrder: true,
      routerosId: "filter:input",
    };
    expect(
      await providers.FirewallChain.diff("filter:input", chainOuts, {
        ...chain,
        router: renamed(),
      }),
    ).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    await p.delete(created.id, outs);
  });

  test("an update that only changes the connection sends no request", async () => {
    const p = providers.FirewallFilterRule;
    const created = await p.create(rule("url-b"));
    const outs = created.outs as MenuOutputs;
    fake.resetCounts();
    const updated = await p.update(created.id, outs, { ...rule("url-b"), router: renamed() });
    expect(fake.requests()).toBe(0);
    expect(updated.outs).toEqual({ ...outs, router: renamed() });

    const dns = providers.DnsSettings;
    const set = await dns.create({ router: routerOf(fake), servers: ["9.9.9.9"] });
    fake.resetCounts();
    const moved = await dns.update(set.id, set.outs as SingletonOutputs, {
      router: renamed(),
      servers: ["9.9.9.9"],
    });
    expect(fake.requests()).toBe(0);
    expect((moved.outs as SingletonOutputs).original).toEqual(
      (set.outs as SingletonOutputs).original,
    );
    await dns.delete(set.id, moved.outs as SingletonOutputs);
    await p.delete(created.id, updated.outs as MenuOutputs);
  });
});

describe("a delete never removes a row another resource adopted", () => {
  test("create-before-delete replacement keeps the rule, and the new owner removes it later", async () => {
    const p = providers.FirewallFilterRule;
    const old = await p.create(rule("adopted"));
    // The replacement (new URN, or the same URN replaced) adopts the row by chain + comment...
    const replacement = await p.create({ ...rule("adopted"), router: renamed() });
    expect(replacement.id).toBe(old.id);
    // ...then the engine deletes the old resource, by the same id.
    fake.resetCounts();
    await p.delete(old.id, old.outs as MenuOutputs);
    expect(fake.requests("DELETE")).toBe(0);
    expect(ruleIds()).toContain("adopted");
    // The ledger on the router: a script of comment lines only, naming the new owner.
    const [ledger] = printed(fake, "system/script");
    expect(ledger).toMatchObject({ name: "pulumi-adoptions", policy: "read" });
    const lines = (ledger?.["source"] ?? "").split("\n");
    expect(lines.every((l) => l.startsWith("#"))).toBe(true);
    const owner = (replacement.outs as MenuOutputs).owner ?? "";
    expect(owner).not.toBe((old.outs as MenuOutputs).owner);
    expect(lines).toContain(`# adopted ip/firewall/filter ${old.id} by ${owner}`);

    await p.delete(replacement.id, replacement.outs as MenuOutputs);
    expect(ruleIds()).not.toContain("adopted");
    expect(printed(fake, "system/script")).toEqual([]); // the ledger left with its last line
  });

  test("the guard survives a new provider process between the create and the delete", async () => {
    const p = providers.Vlan;
    const inputs = { router: routerOf(fake), name: "mgmt", vlanId: 10, interface: "ether1" };
    const old = await p.create(inputs);
    const replacement = await p.create(inputs);
    expect(replacement.id).toBe(old.id);
    // A deployment stopped after the create; the next one runs in a fresh process.
    clearReadCache();
    registry().ledgerQueues.clear();
    await p.delete(old.id, old.outs as MenuOutputs);
    expect(printed(fake, "interface/vlan").map((r) => r["name"])).toContain("mgmt");
    await p.delete(replacement.id, replacement.outs as MenuOutputs);
    expect(printed(fake, "interface/vlan").map((r) => r["name"])).not.toContain("mgmt");
  });

  test("state written before owner tokens existed does not remove an adopted row", async () => {
    const p = providers.DnsStaticRecord;
    const inputs = { router: routerOf(fake), name: "legacy.t", address: "10.9.0.1" };
    const old = await p.create(inputs);
    const legacy: Partial<MenuOutputs> = { ...(old.outs as MenuOutputs) };
    delete legacy.owner;
    const replacement = await p.create(inputs);
    await p.delete(old.id, legacy as MenuOutputs);
    expect(printed(fake, "ip/dns/static").map((r) => r["name"])).toContain("legacy.t");
    await p.delete(replacement.id, replacement.outs as MenuOutputs);
    expect(printed(fake, "ip/dns/static").map((r) => r["name"])).not.toContain("legacy.t");
  });

  test("a replaced settings resource does not put back its old values over the new ones", async () => {
    const p = providers.SystemIdentity;
    const old = await p.create({ router: routerOf(fake), name: "rtr-a" });
    const replacement = await p.create({ router: renamed(), name: "rtr-b" });
    await p.delete(old.id, old.outs as SingletonOutputs);
    expect(fake.state.settings.get("system/identity")).toEqual({ name: "rtr-b" });
    await p.delete(replacement.id, replacement.outs as SingletonOutputs);
    // The replacement's own delete restores what it found (the first resource's name).
    expect(fake.state.settings.get("system/identity")).toEqual({ name: "rtr-a" });
  });

  test("a resource deleted without any replacement still removes its row", async () => {
    const p = providers.FirewallFilterRule;
    const created = await p.create(rule("plain-delete"));
    await p.delete(created.id, created.outs as MenuOutputs);
    expect(ruleIds()).not.toContain("plain-delete");
  });
});
