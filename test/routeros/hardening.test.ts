/**
 * The REST client refuses replies it cannot trust (too large, empty, not JSON rows), values a
 * real router rewrites do not diff forever, timed address-list entries can be adopted, invalid
 * addresses and ports fail offline in `check`, and plain HTTP needs an explicit opt-in.
 */
import { providers } from "../../providers/routeros/runtime";
import { clearReadCache } from "../../providers/routeros/registry";
import type { SingletonOutputs } from "../../providers/routeros/settingsProvider";
import type { MenuOutputs } from "../../providers/routeros/types";
import { checkRules } from "../../components/config/rules";
import { routerSchema } from "../../components/config/schema";
import type { FakeRouter } from "../../scripts/support/routeros-fake/server";
import { printed, routerOf, startFake } from "./helpers";

let fake: FakeRouter;
beforeAll(async () => {
  fake = await startFake();
});
afterAll(() => fake.stop());
beforeEach(() => {
  fake.faults.length = 0;
  clearReadCache();
});

const dns = (name: string) => ({ router: routerOf(fake), name, address: "10.1.0.1" });

describe("REST client", () => {
  test("a reply larger than the cap fails clearly instead of being buffered", async () => {
    const created = await providers.DnsStaticRecord.create(dns("big.t"));
    fake.faults.push({ kind: "body", method: "GET", times: 1, body: `[${" ".repeat(4096)}]` });
    process.env["ROUTEROS_MAX_REPLY_BYTES"] = "1024";
    try {
      clearReadCache();
      const error = await providers.DnsStaticRecord.read(
        created.id,
        created.outs as MenuOutputs,
      ).catch((e: unknown) => e);
      expect(String(error)).toMatch(/exceeds 1024 bytes \(ROUTEROS_MAX_REPLY_BYTES\)/);
    } finally {
      delete process.env["ROUTEROS_MAX_REPLY_BYTES"];
    }
    await providers.DnsStaticRecord.delete(created.id, created.outs as MenuOutputs);
  });

  test.each([
    ["an empty body", ""],
    ["JSON null", "null"],
    ["a bare string", '"ok"'],
    ["a list of non-rows", "[1,2]"],
  ])("%s on a 200 list read is an error, never an empty menu", async (_what, body) => {
    const created = await providers.DnsStaticRecord.create(dns(`empty-${body.length}.t`));
    // Every attempt gets the broken reply (retries included).
    fake.faults.push({ kind: "body", method: "GET", path: "ip/dns/static", times: 10, body });
    clearReadCache();
    const result = await providers.DnsStaticRecord.read(
      created.id,
      created.outs as MenuOutputs,
    ).catch((e: unknown) => e);
    expect(result).toBeInstanceOf(Error);
    expect(String(result)).toMatch(/empty body|not a JSON object|not a list of rows/);
    fake.faults.length = 0;
    await providers.DnsStaticRecord.delete(created.id, created.outs as MenuOutputs);
  });

  test("a transient empty body is retried and the read then succeeds", async () => {
    const created = await providers.DnsStaticRecord.create(dns("retry-empty.t"));
    fake.faults.push({ kind: "body", method: "GET", path: "ip/dns/static", times: 1, body: "" });
    clearReadCache();
    const read = await providers.DnsStaticRecord.read(created.id, created.outs as MenuOutputs);
    expect(read.id).toBe(created.id);
    await providers.DnsStaticRecord.delete(created.id, created.outs as MenuOutputs);
  });
});

