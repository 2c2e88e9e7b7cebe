/**
 * `npm run harbor:conformance -- --url https://HARBOR --user USER [--ca FILE | --insecure]`
 *
 * Runs the full lifecycle of every Harbor resource type through the provider code against a real
 * Harbor (or the fake) under a random `conformance-xxxxx` name prefix, cleans up, prints a
 * pass/fail table with request counts and exits non-zero on any failure. The password comes from
 * HARBOR_PASSWORD, never from the command line.
 */
import { providers } from "../providers/harbor/providers";
import type { HarborConnection } from "../providers/harbor/types";
import { runConformance, type StepResult } from "./harbor-conformance-run";

function parseArgs(argv: string[]): { conn: HarborConnection; user: string } {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    if (a === "--insecure") args.set("insecure", "true");
    else if (a.startsWith("--")) args.set(a.slice(2), argv[++i] ?? "");
  }
  const url = args.get("url");
  const user = args.get("user");
  if (!url || !user)
    throw new Error("usage: --url https://HARBOR --user USER [--ca FILE | --insecure]");
  if (args.has("ca") && args.has("insecure")) throw new Error("--ca and --insecure are exclusive");
  const conn: HarborConnection = { url };
  const ca = args.get("ca");
  if (ca) conn.caFile = ca;
  if (args.has("insecure")) conn.insecure = true;
  return { conn, user };
}

function table(results: StepResult[]): string {
  const rows = results.map((r) => [
    r.type,
    r.step,
    r.ok ? "PASS" : "FAIL",
    String(r.requests),
    `${r.ms}ms`,
    r.error ?? "",
  ]);
  const head = ["type", "step", "result", "requests", "time", "error"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(head), ...rows.map(line)].join("\n");
}

async function main(): Promise<void> {
  const { conn, user } = parseArgs(process.argv.slice(2));
  const password = process.env["HARBOR_PASSWORD"] ?? "";
  if (password === "") throw new Error("set HARBOR_PASSWORD");
  const config = {
    get: (k: string) =>
      ({ "baremetal:harborUsername": user, "baremetal:harborAdminPassword": password })[k],
    require: (k: string) => k,
  };
  for (const p of Object.values(providers)) await p.configure({ config });
  const results = await runConformance(conn);
  console.log(table(results));
  const failed = results.filter((r) => !r.ok).length;
  const requests = results.reduce((n, r) => n + r.requests, 0);
  console.log(`\n${results.length - failed}/${results.length} steps passed, ${requests} requests`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 2;
});
