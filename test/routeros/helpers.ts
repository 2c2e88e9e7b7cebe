/** Shared setup for provider tests: a fake router and configured providers. */
import { FakeRouter, type FakeOptions } from "../../scripts/support/routeros-fake/server";
import { providers } from "../../providers/routeros/runtime";
import { clearReadCache, registry } from "../../providers/routeros/registry";

export const USER = "pulumi";
export const PASSWORD = "s3cret-test-password";

// Fast backoff keeps retry tests quick; behaviour is the same as in production.
process.env["ROUTEROS_RETRY_BASE_MS"] = "5";

export async function startFake(options: FakeOptions = {}): Promise<FakeRouter> {
  const fake = new FakeRouter({ username: USER, password: PASSWORD, ...options });
  await fake.start();
  clearReadCache();
  registry().agents.clear();
  const config = {
    get: (k: string) =>
      ({ "baremetal:routerosUsername": USER, "baremetal:routerosPassword": PASSWORD })[k],
    require: (k: string) => k,
  };
  for (const p of Object.values(providers)) await p.configure({ config });
  return fake;
}

/** The fake serves plain HTTP (`www`), which a connection must allow explicitly. */
export function routerOf(fake: FakeRouter) {
  return { url: fake.url, allowInsecureHttp: true };
}

/** Rows of a menu as the router prints them. */
export function printed(fake: FakeRouter, menu: string): Record<string, string>[] {
  return fake.state.list(menu).map((r) => fake.state.render(menu, r));
}

/** Everything configured on the fake, for "left as found" comparisons (ids excluded). */
export function snapshot(fake: FakeRouter): unknown {
  const menus: Record<string, unknown> = {};
  for (const [menu, rows] of fake.state.rows) {
    menus[menu] = rows.map((r) =>
      Object.fromEntries(Object.entries(fake.state.render(menu, r)).filter(([k]) => k !== ".id")),
    );
  }
  for (const [menu, values] of fake.state.settings) menus[menu] = values;
  return menus;
}
