/**
 * What the conformance commands share (`npm run routeros:conformance`, `npm run
 * harbor:conformance`): the command line, the step recorder and the pass/fail report. Each
 * provider's own run (scripts/<name>-conformance-run.ts) says what the steps are.
 */

export interface StepResult {
  type: string;
  step: string;
  ok: boolean;
  requests: number;
  ms: number;
  error?: string;
}

export interface ConnectionArgs {
  url: string;
  user: string;
  caFile?: string;
  insecure?: true;
  allowInsecureHttp?: true;
}

/**
 * `--url URL --user USER [--ca FILE | --insecure]`, plus `--allow-insecure-http` where the
 * provider has it. Passwords never come from the command line.
 */
export function parseConnectionArgs(
  argv: readonly string[],
  options: { usage: string; allowInsecureHttp?: boolean },
): ConnectionArgs {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    if (a === "--insecure") args.set("insecure", "true");
    else if (options.allowInsecureHttp && a === "--allow-insecure-http") {
      args.set("allow-insecure-http", "true");
    } else if (a.startsWith("--")) args.set(a.slice(2), argv[++i] ?? "");
  }
  const url = args.get("url");
  const user = args.get("user");
  if (!url || !user) throw new Error(`usage: ${options.usage}`);
  if (args.has("ca") && args.has("insecure")) throw new Error("--ca and --insecure are exclusive");
  const parsed: ConnectionArgs = { url, user };
  const ca = args.get("ca");
  if (ca) parsed.caFile = ca;
  if (args.has("insecure")) parsed.insecure = true;
  if (args.has("allow-insecure-http")) parsed.allowInsecureHttp = true;
  return parsed;
}

/**
 * Runs named steps, recording each one's outcome, duration and the requests it sent (read from
 * `requestsSent`, the provider's own counter). A failed step is recorded, not thrown.
 */
export function stepRecorder(requestsSent: () => number) {
  const results: StepResult[] = [];
  const step = async (type: string, name: string, fn: () => Promise<void>): Promise<boolean> => {
    const before = requestsSent();
    const t0 = Date.now();
    const record = (outcome: { ok: boolean; error?: string }) =>
      results.push({
        type,
        step: name,
        requests: requestsSent() - before,
        ms: Date.now() - t0,
        ...outcome,
      });
    try {
      await fn();
      record({ ok: true });
      return true;
    } catch (e) {
      record({ ok: false, error: e instanceof Error ? e.message : String(e) });
      return false;
    }
  };
  const expect = (cond: boolean, what: string): void => {
    if (!cond) throw new Error(what);
  };
  return { results, step, expect };
}

/** The results as an aligned table. */
export function resultsTable(results: readonly StepResult[]): string {
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

/** Prints the table and the summary line; the exit code is 1 when any step failed. */
export function report(results: readonly StepResult[]): void {
  console.log(resultsTable(results));
  const failed = results.filter((r) => !r.ok).length;
  const requests = results.reduce((n, r) => n + r.requests, 0);
  console.log(`\n${results.length - failed}/${results.length} steps passed, ${requests} requests`);
  process.exitCode = failed > 0 ? 1 : 0;
}

/** Runs a command's `main`, printing only the message of what it throws (exit code 2). */
export function runCommand(main: () => Promise<void>): void {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 2;
  });
}