describe("values real routers rewrite", () => {
  test("the fake prints them as RouterOS does", () => {
    const ruleRow = fake.state.create("ip/firewall/filter", {
      chain: "fake-check",
      "src-address": "10.0.0.1/32",
      "dst-address": "10.0.0.0/24",
    });
    expect(fake.state.render("ip/firewall/filter", ruleRow)).toMatchObject({
      "src-address": "10.0.0.1",
      "dst-address": "10.0.0.0/24",
    });
    fake.state.remove("ip/firewall/filter", ruleRow.id);
    fake.state.setSettings("ip/dns", { "cache-size": "4096" });
    expect(fake.state.settings.get("ip/dns")?.["cache-size"]).toBe("4096KiB");
    fake.state.setSettings("ip/dns", { "cache-size": "2048KiB" });
    const entry = fake.state.create("ip/firewall/address-list", {
      list: "fake-check",
      address: "10.0.0.1",
      timeout: "1d",
    });
    expect(fake.state.render("ip/firewall/address-list", entry)["dynamic"]).toBe("true");
    (entry.expiresAt as number) -= 5000; // five seconds later
    expect(fake.state.render("ip/firewall/address-list", entry)["timeout"]).toMatch(
      /^23h59m5[0-5]s$/,
    );
    (entry.expiresAt as number) -= 86_400_000; // expired: the router drops it
    expect(fake.state.list("ip/firewall/address-list")).not.toContain(entry);
  });

  test("a firewall address given as /32 reads back without a diff", async () => {
    const p = providers.FirewallFilterRule;
    const inputs = {
      router: routerOf(fake),
      chain: "input",
      action: "accept",
      comment: "host-32",
      srcAddress: "10.20.0.5/32",
      dstAddress: "!192.0.2.1/32",
    };
    const created = await p.create(inputs);
    clearReadCache();
    const read = await p.read(created.id, created.outs as MenuOutputs);
    expect(read.inputs).toEqual(inputs);
    expect((await p.diff(created.id, read.props as MenuOutputs, inputs)).changes).toBe(false);
    await p.delete(created.id, created.outs as MenuOutputs);
  });

  test("DNS cache-size printed with KiB reads back without a diff", async () => {
    const p = providers.DnsSettings;
    for (const cacheSize of [4096, "8192", "2048KiB"]) {
      const inputs = { router: routerOf(fake), cacheSize };
      const created = await p.create(inputs);
      clearReadCache();
      const read = await p.read(created.id, created.outs as SingletonOutputs);
      expect(read.inputs).toEqual(inputs);
      expect((await p.diff(created.id, read.props as SingletonOutputs, inputs)).changes).toBe(
        false,
      );
      await p.delete(created.id, created.outs as SingletonOutputs);
    }
  });

  test("a timed address-list entry reporting its time left reads back without a diff", async () => {
    const p = providers.AddressListEntry;
    const inputs = { router: routerOf(fake), list: "timed", address: "10.30.0.1", timeout: "1d" };
    const created = await p.create(inputs);
    await new Promise((r) => setTimeout(r, 1100)); // the router's countdown moves on
    clearReadCache();
    const row = printed(fake, "ip/firewall/address-list").find((r) => r[".id"] === created.id);
    expect(row?.["timeout"]).not.toBe("1d");
    const read = await p.read(created.id, created.outs as MenuOutputs);
    expect(read.inputs).toEqual(inputs);
    expect((await p.diff(created.id, read.props as MenuOutputs, inputs)).changes).toBe(false);
    await p.delete(created.id, created.outs as MenuOutputs);
  });

  test("a timed entry whose create reply was lost is adopted on retry", async () => {
    const p = providers.AddressListEntry;
    fake.faults.push({ kind: "apply-then-reset", method: "PUT", path: "address-list", times: 1 });
    const inputs = { router: routerOf(fake), list: "timed", address: "10.30.0.2", timeout: "1h" };
    const created = await p.create(inputs);
    const rows = printed(fake, "ip/firewall/address-list").filter(
      (r) => r["address"] === "10.30.0.2",
    );
    expect(rows.map((r) => r[".id"])).toEqual([created.id]);
    expect(rows[0]?.["dynamic"]).toBe("true");
    // And a second create of the same entry (a retried deployment) adopts it too.
    const again = await p.create(inputs);
    expect(again.id).toBe(created.id);
    await p.delete(again.id, again.outs as MenuOutputs);
    await p.delete(created.id, created.outs as MenuOutputs);
  });
});

