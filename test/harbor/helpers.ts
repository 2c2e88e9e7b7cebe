/** Shared setup for Harbor provider tests: a fake Harbor and configured providers. */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { FakeHarbor, type FakeHarborOptions } from "../fakes/harbor/server";
import { providers } from "../../providers/harbor/providers";
import { harborRegistry } from "../../providers/harbor/registry";

export const USER = "admin";
export const PASSWORD = "Harbor-test-Passw0rd";

// Fast backoff keeps retry tests quick; behaviour is the same as in production.
process.env["HARBOR_RETRY_BASE_MS"] = "5";

export function configFor(values: Record<string, string>): dynamic.ConfigureRequest {
  return {
    config: { get: (k: string) => values[k], require: (k: string) => values[k] ?? k },
  } as unknown as dynamic.ConfigureRequest;
}

export async function startFake(options: FakeHarborOptions = {}): Promise<FakeHarbor> {
  const fake = new FakeHarbor({ username: USER, password: PASSWORD, ...options });
  await fake.start();
  harborRegistry().agents.clear();
  const req = configFor({
    "baremetal:harborUsername": USER,
    "baremetal:harborAdminPassword": PASSWORD,
  });
  for (const p of Object.values(providers)) await p.configure(req);
  return fake;
}

/** `check` must pass; returns the canonical inputs. */
export async function checked<I>(
  p: { check(olds: I, news: I): Promise<dynamic.CheckResult<I>> },
  news: Record<string, unknown>,
): Promise<I> {
  const r = await p.check({} as I, news as I);
  if (r.failures?.length) throw new Error(`check failed: ${JSON.stringify(r.failures)}`);
  return r.inputs as I;
}

export function connectionOf(fake: FakeHarbor) {
  return { url: fake.url };
}

/** The value, or a test failure naming what was missing. */
export function must<T>(value: T | undefined | null, what = "value"): T {
  if (value === undefined || value === null) throw new Error(`expected a ${what}`);
  return value;
}
