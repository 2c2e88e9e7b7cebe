/** Runs rendered bash programs on this machine, with stand-ins for the guest's tools on PATH. */
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `${prefix}-`));
}

/** A directory of executables named by key, each a bash body; put it first on PATH. */
export function shims(bodies: Record<string, string>): string {
  const dir = tempDir("shims");
  for (const [name, body] of Object.entries(bodies)) {
    const file = join(dir, name);
    writeFileSync(file, `#!/bin/bash\n${body}\n`);
    chmodSync(file, 0o755);
  }
  return dir;
}

/** `bash -s` with `stdin`, or `bash -c command` with `stdin`, as the guest would run it. */
export function runBash(
  stdin: string,
  options: { command?: string; shimDir?: string; env?: Record<string, string> } = {},
): RunResult {
  const args = options.command ? ["-c", options.command] : ["-s"];
  const env = {
    ...process.env,
    ...(options.shimDir ? { PATH: `${options.shimDir}:${process.env["PATH"] ?? ""}` } : {}),
    ...options.env,
  };
  const result = spawnSync("bash", args, { input: stdin, env, encoding: "utf8", timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export const currentUser = userInfo().username;

export function binaryAvailable(name: string): boolean {
  return spawnSync("bash", ["-c", `command -v ${name}`], { encoding: "utf8" }).status === 0;
}

/**
 * Real-binary tests run where the binary is installed; under CI (`CI` set) a missing binary is a
 * failure, not a skip, because .ci/run installs it.
 */
export function requireBinaryOrSkip(binary: string, what: string): boolean {
  if (binaryAvailable(binary)) return true;
  if (process.env["CI"]) {
    throw new Error(`${binary} is not installed but CI is set: .ci/run must install it (${what})`);
  }
  console.warn(`skipping ${what}: ${binary} is not installed on this machine`);
  return false;
}

/**
 * `bash -s` with `stdin`, without blocking the event loop: for programs that talk to a fake
 * served from this same process (spawnSync would stall the fake until the program gave up).
 */
export function runBashAsync(
  stdin: string,
  options: { env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", ["-s"], {
      env: { ...process.env, ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 60_000);
    child.on("error", reject);
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
    child.stdin.end(stdin);
  });
}
