/**
 * The ServicesLayer under the offline engine (Pulumi mocks) with the real staging placement:
 * which commands run where and in what order, and that no secret reaches state in plain text.
 */
import * as pulumi from "@pulumi/pulumi";
import { planDataCenter } from "../../components/plan";
import type { StackConfig } from "../../components/config/schema";
import { parseStackConfig } from "../../components/config/validate";
import { ServicesLayer, type ServicesLayerArgs } from "../../components/services";
import type { ServiceContext } from "../../components/services/context";
import { GarageService } from "../../components/services/garage/service";
import { GARAGE_RELEASE } from "../../components/services/versions";
import { computedOutputsFor } from "../../scripts/offline/computed";
import {
  startOfflineEngine,
  type OfflineEngine,
  type RecordedResource,
} from "../../scripts/offline/engine";
import { allSecrets, rawStackConfig } from "../support/stackConfig";
import { plaintextOccurrences } from "../support/preview";
import { SECRETS, TLS } from "./fixtures";
import { MONGODB_EXPORTER_RELEASE, MONGODB_PACKAGES } from "../../components/services/versions";

const COMMAND = "command:remote:Command";
const SSH_KEY =
  "-----BEGIN OPENSSH PRIVATE KEY-----\nSSH-KEY-MATERIAL\n-----END OPENSSH PRIVATE KEY-----";
const CA_KEY = "-----BEGIN PRIVATE KEY-----\nCA-KEY-MATERIAL\n-----END PRIVATE KEY-----\n";

function layerArgs(config: StackConfig, extra: Partial<ServicesLayerArgs> = {}): ServicesLayerArgs {
  return {
    plan: planDataCenter(config).serviceLayer,
    containers: {},
    sshPrivateKey: pulumi.secret(SSH_KEY),
    certificateAuthorities: {
      "internal-ca": { certPem: pulumi.output(TLS.caPem), privateKeyPem: pulumi.secret(CA_KEY) },
    },
    caBundle: pulumi.output(TLS.caPem),
    routerSnmp: pulumi.secret({
      username: "monitoring",
      authProtocol: "SHA1" as const,
      authPassword: SECRETS.snmpAuth,
      privProtocol: "AES" as const,
      privPassword: SECRETS.snmpPriv,
    }),
    platformCredentials: {
      harborRedisPassword: pulumi.secret(SECRETS.redisHarbor),
      harborDatabasePassword: pulumi.secret(SECRETS.harborDatabase),
      elasticsearchPassword: pulumi.secret(SECRETS.shipper),
      harborS3AccessKey: pulumi.secret("GK0123456789abcdef01234567"),
      harborS3SecretKey: pulumi.secret(SECRETS.harborS3Secret),
    },
    ...extra,
  };
}

/** Waits until every step and the replica set's resources are registered. */
async function settled(layer: ServicesLayer): Promise<void> {
  const resources: pulumi.Resource[] = [
    ...Object.values(layer.services).flatMap((s) => s.steps),
    ...(layer.mongodb ? [layer.mongodb.replicaSet, ...layer.mongodb.users] : []),
  ];
  await Promise.all(resources.map((r) => new Promise((resolve) => r.urn.apply(resolve))));
}

/** The content of a file the step program stages in `/run/baremetal-mongodb` (base64 inside). */
function stagedContent(stdin: string, file: string): string {
  const at = stdin.indexOf(`/run/baremetal-mongodb/${file}`);
  const block = /<<'PULUMI_FILE_EOF'\n([\s\S]*?)\nPULUMI_FILE_EOF/.exec(stdin.slice(at))?.[1];
  return Buffer.from(block?.replace(/\n/g, "") ?? "", "base64").toString("utf8");
}

/** The value the offline engine gives a 32-character `RandomPassword`. */
const offlinePassword = (name: string): string =>
  String(
    computedOutputsFor("random:index/randomPassword:RandomPassword", name, { length: 32 })[
      "result"
    ],
  );

