#!/usr/bin/env node
/**
 * Builds `@baremetal/harbor-runtime` (providers/harbor/runtime/dist/index.js): the Harbor
 * provider implementation as one CommonJS file that the thin providers stored in Pulumi state load
 * by package name. Run by the root `prepare` script, so `npm ci` / `npm install` leave it built.
 *
 *   node scripts/build-harbor-runtime.mjs           build; rewrite only when the output changed
 *   node scripts/build-harbor-runtime.mjs --check   exit 1 when the built file is missing or stale
 *
 * The first line of the bundle records a hash of its sources (every providers/harbor/*.ts and
 * this script), so the program can tell a stale bundle without running esbuild; the same hash is
 * computed in providers/harbor/runtime-freshness.ts and a test keeps the two in step.
 */
import console from "node:console";
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import process from "node:process";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const sourceDir = join(root, "providers/harbor");
const entry = join(sourceDir, "runtime-entry.ts");
export const outfile = join(sourceDir, "runtime/dist/index.js");
const HASH_PREFIX = "// harbor-runtime source-hash: ";

/** Files whose content decides the bundle, as repository-relative POSIX paths, sorted. */
export function sourceFiles() {
  const files = readdirSync(sourceDir)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => `providers/harbor/${f}`);
  files.push("scripts/build-harbor-runtime.mjs");
  return files.sort();
}

/** sha256 over each source file's path and content, in `sourceFiles()` order. */
export function sourceHash() {
  const hash = createHash("sha256");
  for (const file of sourceFiles()) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(root, file)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

/** Bundles the runtime in memory; returns the file text (deterministic for the same sources). */
export async function bundle() {
  let esbuild;
  try {
    esbuild = await import("esbuild");
  } catch (e) {
    throw new Error(
      `esbuild is needed to build the Harbor runtime (a devDependency; install with dev dependencies): ${e}`,
      { cause: e },
    );
  }
  const hash = sourceHash();
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [relative(root, entry)],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node22",
    // Dependencies stay `require`s of installed packages; only our own code is bundled.
    packages: "external",
    // Readable stack traces in the dynamic-provider host.
    minify: false,
    sourcemap: false,
    legalComments: "none",
    logLevel: "silent",
    metafile: true,
    write: false,
    outfile,
    banner: { js: `${HASH_PREFIX}${hash}` },
  });
  // The hash covers providers/harbor/*.ts only; a bundled file elsewhere would escape it.
  for (const input of Object.keys(result.metafile.inputs)) {
    if (!/^providers\/harbor\/[^/]+\.ts$/.test(input)) {
      throw new Error(`Harbor runtime bundles ${input}, outside providers/harbor/*.ts`);
    }
  }
  const [out] = result.outputFiles;
  return out.text;
}

/** Hash recorded in a built bundle, or undefined when there is none. */
export function builtHash(file = outfile) {
  if (!existsSync(file)) return undefined;
  const first = readFileSync(file, "utf8").split("\n", 1)[0] ?? "";
  return first.startsWith(HASH_PREFIX) ? first.slice(HASH_PREFIX.length).trim() : undefined;
}

/** Builds and writes the bundle when it differs from the file on disk (atomically). */
export async function build() {
  const text = await bundle();
  const current = existsSync(outfile) ? readFileSync(outfile, "utf8") : undefined;
  if (current === text) return { outfile, changed: false, bytes: text.length };
  mkdirSync(dirname(outfile), { recursive: true });
  // Rename over the old file: a process loading the runtime meanwhile never sees half a file.
  const tmp = `${outfile}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, outfile);
  return { outfile, changed: true, bytes: text.length };
}

async function main() {
  const rel = relative(root, outfile).split(sep).join("/");
  if (process.argv.includes("--check")) {
    const text = await bundle();
    const current = existsSync(outfile) ? readFileSync(outfile, "utf8") : undefined;
    if (current !== text) {
      console.error(
        `${rel} is ${current === undefined ? "missing" : "stale"}; run node scripts/build-harbor-runtime.mjs`,
      );
      process.exitCode = 1;
    }
    return;
  }
  const { changed, bytes } = await build();
  if (changed) console.error(`built ${rel} (${bytes} bytes)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
