/** Rendered Redis and PostgreSQL configuration and the package scripts, checked as text. */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { aptInstallScript, aptKeyScript, aptSourcesFile } from "../../components/services/apt";
import { pgHba, postgresSetupSql } from "../../components/services/postgres/render";
import { redisAcl, redisConf } from "../../components/services/redis/render";
import { renderStepProgram } from "../../components/services/script";
import { ELASTIC_REPOSITORY } from "../../components/services/versions";
import { allFixtures, postgresFixture, redisFixture, SECRETS } from "./fixtures";
import { runBash, shims } from "./sandbox";

const sha = (s: string) => createHash("sha256").update(s).digest("hex");

describe("secrets in rendered provisioning", () => {
  it.each(allFixtures().map((p) => [p.guest, p]))(
    "%s: secrets only in files marked secret, never in scripts",
    (_guest, provisioning) => {
      const secrets = Object.values(SECRETS);
      for (const step of [...(provisioning.hostSteps ?? []), ...provisioning.steps]) {
        for (const secret of secrets) expect(step.script).not.toContain(secret);
        for (const file of step.files.filter((f) => !f.secret)) {
          for (const secret of secrets)
            expect([file.path, file.content.includes(secret)]).toEqual([file.path, false]);
          expect(file.content).not.toContain("PRIVATE KEY");
        }
        for (const file of step.files.filter((f) => f.secret))
          expect(file.mode.endsWith("0")).toBe(true);
      }
    },
  );
});

describe("redis", () => {
  const acl = redisAcl({
    harbor: SECRETS.redisHarbor,
    exporter: SECRETS.redisExporter,
    default: SECRETS.redisDefault,
  });

  it("keeps only SHA-256 hashes of the passwords in the ACL file", () => {
    expect(acl).not.toContain(SECRETS.redisHarbor);
    expect(acl).toContain(`#${sha(SECRETS.redisHarbor)}`);
    expect(acl).toContain(`#${sha(SECRETS.redisExporter)}`);
  });

  it("disables the default user and defines one user per consumer", () => {
    const users = acl
      .trim()
      .split("\n")
      .map((l) => l.split(" ").slice(0, 3).join(" "));
    expect(users).toEqual(["user default off", "user harbor on", "user exporter on"]);
  });

  it("refuses short passwords", () => {
    expect(() =>
      redisAcl({ harbor: "short", exporter: SECRETS.redisExporter, default: SECRETS.redisDefault }),
    ).toThrow(/harbor/);
  });

  it("listens with TLS only, on the guest address and loopback, data on the data mount", () => {
    const conf =
      redisFixture()
        .steps.find((s) => s.name === "configure")
        ?.files.find((f) => f.path === "/etc/redis/redis.conf")?.content ?? "";
    expect(conf).toMatch(/^port 0$/m);
    expect(conf).toMatch(/^tls-port 6379$/m);
    expect(conf).toMatch(/^bind 10\.120\.0\.21 127\.0\.0\.1$/m);
    expect(conf).toMatch(/^dir \/var\/lib\/redis$/m);
    expect(conf).toMatch(/^aclfile \/etc\/redis\/users\.acl$/m);
    expect(
      redisConf({
        bind: ["127.0.0.1"],
        tlsPort: 1,
        dataDir: "/d",
        tlsDir: "/t",
        aclFile: "/a",
        supervised: false,
        logFile: "",
      }),
    ).toMatch(/^supervised no$/m);
  });

  it("points the exporter at loopback over TLS with its own user, from a root-only file", () => {
    const env = redisFixture()
      .steps.flatMap((s) => s.files)
      .find((f) => f.path === "/etc/default/prometheus-redis-exporter");
    expect(env).toMatchObject({ mode: "0600", owner: "root", secret: true });
    expect(env?.content).toContain("REDIS_ADDR=rediss://127.0.0.1:6379");
    expect(env?.content).toContain("REDIS_USER=exporter");
    expect(env?.content).toContain("REDIS_EXPORTER_WEB_LISTEN_ADDRESS=:9121");
  });

  it("pins its packages", () => {
    expect(redisFixture().packages.map((p) => p.name)).toEqual([
      "redis-server",
      "prometheus-redis-exporter",
    ]);
    const install = redisFixture().steps[0]?.script ?? "";
    expect(install).toContain("redis-server=5:7.0.15-1~deb12u10");
    expect(install).toContain("apt-mark hold redis-server prometheus-redis-exporter");
  });
});