const staging = () => parseStackConfig(rawStackConfig("staging"), allSecrets());
/** Staging without the move off AWS: the data center's own replica set. */
const standalone = (): StackConfig => {
  const raw = rawStackConfig("staging");
  delete raw["migration"];
  return parseStackConfig(raw, allSecrets());
};

describe("ServicesLayer on the staging placement", () => {
  let engine: OfflineEngine;
  let layer: ServicesLayer;
  const warnings: string[] = [];
  const commands = () => engine.resources.filter((r) => r.type === COMMAND);
  const command = (name: string): RecordedResource => {
    const found = commands().find((c) => c.name === name);
    if (!found) throw new Error(`no command ${name}`);
    return found;
  };

  beforeAll(async () => {
    engine = await startOfflineEngine({ project: "baremetal", stack: "staging", preview: true });
    const config = staging();
    const warn = jest.spyOn(console, "warn").mockImplementation((...args: unknown[]) => {
      warnings.push(args.map(String).join(" "));
    });
    layer = new ServicesLayer(
      "services",
      layerArgs(config, {
        mongodb: {
          "mongo-1": {
            guest: "mongo-1",
            service: "mongodb",
            packages: [{ name: "mongodb-org", version: "8.0.4" }],
            steps: [{ name: "install", script: "true", files: [] }],
          },
        },
      }),
    );
    await settled(layer);
    warn.mockRestore();
  });

  it("runs each role's steps in order, one component per guest", () => {
    expect(
      commands()
        .map((c) => c.name)
        .sort(),
    ).toEqual([
      "elasticsearch-1-configure",
      "elasticsearch-1-host-sysctl",
      "elasticsearch-1-install",
      "kibana-1-configure",
      "kibana-1-install",
      "mongo-1-install",
      "mongo-2-install",
      "mongo-3-install",
      "objects-1-configure",
      "objects-1-install",
      "postgres-1-configure",
      "postgres-1-install",
      "redis-1-configure",
      "redis-1-install",
      "zabbix-1-database",
      "zabbix-1-install",
      "zabbix-1-routers",
      "zabbix-1-server",
    ]);
    expect(command("zabbix-1-routers").dependencies).toContain(command("zabbix-1-server").urn);
    expect(command("zabbix-1-server").dependencies).toContain(command("zabbix-1-database").urn);
    expect(command("redis-1-configure").dependencies).toContain(command("redis-1-install").urn);
    expect(command("objects-1-configure").dependencies).toContain(command("objects-1-install").urn);
    const parentTypes = commands().map(
      (c) => engine.resources.find((r) => r.urn === c.parentUrn)?.type,
    );
    expect(new Set(parentTypes)).toEqual(
      new Set([
        "baremetal:services:RedisService",
        "baremetal:services:PostgresService",
        "baremetal:services:MongoDbService",
        "baremetal:services:ZabbixService",
        "baremetal:services:ElasticsearchService",
        "baremetal:services:KibanaService",
        "baremetal:services:GarageService",
      ]),
    );
    // Kibana waits for Elasticsearch, whose guest steps wait for the host's kernel setting.
    expect(command("kibana-1-install").dependencies).toContain(
      command("elasticsearch-1-configure").urn,
    );
    expect(command("elasticsearch-1-install").dependencies).toContain(
      command("elasticsearch-1-host-sysctl").urn,
    );
    expect(command("elasticsearch-1-host-sysctl").inputs["create"]).toBe("exec /bin/bash -s");
  });

  it("reaches each container through its Proxmox host with pct exec, no secret on the command line", () => {
    const redis = command("redis-1-configure");
    expect(redis.inputs["create"]).toContain("pct exec 211 -- /bin/bash -s");
    expect((redis.inputs["connection"] as Record<string, unknown>)["host"]).toBe("10.110.0.11");
    for (const secret of [...Object.values(SECRETS), "SSH-KEY-MATERIAL"]) {
      expect(String(redis.inputs["create"])).not.toContain(secret);
    }
  });

  it("keeps every secret out of plain state: stdin and the SSH key are secret", () => {
    for (const c of commands()) {
      for (const secret of [...Object.values(SECRETS), "SSH-KEY-MATERIAL", "CA-KEY-MATERIAL"]) {
        expect([c.name, plaintextOccurrences(c.rawInputs, secret)]).toEqual([c.name, []]);
      }
      expect(c.additionalSecretOutputs).toEqual(expect.arrayContaining(["stdout", "stderr"]));
    }
    // The program does travel (secret) on stdin, with the passwords inside.
    const stdin = String(command("postgres-1-configure").inputs["stdin"]);
    expect(stdin).toContain(Buffer.from(SECRETS.harborDatabase).toString("base64"));
  });

  it("re-runs a step only when its content hash changes, and logs only stderr where secrets travel", () => {
    const triggers = command("redis-1-configure").rawInputs["triggers"] as unknown[];
    expect(triggers).toHaveLength(1);
    expect(String(triggers[0])).toMatch(/^[0-9a-f]{64}$/);
    expect(command("redis-1-configure").inputs["logging"]).toBe("stderr");
    expect(command("redis-1-install").inputs["logging"]).toBe("stdoutAndStderr");
  });

  it("imports the routers into Zabbix at their address in the zabbix guest's network", () => {
    const stdin = String(command("zabbix-1-routers").inputs["stdin"]);
    const yaml = Buffer.from(
      /router-hosts\.yaml[^\n]*\n[^\n]*\n[^\n]*<<'PULUMI_FILE_EOF'\n([\s\S]*?)\nPULUMI_FILE_EOF/
        .exec(stdin)?.[1]
        ?.replace(/\n/g, "") ?? "",
      "base64",
    ).toString("utf8");
    expect(yaml).toContain("ip: 10.120.0.2");
    expect(yaml).toContain("ip: 10.120.0.3");
    expect(yaml).toContain(`authpassphrase: ${SECRETS.snmpAuth}`);
    expect(layer.credentials["zabbixAdminPassword"]).toBeDefined();
  });

  it("issues server certificates for the guests' FQDNs from the internal CA", () => {
    const request = engine.resources.find(
      (r) => r.type === "tls:index/certRequest:CertRequest" && r.name === "postgres-1-tls-request",
    );
    expect(request?.inputs["dnsNames"]).toEqual([
      "postgres-1.stg.sp1.internal.example.com",
      "localhost",
    ]);
    const signed = engine.resources.find(
      (r) =>
        r.type === "tls:index/locallySignedCert:LocallySignedCert" &&
        r.name === "postgres-1-tls-cert",
    );
    expect(plaintextOccurrences(signed?.rawInputs, "CA-KEY-MATERIAL")).toEqual([]);
  });

  it("provisions Garage v2.2.0 in the objectstore guest, with no warning left", () => {
    // Warnings are captured (MongoDB's keyfile notice is one); none is about Garage.
    expect(warnings.some((w) => /MongoDB/.test(w))).toBe(true);
    expect(warnings.filter((w) => /garage/i.test(w))).toEqual([]);
    const configure = command("objects-1-configure");
    expect(configure.inputs["create"]).toContain("pct exec 251 -- /bin/bash -s");
    expect(configure.inputs["logging"]).toBe("stderr");
    const stdin = String(configure.inputs["stdin"]);
    // Harbor's key travels in the program (secret), in the file ImportKey reads.
    expect(stdin).toContain('garage_api ImportKey "${garage_secrets}/harbor-key.json"');
    expect(stdin).toContain("garage_api 'GetNodeInfo?node=self'");
    const install = String(command("objects-1-install").inputs["stdin"]);
    expect(install).toContain(
      "https://garagehq.deuxfleurs.fr/_releases/v2.2.0/x86_64-unknown-linux-musl/garage",
    );
    expect(install).toContain("ec761bb996e8453e86fe68ccc1cf222c73bb1ef05ae0b540bd4827e7d1931aab");
    expect(layer.credentials["garageAdminToken"]).toBeDefined();
  });

  it("reports what is installed where, with versions", () => {
    expect(layer.inventory).toEqual(
      expect.arrayContaining([
        {
          guest: "redis-1",
          host: "pve-stg",
          service: "redis",
          packages: ["redis-server=5:7.0.15-1~deb12u10", "prometheus-redis-exporter=1.45.0-2+b4"],
        },
        {
          guest: "postgres-1",
          host: "pve-stg",
          service: "postgresql",
          packages: ["postgresql-15=15.20-0+deb12u1"],
        },
        { guest: "mongo-1", host: "pve-stg", service: "mongodb", packages: ["mongodb-org=8.0.4"] },
        {
          guest: "objects-1",
          host: "pve-stg",
          service: "garage",
          packages: ["garage=v2.2.0", "nginx=1.22.1-9+deb12u11"],
        },
        {
          guest: "elasticsearch-1",
          host: "pve-stg",
          service: "elasticsearch",
          packages: ["elasticsearch=8.19.4"],
        },
      ]),
    );
  });
});

