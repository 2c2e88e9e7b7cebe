import type { MongoClientOptions } from "mongodb";
import { driverClientOptions, driverRunner } from "../../providers/mongodb/runner";

const CA = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

describe("driver runner (the real path, with a stub in place of MongoClient)", () => {
  test("TLS with verification by default, direct connection, credentials in options only", () => {
    const { url, options } = driverClientOptions(
      "mongo-1.sp1.internal:27017",
      { caFile: "/etc/ssl/internal-ca.pem" },
      { username: "admin", password: "p@ss:/word" },
    );
    expect(url).toBe("mongodb://mongo-1.sp1.internal:27017/");
    expect(url).not.toContain("p@ss");
    expect(options).toEqual({
      directConnection: true,
      appName: "baremetal-pulumi",
      serverSelectionTimeoutMS: 10_000,
      connectTimeoutMS: 10_000,
      tls: true,
      tlsCAFile: "/etc/ssl/internal-ca.pem",
      auth: { username: "admin", password: "p@ss:/word" },
      authSource: "admin",
    });
    expect(options.tlsAllowInvalidCertificates).toBeUndefined();
  });

  test("CA as PEM text, insecure only when asked, custom auth source, no TLS options without TLS", () => {
    const pem = driverClientOptions(
      "h:27017",
      { caPem: CA, insecure: true, authSource: "ops" },
      {
        username: "u",
        password: "p",
      },
    ).options;
    expect(pem).toMatchObject({
      tls: true,
      ca: CA,
      tlsAllowInvalidCertificates: true,
      tlsAllowInvalidHostnames: true,
      authSource: "ops",
    });
    const plain = driverClientOptions("h:27017", { tls: false, caPem: CA }, undefined).options;
    expect(plain).toEqual({
      directConnection: true,
      appName: "baremetal-pulumi",
      serverSelectionTimeoutMS: 10_000,
      connectTimeoutMS: 10_000,
      tls: false,
    });
  });

  test("one client per member, commands in the right database, errors classified, all closed", async () => {
    const made: { url: string; options: MongoClientOptions; closed: boolean; sent: unknown[] }[] =
      [];
    class StubClient {
      private readonly record: (typeof made)[number];
      constructor(url: string, options: MongoClientOptions) {
        this.record = { url, options, closed: false, sent: [] };
        made.push(this.record);
      }
      db(name: string) {
        return {
          command: async (command: Record<string, unknown>) => {
            this.record.sent.push({ db: name, command });
            if (this.record.url.includes("down")) {
              throw Object.assign(new Error("Server selection timed out after 10000 ms"), {
                name: "MongoServerSelectionError",
              });
            }
            if ("replSetGetStatus" in command) {
              throw Object.assign(new Error("no replset config has been received"), {
                code: 94,
                codeName: "NotYetInitialized",
              });
            }
            return { ok: 1 };
          },
        };
      }
      async close() {
        this.record.closed = true;
      }
    }
    const runner = driverRunner({ tls: true }, { username: "admin", password: "pw" }, StubClient);
    await runner.runAdmin("a:27017", { hello: 1 });
    await runner.runOn("a:27017", "payments", { usersInfo: { user: "x", db: "payments" } });
    await expect(runner.runAdmin("a:27017", { replSetGetStatus: 1 })).rejects.toMatchObject({
      code: 94,
      codeName: "NotYetInitialized",
    });
    const down = await runner.runAdmin("down:27017", { hello: 1 }).catch((e: Error) => e);
    expect((down as Error).message).toBe(
      "down:27017 is unreachable: Server selection timed out after 10000 ms",
    );
    expect((down as { code?: unknown }).code).toBeUndefined();
    expect(made.map((m) => m.url)).toEqual(["mongodb://a:27017/", "mongodb://down:27017/"]);
    expect(made[0]?.sent).toEqual([
      { db: "admin", command: { hello: 1 } },
      { db: "payments", command: { usersInfo: { user: "x", db: "payments" } } },
      { db: "admin", command: { replSetGetStatus: 1 } },
    ]);
    await runner.close();
    expect(made.every((m) => m.closed)).toBe(true);
  });

  test("the default constructor is the installed mongodb driver's MongoClient", async () => {
    // Unreachable on purpose: proves the driver loads and a refused connection names the member.
    const runner = driverRunner({ tls: false, connectTimeoutMs: 300 }, undefined);
    try {
      await expect(runner.runAdmin("127.0.0.1:1", { hello: 1 })).rejects.toThrow(
        /^127\.0\.0\.1:1 is unreachable: /,
      );
    } finally {
      await runner.close();
    }
  });
});
