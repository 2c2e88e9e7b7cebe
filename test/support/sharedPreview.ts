/**
 * The offline preview of a real stack file, evaluated once per test run and shared by the test
 * files that read it (the whole program takes seconds of CPU to evaluate; several files assert on
 * the same result).
 *
 * The first file to ask evaluates the program from its sources in a child process
 * (test/support/previewChild.ts: `runOfflinePreview` on the sources, compiled file by file) and writes the result as JSON into
 * the run's directory (test/support/runDir.cjs); the others wait for that file. Without a run directory, or when the writer does not finish, a file
 * evaluates the program itself. The result is plain data (resources, inputs, outputs), so the JSON
 * copy is the same value.
 */
import { execFile } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import type { PreviewResult } from "../../scripts/offline/preview";

const execFileAsync = promisify(execFile);

type Stack = "staging" | "production";

const WAIT_MS = 240_000;
const POLL_MS = 100;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The JSON form of a preview (`preview:offline --json`, `previewJson`), as far as tests read it. */
export interface JsonPreview {
  stack: string;
  ok: boolean;
  resources: { urn: string; parent?: string; protect: boolean }[];
}

/** What two previews must agree on: every resource, its parent and its protection. */
export function previewShape(preview: JsonPreview | undefined): unknown {
  return {
    stack: preview?.stack,
    ok: preview?.ok,
    resources: (preview?.resources ?? [])
      .map((r) => `${r.urn} <- ${r.parent ?? ""}${r.protect ? " [protected]" : ""}`)
      .sort(),
  };
}

const REPO_ROOT = path.resolve(__dirname, "..", "..");

/**
 * Evaluates the program from its sources in a child process (test/support/previewChild.ts): the
 * same `runOfflinePreview`, read back through JSON, as the files that read the shared copy see it.
 */
async function evaluate(stack: Stack): Promise<PreviewResult> {
  const dir = mkdtempSync(path.join(tmpdir(), `baremetal-preview-${stack}-`));
  const out = path.join(dir, "preview.json");
  const env: NodeJS.ProcessEnv = { ...process.env };
  // The sources, never dist/ (compiled.test.ts compares the two).
  delete env["BAREMETAL_COMPILED"];
  try {
    await execFileAsync(
      process.execPath,
      [
        "-r",
        "./scripts/support/start-hooks.cjs",
        "-r",
        "./test/support/registerTypeScript.cjs",
        "test/support/previewChild.ts",
        stack,
        out,
      ],
      { cwd: REPO_ROOT, env, maxBuffer: 64 * 1024 * 1024 },
    );
    return JSON.parse(readFileSync(out, "utf8")) as PreviewResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The preview of `stack`'s real stack file, evaluated at most once per test run. */
export async function sharedPreview(stack: Stack): Promise<PreviewResult> {
  const dir = process.env["BAREMETAL_TEST_RUN_DIR"];
  if (!dir || !existsSync(dir)) return evaluate(stack);
  const file = path.join(dir, `preview-${stack}.json`);
  const lock = `${file}.lock`;
  let owner = false;
  try {
    closeSync(openSync(lock, "wx"));
    owner = true;
  } catch {
    // Another test file is evaluating it.
  }
  if (owner) {
    const result = await evaluate(stack);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(result));
    renameSync(tmp, file);
    return result;
  }
  for (let waited = 0; waited < WAIT_MS; waited += POLL_MS) {
    if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as PreviewResult;
    await sleep(POLL_MS);
  }
  return evaluate(stack);
}
