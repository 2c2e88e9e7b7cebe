/**
 * Runs the real program for one stack under the offline engine and collects what `pulumi preview`
 * would create. Used by the `preview:offline` command, its benchmark and the tests.
 */
import { existsSync } from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import type { ConfigIssue, ConfigValidationError } from "../../components/config/issues";
import type { HostCapacity } from "../../components/config/capacity";
import type { PlacedGuest } from "../../components/compute";
import { startOfflineEngine, type RecordedResource } from "./engine";
import { readStackFile } from "./stackFile";

/** The repository root: the nearest folder up from this file (or its compiled copy in dist/) with Pulumi.yaml. */
function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "Pulumi.yaml"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no Pulumi.yaml above ${from}`);
  }
}

export const REPO_ROOT = findRepoRoot(__dirname);
/**
 * The program to evaluate. The compiled preview (dist/, see scripts/program-build.cjs) loads the
 * program compiled beside it; under tsx and Jest the TypeScript entry point is loaded directly.
 */
const PROGRAM =
  process.env.BAREMETAL_COMPILED === "1"
    ? path.join(REPO_ROOT, "dist", "program.js")
    : path.join(REPO_ROOT, "index.ts");
export const PROJECT = "baremetal";

export interface PreviewResult {
  stack: string;
  ok: boolean;
  issues: ConfigIssue[];
  /** Any other failure of the program, with its message. */
  error?: string;
  placeholders: string[];
  resources: RecordedResource[];
  outputs: { guests?: PlacedGuest[]; capacity?: HostCapacity[]; [key: string]: unknown };
  /** Stack outputs that are secret, as `pulumi stack output` would show them: `[secret]`. */
  secretOutputs: string[];
}

export interface PreviewOptions {
  stack: string;
  /** Stack file to read; defaults to `Pulumi.<stack>.yaml` at the repository root. */
  stackFile?: string;
}

/** Forget the program's modules so that the next run evaluates it afresh for another stack. */
function unloadProgram(): void {
  for (const key of Object.keys(require.cache)) {
    if (
      key.startsWith(REPO_ROOT) &&
      !key.includes(`${path.sep}node_modules${path.sep}`) &&
      !key.includes(`${path.sep}scripts${path.sep}`)
    ) {
      // The module cache is keyed by file path; dropping entries is how Node re-evaluates a module.
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete
      delete require.cache[key];
    }
  }
}

/** Names of the program's exports that are secret Outputs (or hold one, for a record of them). */
async function secretKeys(exported: Record<string, unknown>): Promise<string[]> {
  const isSecret = async (value: unknown): Promise<boolean> => {
    if (pulumi.Output.isInstance(value)) return pulumi.isSecret(value);
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      const checks = await Promise.all(Object.values(value).map(isSecret));
      return checks.some(Boolean);
    }
    return false;
  };
  const keys: string[] = [];
  for (const [key, value] of Object.entries(exported)) if (await isSecret(value)) keys.push(key);
  return keys;
}

function isConfigValidationError(error: unknown): error is ConfigValidationError {
  return (
    error instanceof Error &&
    error.name === "ConfigValidationError" &&
    Array.isArray((error as Partial<ConfigValidationError>).issues)
  );
}

export async function runOfflinePreview(options: PreviewOptions): Promise<PreviewResult> {
  const stackFile = options.stackFile ?? path.join(REPO_ROOT, `Pulumi.${options.stack}.yaml`);
  const config = readStackFile(stackFile);
  if (config.issues.length > 0) {
    // The CLI refuses such a stack file before the program starts: nothing is evaluated.
    return {
      stack: options.stack,
      ok: false,
      issues: config.issues,
      placeholders: [],
      resources: [],
      outputs: {},
      secretOutputs: [],
    };
  }
  const engine = await startOfflineEngine({
    project: PROJECT,
    stack: options.stack,
    preview: true,
  });
  pulumi.runtime.setAllConfig(config.values, config.secretKeys);

  const result: PreviewResult = {
    stack: options.stack,
    ok: true,
    issues: [],
    placeholders: config.placeholders,
    resources: engine.resources,
    outputs: {},
    secretOutputs: [],
  };
  unloadProgram();
  try {
    let exported: Record<string, unknown> = {};
    const outputs = await pulumi.runtime.runInPulumiStack(async () => {
      // The program registers resources when it is evaluated, so it must be loaded here, after the
      // engine is installed, and re-evaluated for every stack: a static import cannot do either.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      exported = require(PROGRAM) as Record<string, unknown>;
      return exported;
    });
    await pulumi.runtime.disconnect();
    result.outputs = (outputs ?? {}) as PreviewResult["outputs"];
    result.secretOutputs = await secretKeys(exported);
  } catch (error) {
    await pulumi.runtime.disconnect().catch(() => undefined);
    result.ok = false;
    // The program's modules are re-evaluated per stack, so its error class is not this module's:
    // recognise the error by name and shape.
    if (isConfigValidationError(error)) result.issues = error.issues;
    else result.error = error instanceof Error ? error.message : String(error);
  }
  return result;
}