describe("check refuses invalid addresses and ports offline", () => {
  const router = { url: "https://10.0.0.1" };
  const failuresOf = async (type: keyof typeof providers, values: Record<string, unknown>) => {
    const { failures } = await providers[type].check({} as never, { router, ...values } as never);
    return failures ?? [];
  };
  const rule = { chain: "input", action: "accept", comment: "c" };

  test.each([
    ["IpAddress", { address: "10.0.0.300/24", interface: "e1" }, "address", "10.0.0.300/24"],
    ["IpAddress", { address: "10.0.0.1/33", interface: "e1" }, "address", "10.0.0.1/33"],
    ["IpAddress", { address: "2001:db8::1/129", interface: "e1" }, "address", "/129"],
    ["IpRoute", { dstAddress: "10.0.0.0/40", gateway: "10.0.0.1" }, "dstAddress", "/40"],
    ["FirewallFilterRule", { ...rule, dstPort: "70000" }, "dstPort", "70000"],
    ["FirewallFilterRule", { ...rule, dstPort: "2000-1000" }, "dstPort", "2000-1000"],
    ["FirewallFilterRule", { ...rule, srcPort: "22,abc" }, "srcPort", "22,abc"],
    ["FirewallFilterRule", { ...rule, srcAddress: "10.0.0.9-10.0.0.1" }, "srcAddress", "10.0.0.9"],
    ["FirewallFilterRule", { ...rule, dstAddress: "300.1.1.1" }, "dstAddress", "300.1.1.1"],
    ["NatRule", { ...rule, action: "dst-nat", toPorts: "65536" }, "toPorts", "65536"],
    ["NatRule", { ...rule, action: "dst-nat", toAddresses: "10.0.0.256" }, "toAddresses", "256"],
    ["AddressListEntry", { list: "l", address: "10.0.0.300" }, "address", "10.0.0.300"],
    ["DnsStaticRecord", { name: "a.t", address: "10.0.0.256" }, "address", "10.0.0.256"],
    ["Netwatch", { host: "10.1.1" }, "host", "10.1.1"],
  ] as const)("%s %j fails on %s", async (type, values, prop, shown) => {
    const failures = await failuresOf(type, values);
    expect(failures).toHaveLength(1);
    expect(failures[0]?.property).toBe(prop);
    expect(failures[0]?.reason).toContain(prop);
    expect(failures[0]?.reason).toContain(shown);
  });

  test.each([
    ["IpAddress", { address: "10.0.0.1/24", interface: "e1" }],
    ["IpAddress", { address: "2001:db8::1/64", interface: "e1" }],
    ["IpRoute", { dstAddress: "0.0.0.0/0", gateway: "ether1" }],
    [
      "FirewallFilterRule",
      { ...rule, srcAddress: "!10.0.0.0/8", dstAddress: "10.0.0.1-10.0.0.9", dstPort: "80,443" },
    ],
    ["FirewallFilterRule", { ...rule, dstPort: "1000-2000", srcPort: "!22" }],
    ["NatRule", { ...rule, action: "dst-nat", toAddresses: "10.0.0.5", toPorts: "8443" }],
    ["AddressListEntry", { list: "l", address: "updates.example.com" }],
    ["AddressListEntry", { list: "l", address: "10.0.0.0/8" }],
    ["DnsStaticRecord", { name: "a.t", address: "2001:db8::5" }],
  ] as const)("%s %j passes", async (type, values) => {
    expect(await failuresOf(type, values)).toEqual([]);
  });
});

describe("plain HTTP needs an explicit opt-in", () => {
  test("check refuses an http:// router URL without allowInsecureHttp", async () => {
    const inputs = { router: { url: "http://10.0.0.1" }, name: "r1" };
    const { failures } = await providers.SystemIdentity.check({} as never, inputs);
    expect(failures).toEqual([
      { property: "router", reason: expect.stringMatching(/in clear.*allowInsecureHttp: true/) },
    ]);
    const allowed = { ...inputs, router: { url: "http://10.0.0.1", allowInsecureHttp: true } };
    expect((await providers.SystemIdentity.check({} as never, allowed)).failures).toEqual([]);
    const chain = {
      router: { url: "http://10.0.0.1" },
      table: "filter",
      chain: "input",
      rules: [],
    };
    const chainCheck = await providers.FirewallChain.check({} as never, chain as never);
    expect(chainCheck.failures?.map((f) => f.property)).toEqual(["router"]);
  });

  test("no request goes out over plain HTTP without the opt-in", async () => {
    fake.resetCounts();
    const router = { url: routerOf(fake).url };
    const error = await providers.DnsStaticRecord.create({ router, name: "clear.t" }).catch(
      (e: unknown) => e,
    );
    expect(String(error)).toMatch(/refusing plain HTTP/);
    expect(fake.requests()).toBe(0);
  });

  test("the stack config refuses an http:// restUrl unless allowInsecureHttp is set", () => {
    const router = {
      name: "rtr-1",
      model: "CCR2004",
      restUrl: "http://10.10.0.2",
      vrrpPriority: 200,
      addresses: {},
      trunkInterface: "sfp-sfpplus1",
    };
    // The schema takes the shape; the rule refuses the combination, with the key path.
    const issuesOf = (raw: object) => checkRules({ routers: [routerSchema.parse(raw)] });
    expect(issuesOf(router).map((i) => [i.path, i.message])).toEqual([
      ["baremetal:routers[0].restUrl", expect.stringContaining("allowInsecureHttp: true")],
    ]);
    expect(issuesOf({ ...router, allowInsecureHttp: true })).toEqual([]);
    const https = routerSchema.parse({ ...router, restUrl: "https://10.10.0.2" });
    expect(https.allowInsecureHttp).toBe(false);
  });
});
