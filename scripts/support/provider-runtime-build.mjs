/**
 * The one build of a provider runtime package (`@baremetal/<name>-runtime`): the provider
 * implementation under providers/<name>/ as one CommonJS file that the thin providers stored in
 * Pulumi state load by package name. scripts/build-<name>-runtime.mjs are its entry points.
 *
 * The first line of the bundle records a hash of its sources (every .ts under providers/<name>
 * except the built runtime/, under providers/shared, the entry script and this module), so the program can tell a stale
 * bundle without running esbuild; the same hash is computed in providers/shared/runtimeFreshness.ts
 * and a test per provider keeps the two in step.
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

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const SHARED = "scripts/support/provider-runtime-build.mjs";
/** Folders every runtime may bundle besides its own (SHARED_SOURCE_DIRS in runtimeFreshness.ts). */
const SHARED_SOURCE_DIRS = ["providers/shared"];

/**
 * @param {{ name: string, label: string, entry: string }} options
 *   `name` of the provider folder and package, `label` for messages, `entry` file under it.
 */
/**
 * The SDK as a package whose import does nothing on its own. A provider runtime needs the specs
 * and providers beside each resource class, never the class (esbuild drops the unused classes),
 * but an external package's `require` stays for its side effects unless it is known to have
 * none: without this every runtime would load all of @pulumi/pulumi (~0.3 s of CPU) for nothing.
 * A runtime that does use the SDK keeps its require.
 */
const SDK_WITHOUT_SIDE_EFFECTS = {
  name: "sdk-without-side-effects",
  setup(build) {
    build.onResolve({ filter: /^@pulumi\/pulumi(\/.*)?$/ }, (args) => ({
      path: args.path,
      external: true,
      sideEffects: false,
    }));
  },
};

export function runtimeBuilder({ name, label, entry }) {
  const providerDir = `providers/${name}`;
  const script = `scripts/build-${name}-runtime.mjs`;
  const outfile = join(root, providerDir, "runtime/dist/index.js");
  const hashPrefix = `// ${name}-runtime source-hash: `;
  const inside = new RegExp(`^providers/(${name}/(?!runtime/)|shared/)[\\w/.-]+\\.ts$`);

  /** Files whose content decides the bundle, as repository-relative POSIX paths, sorted. */
  function sourceFiles() {
    const files = [];
    const walk = (rel) => {
      for (const found of readdirSync(join(root, rel), { withFileTypes: true })) {
        const child = `${rel}/${found.name}`;
        if (found.isDirectory() && child !== `${providerDir}/runtime`) walk(child);
        else if (found.isFile() && found.name.endsWith(".ts")) files.push(child);
      }
    };
    walk(providerDir);
    for (const shared of SHARED_SOURCE_DIRS) walk(shared);
    files.push(script, SHARED);
    // Plain code-unit order, as Array.prototype.sort in providers/shared/runtimeFreshness.ts.
    return files.sort();
  }

  /** sha256 over each source file's path and content, in `sourceFiles()` order. */
  function sourceHash() {
    const hash = createHash("sha256");
    for (const file of sourceFiles()) {
      hash.update(`${file}\0`);
      hash.update(readFileSync(join(root, file)));
      hash.update("\0");
    }
    return hash.digest("hex");
  }

  /** Bundles the runtime in memory; returns the file text (deterministic for the same sources). */
  async function bundle() {
    let esbuild;
    try {
      esbuild = await import("esbuild");
    } catch (e) {
      throw new Error(
        `esbuild is needed to build the ${label} runtime (a devDependency; install with dev dependencies): ${e}`,
        { cause: e },
      );
    }
    const result = await esbuild.build({
      absWorkingDir: root,
      entryPoints: [`${providerDir}/${entry}`],
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node22",
      // Dependencies stay `require`s of installed packages; only our own code is bundled.
      packages: "external",
      plugins: [SDK_WITHOUT_SIDE_EFFECTS],
      // Readable stack traces in the dynamic-provider host.
      minify: false,
      sourcemap: false,
      legalComments: "none",
      logLevel: "silent",
      metafile: true,
      write: false,
      outfile,
      banner: { js: `${hashPrefix}${sourceHash()}` },
    });
    // The hash covers providers/<name>/**/*.ts only; a bundled file elsewhere would escape it.
    for (const input of Object.keys(result.metafile.inputs)) {
      if (!inside.test(input)) {
        throw new Error(
          `${label} runtime bundles ${input}, outside ${providerDir}/**/*.ts and providers/shared/`,
        );
      }
    }
    const [out] = result.outputFiles;
    return out.text;
  }

  /** Hash recorded in a built bundle, or undefined when there is none. */
  function builtHash(file = outfile) {
    if (!existsSync(file)) return undefined;
    const first = readFileSync(file, "utf8").split("\n", 1)[0] ?? "";
    return first.startsWith(hashPrefix) ? first.slice(hashPrefix.length).trim() : undefined;
  }

  /** Builds and writes the bundle when it differs from the file on disk (atomically). */
  async function build() {
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

  /** The command line: build, or with --check exit 1 when the built file is missing or stale. */
  async function main() {
    const rel = relative(root, outfile).split(sep).join("/");
    if (process.argv.includes("--check")) {
      const text = await bundle();
      const current = existsSync(outfile) ? readFileSync(outfile, "utf8") : undefined;
      if (current !== text) {
        console.error(
          `${rel} is ${current === undefined ? "missing" : "stale"}; run node ${script}`,
        );
        process.exitCode = 1;
      }
      return;
    }
    const { changed, bytes } = await build();
    if (changed) console.error(`built ${rel} (${bytes} bytes)`);
  }

  /** Runs `main` when `moduleUrl` is the script node was started with. */
  function runIfMain(moduleUrl) {
    if (process.argv[1] && moduleUrl === pathToFileURL(resolve(process.argv[1])).href) {
      main().catch((e) => {
        console.error(e instanceof Error ? e.message : e);
        process.exitCode = 1;
      });
    }
  }

  return { outfile, sourceFiles, sourceHash, bundle, builtHash, build, runIfMain };
}
