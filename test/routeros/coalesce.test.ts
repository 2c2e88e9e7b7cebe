import { providers } from "../../providers/routeros/runtime";
import { clearReadCache } from "../../providers/routeros/registry";
import type { MenuOutputs } from "../../providers/routeros/types";
import type { FakeRouter } from "../../scripts/support/routeros-fake/server";
import { routerOf, startFake } from "./helpers";

let fake: FakeRouter;
beforeAll(async () => {
  fake = await startFake({ latencyMs: 2 });
});
afterAll(() => fake.stop());

test("refreshing many records of one menu costs one list read", async () => {
  const p = providers.DnsStaticRecord;
  const inputs = Array.from({ length: 60 }, (_, i) => ({
    router: routerOf(fake),
    name: `h${i}.coalesce`,
    address: `10.2.0.${i + 1}`,
  }));
  fake.resetCounts();
  const created = await Promise.all(inputs.map((i) => p.create(i)));
  // one shared lookup for adoption, then one PUT per record
  expect(fake.requests("GET")).toBe(1);
  expect(fake.requests("PUT")).toBe(60);

  clearReadCache();
  fake.resetCounts();
  const reads = await Promise.all(created.map((c) => p.read(c.id, c.outs as MenuOutputs)));
  expect(reads.map((r) => r.id)).toEqual(created.map((c) => c.id));
  expect(fake.requests()).toBe(1);
});

test("reads see this process's own writes without another request", async () => {
  const p = providers.DnsStaticRecord;
  const a = await p.create({ router: routerOf(fake), name: "w.coalesce", address: "10.3.0.1" });
  const news = { router: routerOf(fake), name: "w.coalesce", address: "10.3.0.2" };
  await p.update(a.id, a.outs as MenuOutputs, news);
  fake.resetCounts();
  const read = await p.read(a.id, { ...news, routerosId: a.id });
  expect(read.props?.["address"]).toBe("10.3.0.2");
  expect(fake.requests()).toBe(0);
});
