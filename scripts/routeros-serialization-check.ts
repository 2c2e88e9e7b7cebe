/**
 * Plain-Node serialization round trip of every RouterOS provider as resources store it (what
 * `dynamic.Resource` and the dynamic-provider host do), run outside Jest because Jest can make a
 * broken closure serialize.
 *
 * For each type: configure the runtime with a secret, take the thin provider text resources store
 * (providers/shared/thinText.ts), check the size budget, that it names the runtime package and
 * that no secret or password text appears, load the text as a fresh module (like require-from-string
 * in the host), then call `configure`, `check` and `diff` on the loaded copy. Those calls must be
 * served by the built `@baremetal/routeros-runtime` bundle and answer exactly what the TypeScript
 * provider class answers. Prints one JSON line per type and exits non-zero on any failure.
 *
 * Expects a fresh bundle: the test builds it first (`node scripts/build-routeros-runtime.mjs`).
 */
import * as fs from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { providers } from "../providers/routeros/runtime";
import { routerosRuntime } from "../providers/routeros/runtime-freshness";
import { loadStoredProvider } from "./support/storedProvider";
import { ROUTEROS, thinProviders, type RuntimeProvider } from "../providers/routeros/thinProvider";
import type { MenuSpec } from "../providers/routeros/types";

const SECRET = `pw-${Math.random().toString(36).slice(2)}-never-serialized`;

// Stands in for an SNMPv3 password the program passes as an input.
const INPUT_SECRET = `snmp-${Math.random().toString(36).slice(2)}-input`;

const SAMPLES: Record<string, Record<string, unknown>> = {
  FirewallChain: { table: "filter", chain: "input", rules: ["a", "b"] },
  SnmpSettings: { enabled: true, contact: "noc@example.com", location: "sp1" },
  SnmpCommunity: {
    name: "monitoring",
    addresses: ["10.20.0.0/24"],
    security: "private",
    authenticationProtocol: "SHA1",
    authenticationPassword: INPUT_SECRET,
    encryptionProtocol: "AES",
    encryptionPassword: INPUT_SECRET,
  },
};

/**
 * A check failure about a secret field must not quote it: failures are printed by the CLI and
 * kept in CI logs. Returns the number of secret fields probed.
 */
async function probeSecretFailures(
  name: string,
  loaded: RuntimeProvider,
  news: Record<string, unknown>,
): Promise<number> {
  const spec = (providers as Record<string, { spec?: MenuSpec }>)[name]?.spec;
  const secrets = Object.entries(spec?.fields ?? {}).filter(([, f]) => f.secret);
  for (const [prop, f] of secrets) {
    // Too short where a minimum length applies, else not a string at all.
    const bad = f.minLength !== undefined ? "short" : { nested: INPUT_SECRET };
    const { failures } = await loaded.check({}, { ...news, [prop]: bad });
    const mine = (failures ?? []).filter((fl) => fl.property === prop);
    if (mine.length === 0) throw new Error(`check accepted an invalid ${prop}`);
    const text = JSON.stringify(failures);
    if (text.includes(INPUT_SECRET) || (typeof bad === "string" && text.includes(bad))) {
      throw new Error(`a check failure quotes the secret ${prop}`);
    }
  }
  return secrets.length;
}

async function main(): Promise<void> {
  const config = {
    get: (k: string) =>
      ({ "baremetal:routerosUsername": "admin", "baremetal:routerosPassword": SECRET })[k],
    require: (k: string) => k,
  };
  let failed = false;
  if (routerosRuntime.builtRuntimeHash() !== routerosRuntime.runtimeSourceHash()) {
    console.log(JSON.stringify({ provider: "*", ok: false, error: "runtime bundle is stale" }));
    process.exitCode = 1;
    return;
  }
  const bundlePath = fs.realpathSync(routerosRuntime.runtimeBundle);
  for (const [name, impl] of Object.entries(providers)) {
    const type = name as keyof typeof providers;
    const result: Record<string, unknown> = { provider: name };
    try {
      const thin = thinProviders[type];
      // A configured provider is the worst case: credentials must still not be captured.
      await thin.configure({ config } as unknown as Parameters<typeof thin.configure>[0]);
      const { text, provider: loaded } = await loadStoredProvider<RuntimeProvider>(ROUTEROS, type, {
        bundlePath,
        secrets: [SECRET, INPUT_SECRET],
        first: (provider) =>
          provider.configure({ config } as unknown as Parameters<typeof provider.configure>[0]),
      });
      result["bytes"] = text.length;
      const news = {
        router: { url: "http://127.0.0.1:1", allowInsecureHttp: true },
        ...(SAMPLES[name] ?? {}),
      };
      const olds = { ...news, routerosId: "*1" };
      const checked = await loaded.check({}, news);
      const diff = await loaded.diff("*1", olds, news);
      result["checkFailures"] = checked.failures?.length ?? 0;
      result["diffChanges"] = diff.changes;
      if (name in SAMPLES && (checked.failures?.length ?? 0) > 0) {
        throw new Error("the sample inputs fail check");
      }
      result["secretFieldsProbed"] = await probeSecretFailures(name, loaded, news);
      // Same answers as the TypeScript class the other tests exercise.
      const direct = impl as RuntimeProvider;
      if (!isDeepStrictEqual(checked, await direct.check({}, news))) {
        throw new Error("check through the runtime differs from the TypeScript provider");
      }
      if (!isDeepStrictEqual(diff, await direct.diff("*1", olds, news))) {
        throw new Error("diff through the runtime differs from the TypeScript provider");
      }
      result["ok"] = true;
    } catch (e) {
      result["ok"] = false;
      result["error"] = String(e).slice(0, 600);
      failed = true;
    }
    console.log(JSON.stringify(result));
  }
  process.exitCode = failed ? 1 : 0;
}

void main();
