/**
 * Compiles the program ahead of time: `index.ts` (what Pulumi runs) and the offline-preview
 * commands become plain CommonJS files in `dist/`, so neither `pulumi preview` nor the offline
 * preview pays for transforming TypeScript on every start (that transform cost more than the
 * program's own work).
 *
 *   node scripts/program-build.cjs           build (run by `npm ci` / `npm install` via `prepare`)
 *   node scripts/program-build.cjs --check   exit 1 when dist/ is missing or older than its sources
 *   node scripts/program-build.cjs --ensure  build only when dist/ does not match its sources
 *                                            (`npm test` runs it first, so no test rebuilds dist/
 *                                            while another runs the compiled program)
 *
 * `dist/build.json` records every source file the bundles were made from, its size and modification
 * time, and a hash over their contents. Entry points call `ensureBuilt()`: when every file still
 * has its recorded size and time (a few `stat`s) the build is current; otherwise the contents are
 * hashed again and dist/ is rebuilt only when one changed, so an edited program never runs as its
 * old compiled self. `--check` always compares contents.
 *
 * Plain CommonJS on purpose: it runs before anything is compiled.
 */
"use strict";
const { createHash } = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const MANIFEST = path.join(DIST, "build.json");
/** Output name (in dist/) → TypeScript entry point. */
const ENTRIES = {
  program: "index.ts",
  "preview-offline": "scripts/preview-offline.ts",
  "bench-preview-once": "scripts/bench/preview-once.ts",
};
/**
 * Packages compiled into the bundles. Each is dozens of small modules that Node would find, read
 * and wrap one by one (zod alone is 95); compiled in, they cost a third of that. Only the
 * program uses them (the preview's own entry reads stack files with the SDK's js-yaml and loads
 * these only to report a broken file).
 */
const INLINED = new Set(["zod", "yaml", "ip-address"]);
const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
const EXTERNAL = Object.keys({ ...PKG.dependencies, ...PKG.devDependencies })
  .filter((name) => !INLINED.has(name))
  .flatMap((name) => [name, `${name}/*`]);
/** Bumped when the build settings below change, so old outputs count as stale. */
const BUILD_FORMAT = 3;

/** sha256 over the build format and each input's path and content, in the order given. */
function hashInputs(inputs) {
  const hash = createHash("sha256");
  hash.update(`format ${BUILD_FORMAT}\0`);
  for (const file of inputs) {
    hash.update(`${file}\0`);
    hash.update(fs.readFileSync(path.join(ROOT, file)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

/** Each input's size and modification time, in the order given (undefined for a missing file). */
function stamps(inputs) {
  return inputs.map((file) => {
    const stat = fs.statSync(path.join(ROOT, file), { throwIfNoEntry: false });
    return stat ? `${stat.size}:${stat.mtimeMs}` : undefined;
  });
}

function loadEsbuild() {
  try {
    return require("esbuild");
  } catch (error) {
    throw new Error(
      "esbuild is needed to compile the program (a devDependency): run `npm ci` with dev dependencies",
      { cause: error },
    );
  }
}

/** Compiles every entry into dist/ and writes the manifest. Returns the manifest. */
function build() {
  const esbuild = loadEsbuild();
  const settings = {
    absWorkingDir: ROOT,
    outdir: DIST,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node22",
    // The offline preview loads the compiled program instead of index.ts (scripts/offline/preview.ts).
    define: { "process.env.BAREMETAL_COMPILED": '"1"' },
    // Names and line structure stay readable in stack traces; maps are written beside the files.
    minify: false,
    keepNames: true,
    sourcemap: "linked",
    legalComments: "none",
    logLevel: "silent",
    metafile: true,
  };
  const entry = (out) => ({ out, in: ENTRIES[out] });
  const program = entry("program");
  const commands = Object.keys(ENTRIES)
    .filter((out) => out !== "program")
    .map(entry);
  const results = [
    // Every other installed package stays a `require` of the installed copy: Pulumi's SDKs must
    // be the very instances the engine and the providers share.
    esbuild.buildSync({ ...settings, entryPoints: [program], external: EXTERNAL }),
    // The commands around the program reach zod and yaml only to report a broken stack file:
    // required from node_modules then, they are not compiled into (and read with) every start.
    esbuild.buildSync({ ...settings, entryPoints: commands, packages: "external" }),
  ];
  const inputs = [...new Set(results.flatMap((r) => Object.keys(r.metafile.inputs)))]
    .filter((file) => !file.startsWith("node_modules/"))
    .sort();
  const manifest = {
    format: BUILD_FORMAT,
    inputs,
    hash: hashInputs(inputs),
    stamps: stamps(inputs),
  };
  fs.writeFileSync(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/**
 * Why dist/ cannot be used as it is, or undefined when it matches the sources. With `quick`, files
 * whose size and modification time are the recorded ones count as unchanged without being read.
 */
function staleReason({ quick = false } = {}) {
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(MANIFEST, "utf8"));
  } catch {
    return "dist/ has not been built";
  }
  if (manifest.format !== BUILD_FORMAT) return "dist/ was built by another build format";
  for (const out of Object.keys(ENTRIES)) {
    if (!fs.existsSync(path.join(DIST, `${out}.js`))) return `dist/${out}.js is missing`;
  }
  if (quick && Array.isArray(manifest.stamps)) {
    const now = stamps(manifest.inputs);
    if (now.every((stamp, i) => stamp !== undefined && stamp === manifest.stamps[i]))
      return undefined;
  }
  try {
    if (hashInputs(manifest.inputs) !== manifest.hash) return "the program's sources changed";
  } catch {
    return "a source file of the build was removed";
  }
  if (quick) refreshStamps(manifest);
  return undefined;
}

/**
 * Same contents, new times (a checkout, a `touch`): record the times so the next start is quick
 * again. Best effort; a manifest that cannot be written only costs the next start a hash.
 */
function refreshStamps(manifest) {
  try {
    const tmp = `${MANIFEST}.${process.pid}.tmp`;
    fs.writeFileSync(
      tmp,
      `${JSON.stringify({ ...manifest, stamps: stamps(manifest.inputs) }, null, 2)}\n`,
    );
    fs.renameSync(tmp, MANIFEST);
  } catch {
    // Read-only checkout: stay correct, just slower.
  }
}

/** Rebuilds dist/ when it does not match the sources; cheap when it does. */
function ensureBuilt() {
  const reason = staleReason({ quick: true });
  if (reason === undefined) return;
  const started = Date.now();
  build();
  process.stderr.write(
    `baremetal: compiled the program (${reason}) in ${Date.now() - started} ms\n`,
  );
}

module.exports = { ENTRIES, DIST, build, ensureBuilt, staleReason };

if (require.main === module) {
  try {
    if (process.argv.includes("--ensure")) {
      ensureBuilt();
    } else if (process.argv.includes("--check")) {
      const reason = staleReason();
      if (reason !== undefined) {
        console.error(`${reason}; run: node scripts/program-build.cjs`);
        process.exitCode = 1;
      }
    } else {
      const manifest = build();
      console.error(
        `compiled ${Object.keys(ENTRIES).length} entries from ${manifest.inputs.length} files into dist/`,
      );
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