describe("ServicesLayer provisions the MongoDB replica set", () => {
  let engine: OfflineEngine;
  let layer: ServicesLayer;
  const named = (type: string, name: string): RecordedResource => {
    const found = engine.resources.find((r) => r.type === type && r.name === name);
    if (!found) throw new Error(`no ${type} ${name}`);
    return found;
  };
  const stagedFiles = (name: string) => {
    const stdin = String(named(COMMAND, name).inputs["stdin"]);
    return [...stdin.matchAll(/\/run\/baremetal-mongodb\/([a-z.]+)/g)].map((m) => m[1]);
  };

  beforeAll(async () => {
    engine = await startOfflineEngine({ project: "baremetal", stack: "staging", preview: true });
    layer = new ServicesLayer("services", layerArgs(standalone()));
    await settled(layer);
  });

  it("installs every member from the renderers; only the first bootstraps with the admin password", () => {
    expect(stagedFiles("mongo-1-install")).toEqual(
      expect.arrayContaining(["keyfile", "tls.crt", "tls.key", "ca.crt", "admin.password"]),
    );
    expect(stagedFiles("mongo-2-install")).toEqual(
      expect.arrayContaining(["keyfile", "tls.crt", "tls.key", "ca.crt"]),
    );
    expect(stagedFiles("mongo-2-install")).not.toContain("admin.password");
    expect(String(named(COMMAND, "mongo-1-install").inputs["stdin"])).toContain("rs.initiate");
    expect(String(named(COMMAND, "mongo-2-install").inputs["stdin"])).not.toContain("rs.initiate");
    expect(named(COMMAND, "mongo-1-install").rawInputs["stdin"]).toMatchObject({
      [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig,
    });
  });

  it("installs the members one after another, so a new pin never restarts the whole set at once", () => {
    const install = (member: string) => named(COMMAND, `${member}-install`);
    expect(install("mongo-1").dependencies).not.toContain(install("mongo-2").urn);
    expect(install("mongo-2").dependencies).toContain(install("mongo-1").urn);
    expect(install("mongo-3").dependencies).toEqual(
      expect.arrayContaining([install("mongo-1").urn, install("mongo-2").urn]),
    );
    // The script waits for its mongod to answer before the step ends, and fails if it does not.
    expect(String(install("mongo-1").inputs["stdin"])).toContain(
      "mongod did not answer on localhost:27017 within 5 minutes",
    );
  });

  it("generates one keyfile, one admin password and one password per user for the set, as secrets", async () => {
    const passwords = engine.resources.filter(
      (r) =>
        r.type === "random:index/randomPassword:RandomPassword" && r.name.startsWith("mongodb-"),
    );
    expect(passwords.map((p) => p.name).sort()).toEqual([
      "mongodb-rs0-admin-password",
      "mongodb-rs0-keyfile",
      "mongodb-rs0-mongodb_exporter-password",
      "mongodb-rs0-payments-password",
    ]);
    for (const p of passwords) expect(p.additionalSecretOutputs).toContain("result");
    // No rotation asked for: no keepers, exactly as the generators were before rotation existed.
    for (const p of passwords) expect(p.inputs["keepers"]).toBeUndefined();
    const admin = layer.credentials["mongodbAdminPassword"];
    expect(admin).toBeDefined();
    expect(await pulumi.isSecret(admin as pulumi.Output<string>)).toBe(true);
    expect(Object.keys(layer.mongodbUsers)).toEqual(["payments"]);
    expect(await pulumi.isSecret(layer.mongodbUsers["payments"] as pulumi.Output<unknown>)).toBe(
      true,
    );
  });

  it("one protected ReplicaSet over the members, after their install steps", () => {
    const set = named("pulumi-nodejs:dynamic/mongodb:ReplicaSet", "mongodb-rs0");
    expect(set.inputs["name"]).toBe("rs0");
    expect(set.inputs["members"]).toEqual([
      { host: "mongo-1.stg.sp1.internal.example.com:27017", priority: 2 },
      { host: "mongo-2.stg.sp1.internal.example.com:27017" },
      { host: "mongo-3.stg.sp1.internal.example.com:27017" },
    ]);
    expect(set.protect).toBe(true);
    for (const member of ["mongo-1", "mongo-2", "mongo-3"]) {
      expect(set.dependencies).toContain(named(COMMAND, `${member}-install`).urn);
    }
    expect((set.inputs["connection"] as Record<string, unknown>)["caPem"]).toBe(TLS.caPem);
    // The offline preview numbers the members as a fresh replSetInitiate would.
    expect(computedOutputsFor(set.type, set.name, set.inputs)["memberIds"]).toEqual({
      "mongo-1.stg.sp1.internal.example.com:27017": 0,
      "mongo-2.stg.sp1.internal.example.com:27017": 1,
      "mongo-3.stg.sp1.internal.example.com:27017": 2,
    });
  });

  it("the application user with a secret password, after the set", () => {
    const set = named("pulumi-nodejs:dynamic/mongodb:ReplicaSet", "mongodb-rs0");
    const user = named("pulumi-nodejs:dynamic/mongodb:MongoUser", "mongodb-rs0-payments");
    expect(user.inputs["username"]).toBe("payments");
    expect(user.inputs["roles"]).toEqual([{ role: "readWrite", db: "payments" }]);
    expect(user.dependencies).toContain(set.urn);
    expect(user.rawInputs["password"]).toMatchObject({
      [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig,
    });
    expect(user.additionalSecretOutputs).toContain("password");
  });

  it("runs Percona's exporter on every member with its own monitoring user", async () => {
    const exporterPassword = offlinePassword("mongodb-rs0-mongodb_exporter-password");
    for (const member of ["mongo-1", "mongo-2", "mongo-3"]) {
      const install = named(COMMAND, `${member}-install`);
      const stdin = String(install.inputs["stdin"]);
      expect(stagedFiles(`${member}-install`)).toContain("exporter.env");
      expect(stdin).toContain(
        `https://github.com/percona/mongodb_exporter/releases/download/v${MONGODB_EXPORTER_RELEASE.version}/`,
      );
      expect(stdin).toContain(MONGODB_EXPORTER_RELEASE.sha256);
      expect(stdin).toContain("--web.listen-address=:9216");
      expect(stagedContent(stdin, "exporter.env")).toBe(
        `MONGODB_USER=mongodb_exporter\nMONGODB_PASSWORD=${exporterPassword}\n`,
      );
      // The password travels only inside the secret stdin.
      expect(plaintextOccurrences(install.rawInputs, exporterPassword)).toEqual([]);
    }
    const set = named("pulumi-nodejs:dynamic/mongodb:ReplicaSet", "mongodb-rs0");
    const user = named("pulumi-nodejs:dynamic/mongodb:MongoUser", "mongodb-rs0-mongodb_exporter");
    expect(user.inputs["username"]).toBe("mongodb_exporter");
    expect(user.inputs["db"]).toBe("admin");
    expect(user.inputs["roles"]).toEqual([
      { role: "clusterMonitor", db: "admin" },
      { role: "read", db: "local" },
    ]);
    expect(user.inputs["password"]).toBe(exporterPassword);
    expect(user.rawInputs["password"]).toMatchObject({
      [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig,
    });
    expect(user.dependencies).toContain(set.urn);
    expect(layer.inventory.find((e) => e.guest === "mongo-2")?.packages).toEqual([
      `mongodb-org-server=${MONGODB_PACKAGES.server.version}`,
      `mongodb-mongosh=${MONGODB_PACKAGES.mongosh.version}`,
      `mongodb_exporter=${MONGODB_EXPORTER_RELEASE.version}`,
    ]);
  });

  it("reports each application user's credentials, secret, once the user exists", async () => {
    const credentials = await new Promise<unknown>((resolve) =>
      (layer.mongodbUsers["payments"] as pulumi.Output<unknown>).apply(resolve),
    );
    const members = [1, 2, 3].map((n) => `mongo-${n}.stg.sp1.internal.example.com:27017`);
    expect(credentials).toEqual({
      username: "payments",
      database: "payments",
      authSource: "admin",
      password: offlinePassword("mongodb-rs0-payments-password"),
      uri: `mongodb://payments:${offlinePassword("mongodb-rs0-payments-password")}@${members.join(",")}/payments?replicaSet=rs0&tls=true&authSource=admin`,
    });
  });
});

describe("ServicesLayer creates the application users the stack declares", () => {
  let engine: OfflineEngine;
  let layer: ServicesLayer;
  const users = () =>
    engine.resources.filter((r) => r.type === "pulumi-nodejs:dynamic/mongodb:MongoUser");
  const generator = (name: string) =>
    engine.resources.find(
      (r) => r.type === "random:index/randomPassword:RandomPassword" && r.name === name,
    );

  beforeAll(async () => {
    engine = await startOfflineEngine({ project: "baremetal", stack: "staging", preview: true });
    const config = standalone();
    layer = new ServicesLayer(
      "services",
      layerArgs({
        ...config,
        mongodb: {
          applicationUsers: [
            { name: "payments", database: "payments", roles: ["readWrite"], rotation: 2 },
            { name: "ledger-reader", database: "ledger", roles: ["read", "dbAdmin"] },
          ],
        },
      }),
    );
    await settled(layer);
  });

  it("one MongoUser per entry (and the exporter's), each with its roles on its database", () => {
    const byName = users().sort((a, b) => a.name.localeCompare(b.name));
    expect(byName.map((u) => [u.name, u.inputs["username"], u.inputs["roles"]])).toEqual([
      [
        "mongodb-rs0-ledger-reader",
        "ledger-reader",
        [
          { role: "read", db: "ledger" },
          { role: "dbAdmin", db: "ledger" },
        ],
      ],
      ["mongodb-rs0-mongodb_exporter", "mongodb_exporter", expect.any(Array)],
      ["mongodb-rs0-payments", "payments", [{ role: "readWrite", db: "payments" }]],
    ]);
    for (const u of users()) {
      expect(u.inputs["db"]).toBe("admin");
      expect(u.additionalSecretOutputs).toContain("password");
    }
    expect(Object.keys(layer.mongodbUsers)).toEqual(["payments", "ledger-reader"]);
  });

  it("a rotation becomes the password generator's keeper; without one there is none", () => {
    expect(generator("mongodb-rs0-payments-password")?.inputs["keepers"]).toEqual({
      rotation: "2",
    });
    expect(generator("mongodb-rs0-ledger-reader-password")?.inputs["keepers"]).toBeUndefined();
  });
});

describe("ServicesLayer with baremetal:mongodbAdminPassword set", () => {
  let engine: OfflineEngine;
  let layer: ServicesLayer;

  beforeAll(async () => {
    engine = await startOfflineEngine({ project: "baremetal", stack: "staging", preview: true });
    layer = new ServicesLayer(
      "services",
      layerArgs(standalone(), {
        mongodbAdminPassword: pulumi.secret("CONFIGURED-ADMIN-SECRET"),
      }),
    );
    await settled(layer);
  });

  it("bootstraps with the configured password (the provider's), generating none", () => {
    const names = engine.resources
      .filter((r) => r.type === "random:index/randomPassword:RandomPassword")
      .map((r) => r.name);
    expect(names).toContain("mongodb-rs0-keyfile");
    expect(names).not.toContain("mongodb-rs0-admin-password");
    const install = engine.resources.find(
      (r) => r.type === COMMAND && r.name === "mongo-1-install",
    );
    const stdin = String(install?.inputs["stdin"]);
    expect(stdin).toContain(Buffer.from("CONFIGURED-ADMIN-SECRET").toString("base64"));
    expect(plaintextOccurrences(install?.rawInputs, "CONFIGURED-ADMIN-SECRET")).toEqual([]);
    expect(
      plaintextOccurrences(
        install?.rawInputs,
        Buffer.from("CONFIGURED-ADMIN-SECRET").toString("base64"),
      ),
    ).toEqual([]);
    expect(layer.credentials["mongodbAdminPassword"]).toBeUndefined();
    expect(layer.mongodbUsers["payments"]).toBeDefined();
  });
});

describe("ServicesLayer joins the AWS replica set during the migration", () => {
  let engine: OfflineEngine;
  let layer: ServicesLayer;
  const named = (type: string, name: string): RecordedResource => {
    const found = engine.resources.find((r) => r.type === type && r.name === name);
    if (!found) throw new Error(`no ${type} ${name}`);
    return found;
  };

  beforeAll(async () => {
    engine = await startOfflineEngine({ project: "baremetal", stack: "staging", preview: true });
    layer = new ServicesLayer(
      "services",
      layerArgs(staging(), { mongodbKeyfile: pulumi.secret("AWS-KEYFILE-SECRET") }),
    );
    await settled(layer);
  });

  it("no member bootstraps; every member gets the AWS set's keyfile", () => {
    for (const member of ["mongo-1", "mongo-2", "mongo-3"]) {
      const stdin = String(named(COMMAND, `${member}-install`).inputs["stdin"]);
      expect(stdin).not.toContain("/run/baremetal-mongodb/admin.password");
      expect(stdin).not.toContain("rs.initiate");
      expect(stdin).toContain(Buffer.from("AWS-KEYFILE-SECRET").toString("base64"));
    }
    const generated = engine.resources
      .filter((r) => r.type === "random:index/randomPassword:RandomPassword")
      .map((r) => r.name);
    expect(generated).not.toContain("mongodb-rs0-keyfile");
    expect(generated).not.toContain("mongodb-rs0-admin-password");
    expect(layer.credentials["mongodbAdminPassword"]).toBeUndefined();
  });

  it("the ReplicaSet declares the phase's membership: AWS members plus hidden, non-voting data-center members", () => {
    const config = staging();
    const plan = planDataCenter(config);
    const set = named("pulumi-nodejs:dynamic/mongodb:ReplicaSet", "mongodb-rs0");
    const aws = config.aws?.mongodb.members ?? [];
    expect(aws.length).toBeGreaterThan(0);
    expect(set.inputs["seeds"]).toEqual(aws.map((m) => m.host));
    const members = set.inputs["members"] as { host: string; hidden: boolean; votes: number }[];
    expect(members.map((m) => m.host)).toEqual([
      ...aws.map((m) => m.host),
      ...(plan.serviceLayer.mongodb?.datacenterMembers ?? []),
    ]);
    expect(members.filter((m) => m.host.includes(".stg.sp1.internal."))).toEqual(
      ["mongo-1", "mongo-2", "mongo-3"].map((g) => ({
        host: `${g}.stg.sp1.internal.example.com:27017`,
        priority: 0,
        votes: 0,
        hidden: true,
      })),
    );
  });
});

describe("ServicesLayer refuses what it cannot provision", () => {
  let engine: OfflineEngine;
  beforeAll(async () => {
    engine = await startOfflineEngine({ project: "baremetal", stack: "staging", preview: true });
  });

  it("a stack without a `ca` issuer", () => {
    const config = staging();
    const noCa = {
      ...config,
      kubernetes: {
        ...config.kubernetes,
        issuers: config.kubernetes.issuers.filter((i) => i.kind !== "ca"),
      },
    };
    expect(() => new ServicesLayer("services-no-ca", layerArgs(noCa))).toThrow(
      /\[kubernetes\.issuers\].*`ca` issuer/,
    );
  });

  it("a stateful service guest without a data disk, naming the guest", () => {
    const config = staging();
    const guests = config.guests.map((g) =>
      g.name === "redis-1" ? { ...g, dataDisk: undefined } : g,
    );
    expect(() => new ServicesLayer("services-no-disk", layerArgs({ ...config, guests }))).toThrow(
      /\[guests\] redis-1: redis keeps state and needs a dataDisk/,
    );
  });

  it("a MongoDB provisioning rendered for another guest", () => {
    const mongodb = {
      "mongo-1": { guest: "mongo-2", service: "mongodb", packages: [], steps: [] },
    };
    expect(() => new ServicesLayer("services-mongo", layerArgs(staging(), { mongodb }))).toThrow(
      /mongo-1: the MongoDB provisioning was rendered for mongo-2/,
    );
  });

  it("a malformed Garage release pin, before any of its resources is registered", async () => {
    // A name of its own: other tests' layers may still be registering their resources.
    const name = "objects-bad-pin";
    const context: ServiceContext = {
      guest: {
        guest: "objects-1",
        vmId: 251,
        host: "pve-stg",
        fqdn: "objects-1.stg.sp1.internal.example.com",
        ip: "10.120.0.61",
        dataDir: "/var/lib/garage",
      },
      access: {
        user: "root",
        privateKey: pulumi.secret(SSH_KEY),
        addresses: { "pve-stg": "10.110.0.11" },
      },
      ca: { certPem: pulumi.output(TLS.caPem), privateKeyPem: pulumi.secret(CA_KEY) },
      caBundle: pulumi.output(TLS.caPem),
      dependsOn: [],
    };
    expect(
      () =>
        new GarageService(name, {
          context,
          release: { ...GARAGE_RELEASE, sha256: "not-a-digest" },
          publicPort: 3900,
          region: "default",
          bucket: "harbor-staging",
          capacityBytes: 1 << 30,
          harborKey: {
            accessKeyId: pulumi.secret("GK0123456789abcdef01234567"),
            secretAccessKey: pulumi.secret(SECRETS.harborS3Secret),
          },
        }),
    ).toThrow(/^objects-1: the Garage release checksum must be 64 lowercase hex digits/);
    // Registration is asynchronous: let anything that was started arrive before looking.
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Only the component itself was registered: no secret, certificate or command under it.
    const registered = engine.resources.filter((r) => r.name.startsWith(name));
    expect(registered.filter((r) => r.type !== "baremetal:services:GarageService")).toEqual([]);
  });

  it("a missing platform credential, by key", () => {
    expect(
      () => new ServicesLayer("services-creds", layerArgs(staging(), { platformCredentials: {} })),
    ).toThrow(
      /\[platformCredentials\] harborDatabasePassword is missing|\[platformCredentials\] harborRedisPassword is missing/,
    );
  });
});
