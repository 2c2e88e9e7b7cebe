/**
 * Whether a built provider runtime bundle (`@baremetal/<name>-runtime`) holds the provider code in
 * this tree.
 *
 * The thin providers stored in state run whatever providers/<name>/runtime/dist/index.js holds, so
 * an edit to the provider code without a rebuild would silently deploy the old code. The bundle's
 * first line records a hash of its sources; resources compare it with the sources in the tree once
 * per process and refuse to register when they differ. Nothing is built here: bundles are built at
 * `npm ci` / `npm install` (`prepare`) or by `npm run build`. The hash must match `sourceHash()` in
 * scripts/support/provider-runtime-build.mjs; a test per provider checks both agree.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import type { ThinFamily } from "./thinText";

/** Folders every runtime may bundle besides its own: their sources are part of each hash. */
export const SHARED_SOURCE_DIRS = ["providers/shared"] as const;

export interface RuntimeFreshness {
  /** Absolute path of the built bundle. */
  runtimeBundle: string;
  /** The command that rebuilds the bundle. */
  REBUILD_COMMAND: string;
  /** Every source the bundle is made from, repository-relative, sorted. */
  runtimeSourceFiles(): string[];
  /** sha256 over each source file's path and content, in `runtimeSourceFiles()` order. */
  runtimeSourceHash(): string;
  /** The source hash recorded in the built bundle, or undefined when it is missing. */
  builtRuntimeHash(): string | undefined;
  /** Why the bundle cannot be used (missing or stale, and the fix), or undefined. */
  runtimeStaleness(built: string | undefined, sources: string): string | undefined;
  /** Throws when the bundle is missing or older than its sources (checked once per process). */
  assertRuntimeFresh(): void;
}

/** The repository root, found upward from this file or from its compiled copy in dist/. */
function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "providers", "shared"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no providers/shared above ${from}`);
  }
}

const byPackage = new Map<string, RuntimeFreshness>();

/** The freshness check of a family's runtime package (one per package and process). */
export function familyFreshness(family: ThinFamily): RuntimeFreshness {
  let found = byPackage.get(family.runtimePackage);
  if (!found) {
    const name = /^@baremetal\/([a-z0-9-]+)-runtime$/.exec(family.runtimePackage)?.[1];
    if (name === undefined) throw new Error(`${family.runtimePackage} is not a runtime package`);
    found = runtimeFreshness(name, family.label);
    byPackage.set(family.runtimePackage, found);
  }
  return found;
}

/** The freshness check of `@baremetal/<name>-runtime`; `label` names it in messages. */
export function runtimeFreshness(name: string, label: string): RuntimeFreshness {
  // Found on first use, not at load: the runtime bundles import this module too (through the
  // resource classes), and loading a provider in the dynamic-provider host must not depend on it.
  let rootDir: string | undefined;
  const repo = (): string => (rootDir ??= findRoot(__dirname));
  const providerDir = `providers/${name}`;
  const buildScript = `scripts/build-${name}-runtime.mjs`;
  const bundlePath = () => path.join(repo(), providerDir, "runtime/dist/index.js");
  const hashPrefix = `// ${name}-runtime source-hash: `;
  const REBUILD_COMMAND = `npm run build:${name}`;

  function runtimeSourceFiles(): string[] {
    const found: string[] = [];
    const walk = (rel: string) => {
      for (const entry of fs.readdirSync(path.join(repo(), rel), { withFileTypes: true })) {
        const child = `${rel}/${entry.name}`;
        if (entry.isDirectory() && child !== `${providerDir}/runtime`) walk(child);
        else if (entry.isFile() && entry.name.endsWith(".ts")) found.push(child);
      }
    };
    walk(providerDir);
    for (const shared of SHARED_SOURCE_DIRS) walk(shared);
    found.push(buildScript, "scripts/support/provider-runtime-build.mjs");
    // Plain code-unit order, as the build script sorts.
    return found.sort();
  }

  function runtimeSourceHash(): string {
    const hash = createHash("sha256");
    for (const file of runtimeSourceFiles()) {
      hash.update(`${file}\0`);
      hash.update(fs.readFileSync(path.join(repo(), file)));
      hash.update("\0");
    }
    return hash.digest("hex");
  }

  function builtRuntimeHash(): string | undefined {
    let first: string;
    try {
      const fd = fs.openSync(bundlePath(), "r");
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
    return first.startsWith(hashPrefix) ? first.slice(hashPrefix.length).trim() : undefined;
  }

  function runtimeStaleness(built: string | undefined, sources: string): string | undefined {
    if (built === sources) return undefined;
    const state = built === undefined ? "missing" : "stale (built from other sources)";
    return (
      `the ${label} provider runtime ${path.relative(repo(), bundlePath())} is ${state}: ` +
      `run \`${REBUILD_COMMAND}\` (node ${buildScript}), then try again`
    );
  }

  let fresh = false;
  function assertRuntimeFresh(): void {
    if (fresh) return;
    const problem = runtimeStaleness(builtRuntimeHash(), runtimeSourceHash());
    if (problem) throw new Error(problem);
    fresh = true;
  }

  return {
    get runtimeBundle() {
      return bundlePath();
    },
    REBUILD_COMMAND,
    runtimeSourceFiles,
    runtimeSourceHash,
    builtRuntimeHash,
    runtimeStaleness,
    assertRuntimeFresh,
  };
}
