/**
 * The real PostgreSQL server with the rendered drop-in, pg_hba and setup SQL, on loopback:
 * Harbor's role gets in over TLS with `verify-full`; plain text, other databases and other
 * networks are refused; the setup is idempotent.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { appendFileSync, chownSync, existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  pgHba,
  postgresConf,
  postgresSetupSql,
} from "../../../components/services/postgres/render";
import { requireBinaryOrSkip, tempDir } from "../sandbox";
import { testTls } from "./certs";
import { freePort } from "./ports";

function postgresBinDir(): string | undefined {
  if (!existsSync("/usr/lib/postgresql")) return undefined;
  const versions = readdirSync("/usr/lib/postgresql").sort();
  const latest = versions[versions.length - 1];
  return latest ? `/usr/lib/postgresql/${latest}/bin` : undefined;
}

const bin = postgresBinDir();
const available =
  requireBinaryOrSkip(bin ? `${bin}/initdb` : "initdb", "the real PostgreSQL test") &&
  requireBinaryOrSkip("psql", "the real PostgreSQL test");
const suite = available ? describe : describe.skip;
const asRoot = process.getuid?.() === 0;
const PASSWORD = "harbor-db-password-0123456789abc";

suite("postgres with the rendered configuration", () => {
  let dir: string;
  let port: number;
  const data = () => join(dir, "data");

  /** Server-side tools run as postgres (the server refuses to run as root). */
  const asPostgres = (tool: string, args: string[]) =>
    execFileSync(
      asRoot ? "runuser" : tool,
      asRoot ? ["-u", "postgres", "--", tool, ...args] : args,
      {
        encoding: "utf8",
        stdio: "pipe",
      },
    );
  const adminSql = (sql: string) =>
    asPostgres("psql", [
      "-X",
      "-qAt",
      "-h",
      dir,
      "-p",
      String(port),
      "-U",
      "postgres",
      "-d",
      "postgres",
      "-c",
      sql,
    ]);
  const harbor = (
    options: string,
    sql = "select current_user || ' ' || ssl from pg_stat_ssl where pid = pg_backend_pid()",
  ) => {
    const result = spawnSync(
      "psql",
      ["-X", "-qAt", `host=localhost port=${port} user=harbor ${options}`, "-c", sql],
      {
        encoding: "utf8",
        env: { ...process.env, PGPASSWORD: PASSWORD, PGCONNECT_TIMEOUT: "5" },
        timeout: 15_000,
      },
    );
    return { status: result.status, output: `${result.stdout}${result.stderr}`.trim() };
  };
  const tlsOptions = () => `sslmode=verify-full sslrootcert=${join(dir, "tls", "ca.crt")}`;
  const writeHba = (networks: string[]) =>
    writeFileSync(
      join(data(), "pg_hba.conf"),
      pgHba({ database: "registry", user: "harbor", networks }),
    );

  beforeAll(async () => {
    dir = tempDir("postgres-real");
    const postgresUid = asRoot
      ? Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }))
      : -1;
    const own = (path: string) => {
      if (asRoot) chownSync(path, postgresUid, postgresUid);
    };
    own(dir);
    execFileSync("mkdir", ["-p", join(dir, "tls")]);
    own(join(dir, "tls"));
    const tls = testTls(join(dir, "tls"));
    for (const [file, content, mode] of [
      ["server.crt", tls.certPem, 0o644],
      ["server.key", tls.keyPem, 0o600],
      ["ca.crt", tls.caPem, 0o644],
    ] as const) {
      writeFileSync(join(dir, "tls", file), content, { mode });
      own(join(dir, "tls", file));
    }
    writeFileSync(join(dir, "harbor.password"), PASSWORD, { mode: 0o600 });
    own(join(dir, "harbor.password"));
    writeFileSync(
      join(dir, "setup.sql"),
      postgresSetupSql({
        role: "harbor",
        database: "registry",
        passwordFile: join(dir, "harbor.password"),
      }),
    );
    own(join(dir, "setup.sql"));
    port = await freePort();
    asPostgres(`${bin}/initdb`, [
      "-D",
      data(),
      "-U",
      "postgres",
      "--auth-local=peer",
      "-E",
      "UTF8",
      // A throw-away cluster: nothing to flush to disk.
      "--no-sync",
    ]);
    writeFileSync(
      join(data(), "services.conf"),
      postgresConf({ listen: ["127.0.0.1"], port, tlsDir: join(dir, "tls") }),
    );
    own(join(data(), "services.conf"));
    appendFileSync(
      join(data(), "postgresql.conf"),
      `\ninclude 'services.conf'\nunix_socket_directories = '${dir}'\n`,
    );
    writeHba(["127.0.0.1/32"]);
    asPostgres(`${bin}/pg_ctl`, [
      "-D",
      data(),
      "-l",
      join(dir, "server.log"),
      "-w",
      "-t",
      "30",
      "start",
    ]);
  }, 90_000);

  afterAll(() => {
    if (dir && existsSync(join(data(), "postmaster.pid"))) {
      asPostgres(`${bin}/pg_ctl`, ["-D", data(), "-m", "fast", "-w", "stop"]);
    }
  });

  it("runs the setup SQL twice without error (idempotent) and leaves Harbor owning registry", () => {
    const setup = () =>
      asPostgres("psql", [
        "-X",
        "-q",
        "-h",
        dir,
        "-p",
        String(port),
        "-U",
        "postgres",
        "-d",
        "postgres",
        "-f",
        join(dir, "setup.sql"),
      ]);
    setup();
    setup();
    expect(
      adminSql("select pg_get_userbyid(datdba) from pg_database where datname = 'registry'").trim(),
    ).toBe("harbor");
    expect(adminSql("select rolsuper from pg_roles where rolname = 'harbor'").trim()).toBe("f");
  });

  it("accepts the Harbor role over TLS with verify-full against the CA", () => {
    const result = harbor(`dbname=registry ${tlsOptions()}`);
    expect(result.output).toBe("harbor true");
    expect(result.status).toBe(0);
  });

  it("refuses plain text, a wrong password and other databases", () => {
    expect(harbor("dbname=registry sslmode=disable").output).toMatch(
      /rejects connection|no pg_hba\.conf entry/,
    );
    const wrong = spawnSync(
      "psql",
      [
        "-X",
        "-qAt",
        `host=localhost port=${port} user=harbor dbname=registry ${tlsOptions()}`,
        "-c",
        "select 1",
      ],
      {
        encoding: "utf8",
        env: { ...process.env, PGPASSWORD: "not-the-password", PGCONNECT_TIMEOUT: "5" },
      },
    );
    expect(`${wrong.stderr}`).toMatch(/password authentication failed/);
    expect(harbor(`dbname=postgres ${tlsOptions()}`).output).toMatch(
      /rejects connection|no pg_hba\.conf entry/,
    );
  });

  it("parses the rendered pg_hba without errors", () => {
    expect(adminSql("select count(*) from pg_hba_file_rules where error is not null").trim()).toBe(
      "0",
    );
    expect(
      adminSql(
        "select type || ' ' || array_to_string(database, ',') || ' ' || array_to_string(user_name, ',') || ' ' || auth_method from pg_hba_file_rules where address = '127.0.0.1'",
      ).trim(),
    ).toBe("hostssl registry harbor scram-sha-256");
  });

  it("refuses Harbor from a network outside the rendered Kubernetes networks", () => {
    writeHba(["10.130.0.0/24"]);
    adminSql("select pg_reload_conf()");
    const result = harbor(`dbname=registry ${tlsOptions()}`);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/rejects connection for host "127\.0\.0\.1"/);
    writeHba(["127.0.0.1/32"]);
    adminSql("select pg_reload_conf()");
    expect(harbor(`dbname=registry ${tlsOptions()}`).output).toBe("harbor true");
  });
});
