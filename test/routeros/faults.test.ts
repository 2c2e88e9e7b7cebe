import { providers } from "../../providers/routeros/runtime";
import { clearReadCache, registry } from "../../providers/routeros/registry";
import type { MenuOutputs } from "../../providers/routeros/types";
import type { FakeRouter } from "../../scripts/support/routeros-fake/server";
import { PASSWORD, printed, routerOf, startFake } from "./helpers";

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
const names = () => printed(fake, "ip/dns/static").map((r) => r["name"]);

test("a transient 503 on a read is retried", async () => {
  const created = await providers.DnsStaticRecord.create(dns("r1.t"));
  clearReadCache();
  fake.faults.push({ kind: "status", status: 503, method: "GET", times: 2 });
  fake.resetCounts();
  const read = await providers.DnsStaticRecord.read(created.id, created.outs as MenuOutputs);
  expect(read.id).toBe(created.id);
  expect(fake.requests("GET")).toBe(3);
});

test("a connection reset on an update is retried", async () => {
  const created = await providers.DnsStaticRecord.create(dns("r2.t"));
  fake.faults.push({ kind: "reset", method: "PATCH", times: 1 });
  const news = { ...dns("r2.t"), ttl: "1h" };
  await providers.DnsStaticRecord.update(created.id, created.outs as MenuOutputs, news);
  expect(printed(fake, "ip/dns/static").find((r) => r[".id"] === created.id)?.["ttl"]).toBe("1h");
  expect(fake.requests("PATCH")).toBeGreaterThanOrEqual(2);
});

test("a create applied before the connection dropped leaves no duplicate", async () => {
  fake.faults.push({ kind: "apply-then-reset", method: "PUT", times: 1 });
  const created = await providers.DnsStaticRecord.create(dns("r3.t"));
  expect(names().filter((n) => n === "r3.t")).toHaveLength(1);
  expect(printed(fake, "ip/dns/static").find((r) => r["name"] === "r3.t")?.[".id"]).toBe(
    created.id,
  );
});

test("an interface create applied before the connection dropped is adopted", async () => {
  fake.faults.push({ kind: "apply-then-reset", method: "PUT", times: 1 });
  const created = await providers.Vlan.create({
    router: routerOf(fake),
    name: "vl-fault",
    vlanId: 77,
    interface: "ether1",
  });
  const vlans = printed(fake, "interface/vlan").filter((r) => r["name"] === "vl-fault");
  expect(vlans.map((r) => r[".id"])).toEqual([created.id]);
});

test("a create that keeps failing with 503 gives a clear error and creates nothing", async () => {
  fake.faults.push({ kind: "status", status: 503, method: "PUT", times: 10 });
  await expect(providers.DnsStaticRecord.create(dns("r4.t"))).rejects.toThrow(
    /RouterOS PUT \/rest\/ip\/dns\/static: HTTP 503 Service Unavailable/,
  );
  expect(names()).not.toContain("r4.t");
});

test("repeated 5xx on a read gives up with method, path and status", async () => {
  fake.faults.push({ kind: "status", status: 500, detail: "boom", method: "GET", times: 10 });
  const error = await providers.DnsStaticRecord.read("*1", {
    ...dns("x"),
    routerosId: "*1",
  }).catch((e: unknown) => e as Error);
  expect(String(error)).toMatch(
    /GET \/rest\/ip\/dns\/static: HTTP 500 Internal Server Error: boom/,
  );
  expect(String(error)).toMatch(/gave up after 4 attempts/);
});

test("400 errors carry the RouterOS detail and are not retried", async () => {
  fake.resetCounts();
  const bad = { router: routerOf(fake), name: "v-bad", vlanId: 5, interface: "nope0" };
  await expect(providers.Vlan.create(bad)).rejects.toThrow(
    /HTTP 400 Bad Request: input does not match any value of interface/,
  );
  expect(fake.requests("PUT")).toBe(1);
});

test("wrong credentials fail with 401, naming the user but never the password", async () => {
  const saved = registry().credentials;
  registry().credentials = { username: "pulumi", password: "wrong" };
  try {
    const error = await providers.DnsStaticRecord.create(dns("r5.t")).catch((e: unknown) => e);
    expect(String(error)).toMatch(/HTTP 401 Unauthorized.*"pulumi"/);
    expect(String(error)).not.toContain("wrong");
    expect(String(error)).not.toContain(PASSWORD);
  } finally {
    registry().credentials = saved;
  }
});

test("HTML instead of JSON is reported, not parsed", async () => {
  const router = { url: `${fake.url}/not-rest`, allowInsecureHttp: true };
  const error = await providers.SystemIdentity.read("system/identity", {
    router,
    name: "x",
    original: {},
    routerosId: "system/identity",
  }).catch((e: unknown) => e);
  expect(String(error)).toMatch(/HTTP 404/);
});
