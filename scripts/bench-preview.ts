/**
 * `npm run bench:preview [-- --runs N]`
 *
 * Measures the offline preview as a user runs it (a new process each time): wall time and peak
 * memory for the production stack, and how both grow for synthetic stacks of 5, 25 and 50 hosts.
 * Reports the median of N runs (default 5).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { syntheticStackYaml } from "../test/support/synthetic";

const ROOT = path.resolve(__dirname, "..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");

interface Sample {
  wallMs: number;
  evaluateMs: number;
  peakRssMb: number;
  resources: number;
  ok: boolean;
}

function measure(stack: string, stackFile?: string): Sample {
  const started = performance.now();
  const stdout = execFileSync(
    TSX,
    ["scripts/bench/preview-once.ts", stack, ...(stackFile ? [stackFile] : [])],
    { cwd: ROOT, encoding: "utf8" },
  );
  const wallMs = Math.round(performance.now() - started);
  const line = stdout.trim().split("\n").pop() ?? "{}";
  return { wallMs, ...(JSON.parse(line) as Omit<Sample, "wallMs">) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function summarise(label: string, samples: Sample[]): string[] {
  if (!samples.every((s) => s.ok)) throw new Error(`${label}: the preview failed`);
  return [
    label,
    String(samples[0]?.resources ?? 0),
    `${median(samples.map((s) => s.wallMs))}`,
    `${median(samples.map((s) => s.evaluateMs))}`,
    `${median(samples.map((s) => s.peakRssMb))}`,
  ];
}

function main(): void {
  const runsFlag = process.argv.indexOf("--runs");
  const runs = runsFlag >= 0 ? Number(process.argv[runsFlag + 1]) : 5;
  const dir = mkdtempSync(path.join(tmpdir(), "baremetal-bench-"));
  const rows: string[][] = [["stack", "resources", "wall ms", "program ms", "peak RSS MB"]];
  const repeat = (stack: string, file?: string) =>
    Array.from({ length: runs }, () => measure(stack, file));

  rows.push(summarise("production", repeat("production")));
  for (const hosts of [5, 25, 50]) {
    const file = path.join(dir, `Pulumi.synthetic-${hosts}.yaml`);
    writeFileSync(file, syntheticStackYaml(hosts));
    rows.push(summarise(`synthetic-${hosts}-hosts`, repeat(`synthetic-${hosts}`, file)));
  }
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  console.log(`offline preview, median of ${runs} runs, node ${process.version}`);
  for (const row of rows)
    console.log(row.map((cell, i) => cell.padStart(widths[i] ?? 0)).join("  "));
}

main();
