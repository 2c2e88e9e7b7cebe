/**
 * Runs a repository script (`scripts/*.ts`) in a plain Node child process, the way its users run
 * it, but compiled once per test file with esbuild instead of transformed by tsx on every run: a
 * tsx start costs seconds of CPU on a loaded 2-core machine, a compiled script starts like any
 * Node program. Installed packages stay `require`s of node_modules, as under tsx.
 *
 * The compiled file lives under node_modules/.cache/baremetal-scripts/, inside the repository, so
 * code that finds the repository from its own location (`__dirname`) behaves as in scripts/.
 */
import { execFile, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { buildSync } from "esbuild";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");
const CACHE = path.join(REPO_ROOT, "node_modules", ".cache", "baremetal-scripts");
/**
 * Node flags of every script child: the program's start hooks (the SDK's TypeScript compiler
 * only on demand, as under `pulumi` and the offline preview: loading it cost each child about
 * 0.45 s of CPU) and Node's compile cache, so the SDKs are compiled once per run, not per child.
 */
const NODE_ARGS = ["-r", path.join(REPO_ROOT, "scripts", "support", "start-hooks.cjs")];
const COMPILE_CACHE = path.join(REPO_ROOT, "node_modules", ".cache", "node-compile-cache");

function childEnv(env: NodeJS.ProcessEnv | undefined): NodeJS.ProcessEnv {
  return { NODE_COMPILE_CACHE: COMPILE_CACHE, ...(env ?? process.env) };
}
const compiled = new Map<string, string>();

/** The script compiled to one CommonJS file (built on first use in this process). */
export function compiledScript(script: string): string {
  let file = compiled.get(script);
  if (file === undefined) {
    const result = buildSync({
      absWorkingDir: REPO_ROOT,
      entryPoints: [script],
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node22",
      packages: "external",
      write: false,
      logLevel: "silent",
    });
    const text = result.outputFiles[0]?.text ?? "";
    mkdirSync(CACHE, { recursive: true });
    file = path.join(CACHE, `${path.basename(script, ".ts")}.cjs`);
    // Parallel test workers may compile the same script: each renames a whole file into place.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, file);
    compiled.set(script, file);
  }
  return file;
}

export interface ScriptOptions {
  env?: NodeJS.ProcessEnv;
  timeout?: number;
}

/** Runs the compiled script and waits (the test process is blocked meanwhile). */
export function runScript(
  script: string,
  args: string[] = [],
  options: ScriptOptions = {},
): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [...NODE_ARGS, compiledScript(script), ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    timeout: options.timeout ?? 120_000,
    env: childEnv(options.env),
  });
}

/** Runs the compiled script without blocking (for scripts that talk to a fake in this process). */
export function runScriptAsync(
  script: string,
  args: string[] = [],
  options: ScriptOptions = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const file = compiledScript(script);
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...NODE_ARGS, file, ...args],
      {
        cwd: REPO_ROOT,
        env: childEnv(options.env),
        timeout: options.timeout ?? 120_000,
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
