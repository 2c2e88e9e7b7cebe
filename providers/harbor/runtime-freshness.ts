/**
 * Keeps the built `@baremetal/harbor-runtime` bundle in step with its sources for the program.
 *
 * The thin providers stored in state run whatever providers/harbor/runtime/dist/index.js holds, so
 * an edit to the provider code without a rebuild would silently deploy the old code. The bundle's
 * first line records a hash of its sources; resources compare it with the sources in the tree once
 * per process and refuse to register when they differ. Nothing is built here: the bundle is built
 * at `npm ci` / `npm install` (`prepare`) or by `npm run build:harbor`. The hash must match
 * `sourceHash()` in scripts/build-harbor-runtime.mjs; a test checks both agree.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

/** The repository root, found upward from this file or from its compiled copy in dist/. */
function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "providers", "harbor", "runtime"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no providers/harbor above ${from}`);
  }
}
const root = findRoot(__dirname);
const sourceDir = path.join(root, "providers/harbor");
export const REBUILD_COMMAND = "npm run build:harbor";
export const runtimeBundle = path.join(sourceDir, "runtime/dist/index.js");
const HASH_PREFIX = "// harbor-runtime source-hash: ";

/** sha256 over every providers/harbor/*.ts and the build script (path and content, sorted). */
export function runtimeSourceHash(): string {
  const files = fs
    .readdirSync(sourceDir)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => `providers/harbor/${f}`);
  files.push("scripts/build-harbor-runtime.mjs", "scripts/support/provider-runtime-build.mjs");
  const hash = createHash("sha256");
  for (const file of files.sort()) {
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

let checked = false;

/** Refuses (once per process) to go on when the runtime bundle is missing or older than its sources. */
export function assertRuntimeFresh(): void {
  if (checked) return;
  const built = builtRuntimeHash();
  if (built !== runtimeSourceHash()) {
    throw new Error(
      `the Harbor runtime bundle (providers/harbor/runtime/dist/index.js) is ` +
        `${built === undefined ? "missing" : "stale"}: run \`${REBUILD_COMMAND}\``,
    );
  }
  checked = true;
}
