/**
 * The real redis-server with the rendered configuration and ACL file, on loopback: TLS only,
 * unauthenticated commands refused, each ACL user limited to what it needs.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { redisAcl, redisConf } from "../../../components/services/redis/render";
import { requireBinaryOrSkip, tempDir } from "../sandbox";
import { testTls } from "./certs";
import { freePort, waitForPort } from "./ports";

const available =
  requireBinaryOrSkip("redis-server", "the real Redis test") &&
  requireBinaryOrSkip("redis-cli", "the real Redis test");
const suite = available ? describe : describe.skip;

const passwords = {
  harbor: "harbor-password-0123456789abcdef",
  exporter: "exporter-password-0123456789abcd",
  default: "default-password-0123456789abcde",
};

suite("redis-server with the rendered configuration", () => {
  let server: ChildProcess;
  let port: number;
  let dir: string;

  beforeAll(async () => {
    dir = tempDir("redis-real");
    const tlsDir = join(dir, "tls");
    mkdirSync(tlsDir);
    mkdirSync(join(dir, "data"));
    const tls = testTls(tlsDir);
    writeFileSync(join(tlsDir, "server.crt"), tls.certPem);
    writeFileSync(join(tlsDir, "server.key"), tls.keyPem, { mode: 0o600 });
    writeFileSync(join(tlsDir, "ca.crt"), tls.caPem);
    writeFileSync(join(dir, "users.acl"), redisAcl(passwords), { mode: 0o600 });
    port = await freePort();
    const conf = redisConf({
      bind: ["127.0.0.1"],
      tlsPort: port,
      dataDir: join(dir, "data"),
      tlsDir,
      aclFile: join(dir, "users.acl"),
      supervised: false,
      logFile: join(dir, "redis.log"),
    });
    writeFileSync(join(dir, "redis.conf"), conf);
    server = spawn("redis-server", [join(dir, "redis.conf")], { stdio: "ignore" });
    await waitForPort(port);
  });

  afterAll(() => {
    server?.kill("SIGTERM");
  });

  const cli = (args: string[], user?: keyof typeof passwords, tls = true) => {
    const result = spawnSync(
      "redis-cli",
      [
        ...(tls ? ["--tls", "--cacert", join(dir, "tls", "ca.crt")] : []),
        "-h",
        "127.0.0.1",
        "-p",
        String(port),
        ...(user ? ["--user", user, "--no-auth-warning"] : []),
        ...args,
      ],
      {
        encoding: "utf8",
        timeout: 10_000,
        // The password goes in the environment, as the guest's readiness check does.
        env: { ...process.env, ...(user ? { REDISCLI_AUTH: passwords[user] } : {}) },
      },
    );
    return `${result.stdout}${result.stderr}`.trim();
  };

  it("refuses an unauthenticated command", () => {
    expect(cli(["PING"])).toMatch(/NOAUTH/);
    expect(cli(["GET", "x"])).toMatch(/NOAUTH/);
  });

  it("accepts Harbor's ACL user over TLS for reads and writes", () => {
    expect(cli(["PING"], "harbor")).toBe("PONG");
    expect(cli(["SET", "harbor:probe", "1"], "harbor")).toBe("OK");
    expect(cli(["GET", "harbor:probe"], "harbor")).toBe("1");
  });

  it("does not let Harbor wipe or administer the server", () => {
    expect(cli(["FLUSHALL"], "harbor")).toMatch(/NOPERM/);
    expect(cli(["CONFIG", "SET", "maxmemory", "1"], "harbor")).toMatch(/NOPERM/);
  });

  it("lets the exporter read INFO but not write", () => {
    expect(cli(["INFO", "server"], "exporter")).toMatch(/redis_version:/);
    expect(cli(["SET", "x", "1"], "exporter")).toMatch(/NOPERM/);
  });

  it("keeps the default user disabled, even with its password", () => {
    expect(cli(["PING"], "default")).toMatch(/WRONGPASS|disabled/);
  });

  it("has no plain-text listener", () => {
    expect(cli(["PING"], "harbor", false)).not.toBe("PONG");
  });
});
