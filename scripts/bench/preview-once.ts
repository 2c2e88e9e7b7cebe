/**
 * One measured offline preview in a fresh process, so start-up and module loading are counted as
 * a user meets them. Prints a JSON line: wall time inside the process, peak RSS, resource count.
 */
import { runOfflinePreview } from "../offline/preview";

async function main(): Promise<void> {
  // Same setting as the preview command itself (see scripts/preview-offline.ts).
  process.setSourceMapsEnabled(false);
  const [stack = "production", stackFile] = process.argv.slice(2);
  const started = performance.now();
  const result = await runOfflinePreview({ stack, ...(stackFile ? { stackFile } : {}) });
  const evaluateMs = performance.now() - started;
  console.log(
    JSON.stringify({
      ok: result.ok,
      issues: result.issues.length,
      resources: result.resources.length,
      evaluateMs: Math.round(evaluateMs),
      // maxRSS is in kilobytes on Linux.
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
}

void main();
