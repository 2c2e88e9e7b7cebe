/**
 * `npm run bench:preview [-- --runs N]`
 *
 * Measures the offline preview as a user runs it (a new process each time, through the compiled
 * entry `scripts/run-compiled.cjs`) beside its floor: a bare-SDK process that loads only
 * @pulumi/pulumi and registers the same resources (types, names, parents, inputs) under mocks
 * (`scripts/bench/floor-once.cjs`). Preview and floor runs alternate, so load on the machine falls
 * on both alike. Rows: production, and synthetic stacks of 5, 25 and 50 hosts for growth.
 * Reports medians of N runs (default 5) and the preview/floor ratios of wall and CPU time.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { syntheticStackYaml } from "./support/stacks/synthetic";

const ROOT = path.resolve(__dirname, "..");
const COMPILE_CACHE = path.join(tmpdir(), "baremetal-bench-compile-cache");

interface Sample {
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
  resources: number;
  ok: boolean;
}

/** Runs one Node process and reads the JSON line it prints last. */
function measure(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Sample {
  const started = performance.now();
  const stdout = execFileSync(process.execPath, [script, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    // The program's warnings (the same in every run) would bury the table; a failing run throws
    // with its stderr attached.
    stdio: ["ignore", "pipe", "pipe"],
    // Both sides keep Node's compile cache, as the preview's own entry does (main.js).
    env: { ...process.env, NODE_COMPILE_CACHE: COMPILE_CACHE, ...env },
  });
  const wallMs = Math.round(performance.now() - started);
  const line = stdout.trim().split("\n").pop() ?? "{}";
  return { wallMs, ...(JSON.parse(line) as Omit<Sample, "wallMs">) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

interface Row {
  label: string;
  resources: number;
  preview: { wallMs: number; cpuMs: number; peakRssMb: number };
  floor: { wallMs: number; cpuMs: number };
}

function benchStack(
  dir: string,
  label: string,
  runs: number,
  stack: string,
  stackFile?: string,
): Row {
  const previews: Sample[] = [];
  const floors: Sample[] = [];
  const previewArgs = ["bench-preview-once", stack, ...(stackFile ? [stackFile] : [])];
  // The first preview (which also compiles dist/ when it is stale, so it is not counted) records
  // its registrations for the floor to replay.
  const recording = path.join(dir, `${label}.registrations.json`);
  measure("scripts/run-compiled.cjs", previewArgs, { BAREMETAL_BENCH_RECORD: recording });
  for (let i = 0; i < runs; i++) {
    const preview = measure("scripts/run-compiled.cjs", previewArgs);
    if (!preview.ok) throw new Error(`${label}: the preview failed`);
    previews.push(preview);
    floors.push(measure("scripts/bench/floor-once.cjs", [recording]));
  }
  return {
    label,
    resources: previews[0]?.resources ?? 0,
    preview: {
      wallMs: median(previews.map((s) => s.wallMs)),
      cpuMs: median(previews.map((s) => s.cpuMs)),
      peakRssMb: median(previews.map((s) => s.peakRssMb)),
    },
    floor: {
      wallMs: median(floors.map((s) => s.wallMs)),
      cpuMs: median(floors.map((s) => s.cpuMs)),
    },
  };
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  return rows
    .map((row) => row.map((cell, i) => cell.padStart(widths[i] ?? 0)).join("  "))
    .join("\n");
}

function main(): void {
  const runsFlag = process.argv.indexOf("--runs");
  const runs = runsFlag >= 0 ? Number(process.argv[runsFlag + 1]) : 5;
  const dir = mkdtempSync(path.join(tmpdir(), "baremetal-bench-"));
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  const results: Row[] = [benchStack(dir, "production", runs, "production")];
  for (const hosts of [5, 25, 50]) {
    const file = path.join(dir, `Pulumi.synthetic-${hosts}.yaml`);
    writeFileSync(file, syntheticStackYaml(hosts));
    results.push(benchStack(dir, `synthetic-${hosts}-hosts`, runs, `synthetic-${hosts}`, file));
  }
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  const header = [
    "stack",
    "resources",
    "wall ms",
    "floor wall ms",
    "wall/floor",
    "cpu ms",
    "floor cpu ms",
    "cpu/floor",
    "peak RSS MB",
  ];
  const rows = results.map((r) => [
    r.label,
    String(r.resources),
    String(r.preview.wallMs),
    String(r.floor.wallMs),
    ratio(r.preview.wallMs, r.floor.wallMs),
    String(r.preview.cpuMs),
    String(r.floor.cpuMs),
    ratio(r.preview.cpuMs, r.floor.cpuMs),
    String(r.preview.peakRssMb),
  ]);
  console.log(
    `offline preview beside the bare-SDK floor, median of ${runs} runs, node ${process.version}`,
  );
  console.log(table([header, ...rows]));
  // Growth is linear when each added resource costs about the same from 5 to 25 and 25 to 50 hosts.
  const [five, twentyFive, fifty] = results.slice(1);
  if (five && twentyFive && fifty) {
    const slope = (a: Row, b: Row) =>
      ((b.preview.cpuMs - a.preview.cpuMs) / (b.resources - a.resources)).toFixed(2);
    console.log(
      `growth: ${slope(five, twentyFive)} ms CPU per added resource from 5 to 25 hosts, ` +
        `${slope(twentyFive, fifty)} from 25 to 50`,
    );
  }
}

main();
