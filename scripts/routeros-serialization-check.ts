/**
 * Plain-Node serialization round trip of every RouterOS provider (what `dynamic.Resource` and the
 * dynamic-provider host do), run outside Jest because Jest can make a broken closure serialize.
 *
 * For each provider: serialize with `pulumi.runtime.serializeFunction`, check the size budget and
 * that no configured secret appears in the text, load the text as a fresh module (like
 * require-from-string in the host), then call `configure`, `check` and `diff` on the loaded copy.
 * Prints one JSON line per provider and exits non-zero on any failure.
 */
import * as pulumi from "@pulumi/pulumi";
import Module from "node:module";
import { providers } from "../providers/routeros/providers";

// ~45 KB compiled by tsc, ~60 KB by tsx; see the report on state size.
const SIZE_BUDGET = 64_000;
const SECRET = `pw-${Math.random().toString(36).slice(2)}-never-serialized`;

interface Loaded {
  configure?: (req: { config: { get(k: string): string | undefined } }) => Promise<void>;
  check?: (olds: unknown, news: unknown) => Promise<{ failures?: unknown[] }>;
  diff?: (id: string, olds: unknown, news: unknown) => Promise<{ changes?: boolean }>;
}

function loadFromString(text: string): unknown {
  const m = new Module("<serialized-provider>");
  m.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(
    process.cwd(),
  );
  (m as unknown as { _compile(code: string, file: string): void })._compile(text, "provider.js");
  return (m.exports as { handler: () => unknown }).handler();
}

const SAMPLES: Record<string, Record<string, unknown>> = {
  FirewallChain: { table: "filter", chain: "input", rules: ["a", "b"] },
};

async function main(): Promise<void> {
  const config = {
    get: (k: string) =>
      ({ "baremetal:routerosUsername": "admin", "baremetal:routerosPassword": SECRET })[k],
    require: (k: string) => k,
  };
  let failed = false;
  for (const [name, provider] of Object.entries(providers)) {
    const result: Record<string, unknown> = { provider: name };
    try {
      // A configured provider is the worst case: credentials must still not be captured.
      await provider.configure({ config } as unknown as Parameters<typeof provider.configure>[0]);
      const sf = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
      result["bytes"] = sf.text.length;
      if (sf.text.length > SIZE_BUDGET) throw new Error(`closure over budget (${SIZE_BUDGET})`);
      if (sf.text.includes(SECRET)) throw new Error("secret found in serialized provider");
      const loaded = loadFromString(sf.text) as Loaded;
      await loaded.configure?.({ config });
      const news = { router: { url: "http://127.0.0.1:1" }, ...(SAMPLES[name] ?? {}) };
      const checked = await loaded.check?.({}, news);
      result["checkFailures"] = checked?.failures?.length ?? 0;
      const diff = await loaded.diff?.("*1", { ...news, routerosId: "*1" }, news);
      result["diffChanges"] = diff?.changes;
      result["ok"] = typeof loaded.check === "function" && typeof loaded.diff === "function";
      if (!result["ok"]) failed = true;
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
