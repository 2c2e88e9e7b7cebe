/**
 * The offline preview of a real stack file, evaluated once per test run and shared by the test
 * files that read it (the whole program takes seconds of CPU to evaluate; several files assert on
 * the same result).
 *
 * The first file to ask starts one child process that evaluates the program from its sources for
 * both stacks (test/support/previewChild.ts: `runOfflinePreview` on the sources, compiled file by
 * file) and writes each result as JSON into the run's directory (test/support/runDir.cjs); every
 * file that asks waits for its stack's file (or the evaluation's failure). Without a run directory
 * a file evaluates its stack itself. The result is plain data (resources, inputs, outputs), so the
 * JSON copy is the same value.
 */
import { execFile } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
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
const STACKS: readonly Stack[] = ["production", "staging"];

/**
 * Starts the child that evaluates `stacks` from the sources (test/support/previewChild.ts), the
 * same `runOfflinePreview` read back through JSON, as the files that read the shared copy see it.
 * Resolves when it exits; rejects with its output when it fails.
 */
function startEvaluation(dir: string, stacks: readonly Stack[]): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // The sources, never dist/ (compiled.test.ts compares the two).
  delete env["BAREMETAL_COMPILED"];
  const args = [
    ...["-r", "./scripts/support/start-hooks.cjs"],
    ...["-r", "./test/support/registerTypeScript.cjs"],
    "test/support/previewChild.ts",
  ];
  return execFileAsync(process.execPath, [...args, dir, ...stacks], {
    cwd: REPO_ROOT,
    env,
    maxBuffer: 64 * 1024 * 1024,
  }).then(() => undefined);
}

/** Where a failed evaluation leaves its error, for every file waiting on it. */
const FAILED = "previews.failed";

/** Waits for `file`; gives up with the evaluation's error, or after WAIT_MS. */
async function waitForFile(file: string): Promise<PreviewResult> {
  const failed = path.join(path.dirname(file), FAILED);
  for (let waited = 0; waited < WAIT_MS; waited += POLL_MS) {
    if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as PreviewResult;
    if (existsSync(failed)) throw new Error(readFileSync(failed, "utf8"));
    await sleep(POLL_MS);
  }
  throw new Error(`no ${path.basename(file)} after ${WAIT_MS / 1000} s`);
}

/** Starts the evaluation; a failure is written where waitForFile looks for it. */
function evaluateInto(dir: string, stacks: readonly Stack[]): void {
  startEvaluation(dir, stacks).catch((error: unknown) => {
    const detail = error as { message?: string; stderr?: string };
    const message = `the source preview of ${stacks.join(", ")} failed: ${detail.message ?? ""}\n${detail.stderr ?? ""}`;
    writeFileSync(path.join(dir, FAILED), message);
  });
}

/**
 * The preview of `stack`'s real stack file, evaluated at most once per test run. The first file
 * to ask starts one child for both stacks (its own first); the others wait for their file.
 */
export async function sharedPreview(stack: Stack): Promise<PreviewResult> {
  const runDir = process.env["BAREMETAL_TEST_RUN_DIR"];
  if (!runDir || !existsSync(runDir)) {
    const dir = mkdtempSync(path.join(tmpdir(), `baremetal-preview-${stack}-`));
    try {
      evaluateInto(dir, [stack]);
      return await waitForFile(path.join(dir, `preview-${stack}.json`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const file = path.join(runDir, `preview-${stack}.json`);
  try {
    closeSync(openSync(path.join(runDir, "previews.lock"), "wx"));
  } catch {
    // Another test file started the evaluation.
    return waitForFile(file);
  }
  evaluateInto(runDir, [stack, ...STACKS.filter((other) => other !== stack)]);
  return waitForFile(file);
}