describe("postgresql", () => {
  it("admits only Harbor, only over TLS with SCRAM, only from the given networks", () => {
    const hba = pgHba({
      database: "registry",
      user: "harbor",
      networks: ["10.130.0.0/24", "10.131.0.0/24"],
    });
    const rules = hba
      .split("\n")
      .filter((l) => l && !l.startsWith("#"))
      .map((l) => l.split(/\s+/));
    expect(rules).toEqual([
      ["local", "all", "postgres", "peer"],
      ["local", "all", "all", "peer"],
      ["hostssl", "registry", "harbor", "10.130.0.0/24", "scram-sha-256"],
      ["hostssl", "registry", "harbor", "10.131.0.0/24", "scram-sha-256"],
      ["host", "all", "all", "0.0.0.0/0", "reject"],
      ["host", "all", "all", "::/0", "reject"],
    ]);
  });

  it("refuses names and networks that would change the meaning of the files", () => {
    expect(() =>
      pgHba({ database: "registry", user: "harbor all", networks: ["10.0.0.0/8"] }),
    ).toThrow(/role/);
    expect(() => pgHba({ database: "registry", user: "harbor", networks: [] })).toThrow(
      /no network/,
    );
    expect(() => pgHba({ database: "registry", user: "harbor", networks: ["all"] })).toThrow(
      /CIDR/,
    );
    expect(() =>
      postgresSetupSql({ role: "x'; drop", database: "registry", passwordFile: "/p" }),
    ).toThrow(/identifier/);
  });

  it("reads the password from its file inside psql, with terse errors", () => {
    const sql = postgresSetupSql({ role: "harbor", database: "registry", passwordFile: "/etc/p" });
    expect(sql).toContain("\\set password `cat /etc/p`");
    expect(sql).toContain("\\set VERBOSITY terse");
    expect(sql).toMatch(/WHERE NOT EXISTS \(SELECT FROM pg_roles/);
  });

  it("issues the server certificate as TLS files and enables ssl in a conf.d drop-in", () => {
    const files = postgresFixture().steps.flatMap((s) => s.files);
    const conf = files.find((f) => f.path.endsWith("/conf.d/10-services.conf"))?.content ?? "";
    expect(conf).toMatch(/^ssl = on$/m);
    expect(conf).toMatch(/^listen_addresses = '10\.120\.0\.51,localhost'$/m);
    expect(files.find((f) => f.path.endsWith("/tls/server.key"))).toMatchObject({
      mode: "0600",
      owner: "postgres",
      secret: true,
    });
  });
});

describe("apt scripts", () => {
  const pins = [{ name: "redis-server", version: "5:7.0.15-1~deb12u10" }];
  const program = (script: string) =>
    renderStepProgram("redis-1", { name: "install", files: [], script });
  const fakeApt = (installed: string, installFails = false) =>
    shims({
      "dpkg-query": `echo -n ${JSON.stringify(installed)}`,
      "apt-get": `echo "apt-get $*" >> "$APT_LOG"; ${installFails ? '[ "$1" = install ] && { echo "E: Version not found" >&2; exit 100; };' : ""} exit 0`,
      "apt-mark": `echo "apt-mark $*" >> "$APT_LOG"`,
    });
  let logs = 0;
  const log = () => join(tmpdir(), `apt-${process.pid}-${(logs += 1)}.log`);

  it("does nothing but hold when the pinned version is installed", () => {
    const file = log();
    const result = runBash(program(aptInstallScript(pins)), {
      shimDir: fakeApt("install ok installed 5:7.0.15-1~deb12u10"),
      env: { APT_LOG: file },
    });
    expect(result.status).toBe(0);
    const calls = readFileSync(file, "utf8");
    expect(calls).not.toContain("apt-get");
    expect(calls).toContain("apt-mark hold redis-server");
  });

  it("installs exactly the pinned version when another is installed", () => {
    const file = log();
    const result = runBash(program(aptInstallScript(pins)), {
      shimDir: fakeApt("install ok installed 5:7.0.11-1"),
      env: { APT_LOG: file },
    });
    expect(result.status).toBe(0);
    expect(readFileSync(file, "utf8")).toMatch(
      /apt-get install .* redis-server=5:7\.0\.15-1~deb12u10/,
    );
  });

  it("fails a failed install with the guest and the step", () => {
    const result = runBash(program(aptInstallScript(pins)), {
      shimDir: fakeApt("", true),
      env: { APT_LOG: log() },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      "redis-1: install: apt-get install failed for redis-server=5:7.0.15-1~deb12u10",
    );
    expect(result.stdout).not.toContain("done");
  });

  it("restricts a repository to its own keyring and refuses a key with another fingerprint", () => {
    expect(aptSourcesFile(ELASTIC_REPOSITORY).content).toBe(
      "deb [signed-by=/etc/apt/keyrings/elastic-8.gpg] https://artifacts.elastic.co/packages/8.x/apt stable main\n",
    );
    const script = aptKeyScript({ ...ELASTIC_REPOSITORY, name: `test-${process.pid}` });
    const bin = shims({
      curl: 'while [ $# -gt 0 ]; do if [ "$1" = -o ]; then echo key > "$2"; fi; shift; done',
      gpg: 'echo "fpr:::::::::0000000000000000000000000000000000000000:"',
    });
    const result = runBash(program(script.replaceAll("/etc/apt/keyrings", tmpdir())), {
      shimDir: bin,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `key has fingerprint 0000000000000000000000000000000000000000, expected ${ELASTIC_REPOSITORY.fingerprint}`,
    );
  });
});
