/**
 * The real zabbix_server (Debian's 6.0 has no config-test switch) started with the rendered
 * configuration against a PostgreSQL instance set up by the rendered SQL and pg_hba, with the
 * packaged schema: it must start and listen. The router template the host import links must
 * exist in the packaged data.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { postgresSetupSql } from "../../../components/services/postgres/render";
import {
  ROUTER_TEMPLATE,
  zabbixPgHba,
  zabbixServerConf,
} from "../../../components/services/zabbix/render";
import { requireBinaryOrSkip } from "../sandbox";
import { freePortBelow, waitForPort } from "./ports";
import {
  asRoot,
  postgresBinDir,
  runAs,
  startPostgres,
  uidOf,
  type PostgresInstance,
} from "./postgresInstance";

const SCHEMA_DIR = "/usr/share/zabbix-server-pgsql";
const bin = postgresBinDir();
const available =
  requireBinaryOrSkip("/usr/sbin/zabbix_server", "the real Zabbix server test") &&
  requireBinaryOrSkip(bin ? `${bin}/initdb` : "initdb", "the real Zabbix server test");
const suite = available && asRoot ? describe : describe.skip;
if (available && !asRoot)
  console.warn("skipping the real Zabbix server test: it needs root (peer login as zabbix)");

/**
 * An awk filter over the SQL: the same statements in the same order and transaction, but sent to
 * the server up to 500 at a time (psql's `\;` ends a statement without sending it, so the lines
 * go out as one request). data.sql is 130,000 one-line INSERTs, and a round trip each doubled this
 * file's time. Only a line that is a whole INSERT outside any string literal is touched (quotes
 * are counted: Zabbix's SQL doubles a quote inside a literal). A pg_dump of a database loaded each
 * way is identical.
 */
const BATCH_STATEMENTS_AWK = String.raw`
{
  starts_outside = !in_literal
  if (gsub(/'/, "'") % 2 == 1) in_literal = !in_literal
  if (starts_outside && !in_literal && /^INSERT INTO / && /;$/ && ++n % 500 != 0) {
    print substr($0, 1, length($0) - 1) "\\;"
  } else {
    print
  }
}
`;

suite("zabbix_server with the rendered configuration", () => {
  let pg: PostgresInstance;
  let server: ChildProcess | undefined;

  /** Signals the server's whole process group (it was started as the group's leader). */
  function stopServer(signal: NodeJS.Signals): void {
    if (server?.pid === undefined) return;
    try {
      process.kill(-server.pid, signal);
    } catch {
      // Already gone.
    }
  }
  process.once("exit", () => stopServer("SIGKILL"));
  let runDir: string;
  let listenPort: number;

  beforeAll(async () => {
    pg = await startPostgres({
      hba: zabbixPgHba({ dbName: "zabbix", dbUser: "zabbix" }),
      // A throw-away cluster: no durability needed, and the data import is much faster.
      extraConf: () => "fsync = off\nsynchronous_commit = off\nfull_page_writes = off",
    });
    const passwordFile = join(pg.dir, "zabbix.password");
    writeFileSync(passwordFile, "zabbix-db-password-0123456789abc", { mode: 0o600 });
    chownSync(passwordFile, uidOf("postgres"), uidOf("postgres"));
    const setupFile = join(pg.dir, "setup-zabbix.sql");
    writeFileSync(
      setupFile,
      postgresSetupSql({ role: "zabbix", database: "zabbix", passwordFile }),
    );
    runAs("postgres", "psql", [
      "-X",
      "-q",
      "-h",
      pg.dir,
      "-p",
      String(pg.port),
      "-U",
      "postgres",
      "-d",
      "postgres",
      "-f",
      setupFile,
    ]);
    // As the guest's database step does: the schema, images and data piped into psql as the zabbix
    // role by peer, in one transaction (sent in batches, see BATCH_STATEMENTS_AWK).
    const awkFile = join(pg.dir, "batch-statements.awk");
    writeFileSync(awkFile, BATCH_STATEMENTS_AWK);
    const parts = ["schema", "images", "data"].map((part) => join(SCHEMA_DIR, `${part}.sql.gz`));
    const psql = [
      ...(asRoot ? ["runuser", "-u", "zabbix", "--"] : []),
      ...["psql", "-X", "-q", "-1", "-v", "ON_ERROR_STOP=1", "-h", pg.dir],
      ...["-p", String(pg.port), "-d", "zabbix"],
    ];
    execFileSync(
      "bash",
      [
        "-c",
        'set -o pipefail; zcat "${@:2:3}" | awk -f "$1" | "${@:5}"',
        "import",
        awkFile,
        ...parts,
        ...psql,
      ],
      { stdio: "pipe" },
    );
    runDir = join(pg.dir, "zabbix-run");
    mkdirSync(runDir);
    chownSync(runDir, uidOf("zabbix"), uidOf("zabbix"));
    listenPort = await freePortBelow(32767);
    writeFileSync(
      join(runDir, "zabbix_server.conf"),
      zabbixServerConf({
        dbHost: pg.dir,
        dbPort: pg.port,
        dbName: "zabbix",
        dbUser: "zabbix",
        listenPort,
        logFile: join(runDir, "zabbix_server.log"),
        pidFile: join(runDir, "zabbix_server.pid"),
        socketDir: runDir,
      }),
    );
  }, 300_000);

  afterAll(() => {
    stopServer("SIGTERM");
    pg?.stop();
  }, 60_000);

  it("has the router template the host import links", () => {
    expect(
      pg
        .sql(
          `select count(*) from hosts where host = '${ROUTER_TEMPLATE}' and status = 3`,
          "zabbix",
        )
        .trim(),
    ).toBe("1");
  });

  it("starts, connects to its database and listens for agents", async () => {
    // Its own process group: the server forks a dozen workers, and all of them must go with it,
    // also when this worker process ends before afterAll runs.
    server = spawn("/usr/sbin/zabbix_server", ["-f", "-c", join(runDir, "zabbix_server.conf")], {
      detached: true,
      stdio: "ignore",
    });
    await waitForPort(listenPort, 60_000);
    const log = () =>
      existsSync(join(runDir, "zabbix_server.log"))
        ? readFileSync(join(runDir, "zabbix_server.log"), "utf8")
        : "";
    const deadline = Date.now() + 30_000;
    while (!/server #0 started/.test(log()) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 500));
    expect(log()).toMatch(/server #0 started \[main process\]/);
    expect(log()).not.toMatch(/cannot connect to the database|database is down/);
  }, 120_000);
});
