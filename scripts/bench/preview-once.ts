/**
 * One measured offline preview in a fresh process, so start-up and module loading are counted as
 * a user meets them. Prints a JSON line: wall time inside the process, peak RSS, resource count.
 */
import { writeFileSync } from "node:fs";
import type * as sdkResource from "@pulumi/pulumi/runtime/resource";
import { runOfflinePreview } from "../offline/preview";

type RegisterResource = typeof sdkResource.registerResource;

/**
 * The property keys each resource class hands the SDK (`super(type, name, props)`), by type and
 * name. The wire carries only the defined inputs, but the SDK makes an Output, with its promises,
 * for every key, declared outputs included: the floor must register the same keys to cost the same.
 */
function recordPropertyKeys(): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  // The module object itself (an `import *` is a read-only copy): resource.js calls
  // `resource_1.registerResource` through it, so a replacement here sees every registration.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const writable = require("@pulumi/pulumi/runtime/resource") as {
    registerResource: RegisterResource;
  };
  const original = writable.registerResource;
  writable.registerResource = ((...args: Parameters<RegisterResource>) => {
    const [, , type, name, , , , props] = args;
    keys.set(`${type}\0${name}`, Object.keys(props ?? {}));
    return original(...args);
  }) as RegisterResource;
  return keys;
}

function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

async function main(): Promise<void> {
  // Same setting as the preview command itself (see scripts/preview-offline.ts).
  process.setSourceMapsEnabled(false);
  const [stack = "production", stackFile] = process.argv.slice(2);
  const recordTo = process.env["BAREMETAL_BENCH_RECORD"];
  const propertyKeys = recordTo ? recordPropertyKeys() : undefined;
  const started = performance.now();
  const result = await runOfflinePreview({ stack, ...(stackFile ? { stackFile } : {}) });
  const evaluateMs = performance.now() - started;
  // The floor (bench/floor-once.cjs) replays these registrations with the bare SDK.
  if (recordTo) {
    const registrations = result.resources.map((r) => ({
      urn: r.urn,
      type: r.type,
      name: r.name,
      parentUrn: r.parentUrn,
      custom: r.custom,
      inputs: r.inputs,
      dependencies: r.dependencies,
      propertyKeys: propertyKeys?.get(`${r.type}\0${r.name}`) ?? [],
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
