/**
 * `npm run bench:routeros [-- --n 500 --latency 20 --parallel 8]`
 *
 * HTTP requests and wall time to create, then refresh (read), N DNS static records through the
 * provider against the in-process fake router with a fixed latency per request and serial
 * processing (like RouterOS's www server). `--parallel` mimics the engine's concurrency
 * (default 4 × cores on a 2-core machine = 8).
 */
import { FakeRouter } from "./support/routeros-fake/server";
import { providers } from "../providers/routeros/runtime";
import { clearReadCache } from "../providers/routeros/registry";
import type { MenuOutputs } from "../providers/routeros/types";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(v) ? v : fallback;
}

async function pool<T, R>(items: T[], parallel: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return out;
}

async function main(): Promise<void> {
  const n = arg("n", 500);
  const latencyMs = arg("latency", 20);
  const parallel = arg("parallel", 8);
  const fake = new FakeRouter({ username: "bench", password: "bench", latencyMs });
  await fake.start();
  const config = {
    get: (k: string) =>
      ({ "baremetal:routerosUsername": "bench", "baremetal:routerosPassword": "bench" })[k],
    require: (k: string) => k,
  };
  const p = providers.DnsStaticRecord;
  await p.configure({ config });
  const inputs = Array.from({ length: n }, (_, i) => ({
    router: { url: fake.url, allowInsecureHttp: true },
    name: `host${i}.bench.internal`,
    address: `10.${(i >> 8) & 255}.${i & 255}.1`,
    ttl: "1h",
  }));

  let t0 = Date.now();
  const created = await pool(inputs, parallel, (i) => p.create(i));
  const createMs = Date.now() - t0;
  const createRequests = fake.requests();

  clearReadCache(); // a refresh runs in a new provider process with an empty cache
  fake.resetCounts();
  t0 = Date.now();
  await pool(created, parallel, (c) => p.read(c.id, c.outs as MenuOutputs));
  const readMs = Date.now() - t0;
  const readRequests = fake.requests();
  await fake.stop();

  const rows = [
    ["create", createRequests, createMs],
    ["refresh", readRequests, readMs],
  ] as const;
  console.log(
    `N=${n} DNS static records, ${latencyMs} ms latency per request, serial router, ${parallel} parallel operations`,
  );
  for (const [op, requests, ms] of rows) {
    console.log(
      `${op.padEnd(8)} ${String(requests).padStart(5)} requests  ${(requests / n).toFixed(3)} req/op  ${(ms / 1000).toFixed(2)} s wall`,
    );
  }
}

void main();
