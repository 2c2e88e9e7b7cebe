/**
 * The whole staging program offline: Harbor is told to use the Redis ACL user over TLS, and the
 * password in its Secret is the one the Redis guest is provisioned with.
 */
import { createHash } from "node:crypto";
import type { PreviewResult } from "../../scripts/offline/preview";
import { sharedPreview } from "../support/sharedPreview";
import { named, plaintextOccurrences } from "../support/preview";

let result: PreviewResult;

beforeAll(async () => {
  result = await sharedPreview("staging");
}, 240_000);

/** The content of one file inside a step program (base64 here-document after its path). */
function fileInProgram(program: string, path: string): string {
  const start = program.indexOf(`"$(dirname '${path}')"`);
  const body = /<<'PULUMI_FILE_EOF_*'\n([\s\S]*?)\nPULUMI_FILE_EOF_*\n/.exec(program.slice(start));
  return Buffer.from((body?.[1] ?? "").replace(/\n/g, ""), "base64").toString("utf8");
}

test("the program runs", () => {
  expect(result.error).toBeUndefined();
  expect(result.ok).toBe(true);
});

test("Harbor connects to Redis as the ACL user harbor, over TLS", () => {
  const values = named(result, "kubernetes:helm.sh/v3:Release", "platform-harbor").inputs[
    "values"
  ] as {
    redis: { external: Record<string, unknown> };
  };
  expect(values.redis.external).toMatchObject({
    addr: "redis-1.stg.sp1.internal.example.com:6379",
    username: "harbor",
    existingSecret: "harbor-redis",
    tlsOptions: { enable: true },
  });
});

test("the harbor-redis Secret holds the password the Redis guest hashes into its ACL file", () => {
  const secret = named(result, "kubernetes:core/v1:Secret", "platform-secrets-harbor-redis");
  const data = secret.inputs["stringData"] as Record<string, string>;
  expect(data["REDIS_USERNAME"]).toBe("harbor");
  const password = data["REDIS_PASSWORD"] ?? "";
  expect(password.length).toBe(32);
  expect(plaintextOccurrences(secret.rawInputs, password)).toEqual([]);
  const configure = named(result, "command:remote:Command", "redis-1-configure");
  const acl = fileInProgram(String(configure.inputs["stdin"]), "/etc/redis/users.acl");
  const hash = createHash("sha256").update(password).digest("hex");
  expect(acl).toContain(`user harbor on #${hash}`);
  expect(plaintextOccurrences(configure.rawInputs, password)).toEqual([]);
});

test("PostgreSQL is provisioned with the password Harbor's Secret holds", () => {
  const secret = named(result, "kubernetes:core/v1:Secret", "platform-secrets-harbor-database");
  const password = (secret.inputs["stringData"] as Record<string, string>)["password"] ?? "";
  const configure = named(result, "command:remote:Command", "postgres-1-configure");
  const file = fileInProgram(
    String(configure.inputs["stdin"]),
    "/etc/postgresql/15/main/secrets/harbor.password",
  );
  expect(password).toHaveLength(32);
  expect(file).toBe(password);
});

test("the services layer's credentials are a secret stack output", () => {
  expect(result.secretOutputs).toContain("serviceCredentials");
  expect(result.outputs["services"]).toEqual(
    expect.arrayContaining([expect.objectContaining({ guest: "redis-1", service: "redis" })]),
  );
});

describe("MongoDB: the exporter Prometheus scrapes, and the applications' users", () => {
  const members = ["mongo-1", "mongo-2", "mongo-3"];
  const install = (guest: string) => named(result, "command:remote:Command", `${guest}-install`);

  test("Prometheus's mongodb job scrapes each member where its exporter listens", () => {
    const values = named(result, "kubernetes:helm.sh/v3:Release", "platform-kube-prometheus-stack")
      .inputs["values"] as {
      prometheus: {
        prometheusSpec: {
          additionalScrapeConfigs: { job_name: string; static_configs: { targets: string[] }[] }[];
        };
      };
    };
    const job = values.prometheus.prometheusSpec.additionalScrapeConfigs.find(
      (j) => j.job_name === "mongodb",
    );
    const targets = job?.static_configs.flatMap((c) => c.targets) ?? [];
    expect(targets).toEqual(members.map((g) => `${g}.stg.sp1.internal.example.com:9216`));
    for (const guest of members) {
      expect(String(install(guest).inputs["stdin"])).toContain(
        "ExecStart=/usr/local/bin/mongodb_exporter --web.listen-address=:9216 ",
      );
    }
  });

  test("each member's exporter logs in with the password its MongoDB user is given", () => {
    const user = named(
      result,
      "pulumi-nodejs:dynamic/mongodb:MongoUser",
      "mongodb-rs0-mongodb_exporter",
    );
    const password = String(user.inputs["password"]);
    expect(password).toHaveLength(32);
    for (const guest of members) {
      const env = fileInProgram(
        String(install(guest).inputs["stdin"]),
        "/run/baremetal-mongodb/exporter.env",
      );
      expect(env).toBe(`MONGODB_USER=mongodb_exporter\nMONGODB_PASSWORD=${password}\n`);
      expect(plaintextOccurrences(install(guest).rawInputs, password)).toEqual([]);
    }
  });

  test("the application users are a secret stack output, by name", () => {
    expect(result.secretOutputs).toContain("mongodbUsers");
    expect(Object.keys(result.outputs["mongodbUsers"] as Record<string, unknown>)).toEqual([
      "payments",
    ]);
    const user = named(result, "pulumi-nodejs:dynamic/mongodb:MongoUser", "mongodb-rs0-payments");
    expect(user.inputs["roles"]).toEqual([{ role: "readWrite", db: "payments" }]);
  });
});
