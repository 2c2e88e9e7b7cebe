/** A throw-away PostgreSQL cluster on loopback, run as the postgres user when the test is root. */
import { execFileSync } from "node:child_process";
import {
  appendFileSync,
  chmodSync,
  chownSync,
  existsSync,
  readdirSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { tempDir } from "../sandbox";
import { freePort } from "./ports";

export function postgresBinDir(): string | undefined {
  if (!existsSync("/usr/lib/postgresql")) return undefined;
  const versions = readdirSync("/usr/lib/postgresql").sort();
  const latest = versions[versions.length - 1];
  return latest ? `/usr/lib/postgresql/${latest}/bin` : undefined;
}

export const asRoot = process.getuid?.() === 0;

export function uidOf(user: string): number {
  return Number(execFileSync("id", ["-u", user], { encoding: "utf8" }));
}

/** Runs `tool` as `user` (when root) and returns its stdout. */
export function runAs(user: string, tool: string, args: string[], input?: string): string {
  return execFileSync(
    asRoot ? "runuser" : tool,
    asRoot ? ["-u", user, "--", tool, ...args] : args,
    {
      encoding: "utf8",
      stdio: "pipe",
      maxBuffer: 64 * 1024 * 1024,
      ...(input !== undefined ? { input } : {}),
    },
  );
}

export interface PostgresInstance {
  dir: string;
  port: number;
  data: string;
  /** SQL as the postgres superuser over the socket; returns unaligned tuples. */
  sql(statement: string, database?: string): string;
  stop(): void;
}

/** initdb + `extraConf` + the given pg_hba, started; the socket directory is `dir`. */
export async function startPostgres(options: {
  hba: string;
  extraConf?: (port: number, dir: string) => string;
}): Promise<PostgresInstance> {
  const bin = postgresBinDir();
  if (!bin) throw new Error("PostgreSQL server binaries are not installed");
  const dir = tempDir("postgres-instance");
  if (asRoot) chownSync(dir, uidOf("postgres"), uidOf("postgres"));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const data = join(dir, "data");
  runAs("postgres", `${bin}/initdb`, [
    "-D",
    data,
    "-U",
    "postgres",
    "--auth-local=peer",
    "-E",
    "UTF8",
    // A throw-away cluster: nothing to flush to disk.
    "--no-sync",
  ]);
  appendFileSync(
    join(data, "postgresql.conf"),
    `\nlisten_addresses = '127.0.0.1'\nport = ${port}\nunix_socket_directories = '${dir}'\n${options.extraConf?.(port, dir) ?? ""}\n`,
  );
  writeFileSync(join(data, "pg_hba.conf"), options.hba);
  runAs("postgres", `${bin}/pg_ctl`, [
    "-D",
    data,
    "-l",
    join(dir, "server.log"),
    "-w",
    "-t",
    "60",
    "start",
  ]);
  return {
    dir,
    port,
    data,
    sql: (statement, database = "postgres") =>
      runAs("postgres", "psql", [
        "-X",
        "-qAt",
        "-h",
        dir,
        "-p",
        String(port),
        "-U",
        "postgres",
        "-d",
        database,
        "-c",
        statement,
      ]),
    stop: () => {
      if (existsSync(join(data, "postmaster.pid"))) {
        runAs("postgres", `${bin}/pg_ctl`, ["-D", data, "-m", "fast", "-w", "stop"]);
      }
    },
  };
}
