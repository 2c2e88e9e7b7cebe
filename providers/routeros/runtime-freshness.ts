/**
 * Whether the built `@baremetal/routeros-runtime` bundle holds the provider code in this tree.
 *
 * The thin providers stored in state run whatever providers/routeros/runtime/dist/index.js holds,
 * so an edit to the provider code without a rebuild would silently deploy the old code. The
 * bundle's first line records a hash of its sources; resources compare it with the sources in the
 * tree once per process and refuse to register when they differ. Nothing is built here: the
 * bundle is built at `npm ci` / `npm install` (`prepare`) or by `npm run build:routeros`. The hash
 * must match `sourceHash()` in scripts/build-routeros-runtime.mjs; a test checks both agree.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

/** The repository root, found upward from this file or from its compiled copy in dist/. */
function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "providers", "routeros", "runtime"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no providers/routeros above ${from}`);
  }
}
const root = findRoot(__dirname);
const sourceDir = path.join(root, "providers/routeros");
export const runtimeBundle = path.join(sourceDir, "runtime/dist/index.js");
const HASH_PREFIX = "// routeros-runtime source-hash: ";
export const REBUILD_COMMAND = "npm run build:routeros";

/** Every `.ts` under providers/routeros (the built runtime/ excluded), repository-relative, sorted. */
export function runtimeSourceFiles(): string[] {
  const found: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory() && child !== "providers/routeros/runtime") walk(child);
      else if (entry.isFile() && entry.name.endsWith(".ts")) found.push(child);
    }
  };
  walk("providers/routeros");
  found.push("scripts/build-routeros-runtime.mjs", "scripts/support/provider-runtime-build.mjs");
  return found.sort();
}

/** sha256 over each source file's path and content, in `runtimeSourceFiles()` order. */
export function runtimeSourceHash(): string {
  const hash = createHash("sha256");
  for (const file of runtimeSourceFiles()) {
    hash.update(`${file}\0`);
    hash.update(fs.readFileSync(path.join(root, file)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

/** The source hash recorded in the built bundle, or undefined when it is missing. */
export function builtRuntimeHash(): string | undefined {
  let first: string;
  try {
    const fd = fs.openSync(runtimeBundle, "r");
    try {
      const head = Buffer.alloc(256);
      const n = fs.readSync(fd, head, 0, head.length, 0);
      first = head.subarray(0, n).toString("utf8").split("\n", 1)[0] ?? "";
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return undefined;
  }
  return first.startsWith(HASH_PREFIX) ? first.slice(HASH_PREFIX.length).trim() : undefined;
}

/** Why the bundle cannot be used (missing or stale, with the command that fixes it), or undefined. */
export function runtimeStaleness(built: string | undefined, sources: string): string | undefined {
  if (built === sources) return undefined;
  const state = built === undefined ? "missing" : "stale (built from other sources)";
  return (
    `the RouterOS provider runtime ${path.relative(root, runtimeBundle)} is ${state}: ` +
    `run \`${REBUILD_COMMAND}\` (node scripts/build-routeros-runtime.mjs), then try again`
  );
}

let fresh = false;

/** Throws when the runtime bundle is missing or older than its sources (checked once per process). */
export function assertRuntimeFresh(): void {
  if (fresh) return;
  const problem = runtimeStaleness(builtRuntimeHash(), runtimeSourceHash());
  if (problem) throw new Error(problem);
  fresh = true;
}
