import { providers } from "../../providers/routeros/runtime";
import { clearReadCache } from "../../providers/routeros/registry";
import type { SingletonOutputs } from "../../providers/routeros/settingsProvider";
import type { FakeRouter } from "../../scripts/support/routeros-fake/server";
import { routerOf, startFake } from "./helpers";

let fake: FakeRouter;
beforeAll(async () => {
  fake = await startFake();
});
afterAll(() => fake.stop());

test("DNS settings: set, read without diff, drift, restore on delete", async () => {
  const p = providers.DnsSettings;
  const before = { ...fake.state.settings.get("ip/dns") };
  const inputs = {
    router: routerOf(fake),
    servers: ["1.1.1.1", "9.9.9.9"],
    allowRemoteRequests: true,
    cacheMaxTtl: "168h",
  };
  const created = await p.create(inputs);
  const outs = created.outs as SingletonOutputs;
  expect(fake.state.settings.get("ip/dns")).toMatchObject({
    servers: "1.1.1.1,9.9.9.9",
    "allow-remote-requests": "true",
    "cache-max-ttl": "1w",
  });
  clearReadCache();
  const read = await p.read(created.id, outs);
  expect((await p.diff(created.id, read.props as SingletonOutputs, inputs)).changes).toBe(false);

  fake.state.setSettings("ip/dns", { servers: "8.8.8.8" });
  clearReadCache();
  const drifted = await p.read(created.id, outs);
  expect((await p.diff(created.id, drifted.props as SingletonOutputs, inputs)).changes).toBe(true);

  fake.resetCounts();
  await p.delete(created.id, outs);
  // One write to the menu; the ownership ledger line is dropped with the script it was in.
  expect(fake.requests("POST")).toBe(1);
  expect(fake.requests("POST", "/rest/ip/dns/set")).toBe(1);
  expect(fake.state.list("system/script")).toEqual([]);
  expect(fake.state.settings.get("ip/dns")).toEqual(before);
});

test("system identity: update keeps the first original, delete restores it", async () => {
  const p = providers.SystemIdentity;
  const created = await p.create({ router: routerOf(fake), name: "r1" });
  const outs = created.outs as SingletonOutputs;
  expect(fake.state.settings.get("system/identity")).toEqual({ name: "r1" });
  const updated = await p.update(created.id, outs, {
    router: routerOf(fake),
    name: "r1-core",
  });
  expect(fake.state.settings.get("system/identity")).toEqual({ name: "r1-core" });
  await p.delete(created.id, updated.outs as SingletonOutputs);
  expect(fake.state.settings.get("system/identity")).toEqual({ name: "MikroTik" });
});

test("settings menus reject PATCH, as on the router", async () => {
  expect(() => fake.route("PATCH", new URL(`${fake.url}/rest/ip/dns`), "{}")).toThrow(
    /no such command/,
  );
});
