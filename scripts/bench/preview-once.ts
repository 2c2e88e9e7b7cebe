/**
 * One measured offline preview in a fresh process, so start-up and module loading are counted as
 * a user meets them. Prints a JSON line: wall time inside the process, peak RSS, resource count.
 */
import { writeFileSync } from "node:fs";
import { runOfflinePreview } from "../offline/preview";

function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

async function main(): Promise<void> {
  // Same setting as the preview command itself (see scripts/preview-offline.ts).
  process.setSourceMapsEnabled(false);
  const [stack = "production", stackFile] = process.argv.slice(2);
  const started = performance.now();
  const result = await runOfflinePreview({ stack, ...(stackFile ? { stackFile } : {}) });
  const evaluateMs = performance.now() - started;
  // The floor (bench/floor-once.cjs) replays these registrations with the bare SDK.
  const recordTo = process.env["BAREMETAL_BENCH_RECORD"];
  if (recordTo) {
    const registrations = result.resources.map((r) => ({
      urn: r.urn,
      type: r.type,
      name: r.name,
      parentUrn: r.parentUrn,
      custom: r.custom,
      inputs: r.inputs,
    }));
    writeFileSync(recordTo, JSON.stringify(registrations), { mode: 0o600 });
  }
  console.log(
    JSON.stringify({
      ok: result.ok,
      issues: result.issues.length,
      resources: result.resources.length,
      evaluateMs: Math.round(evaluateMs),
      // CPU of the whole process since it started (start-up and module loading included).
      cpuMs: Math.round(cpuMicros() / 1000),
      // maxRSS is in kilobytes on Linux.
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
}

void main();
