import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse } from "yaml";
import {
  MONGODB_SIGNING_KEY_FINGERPRINT,
  renderExporterUnit,
  renderInstallScript,
  renderMongodConf,
  wiredTigerCacheGb,
  type InstallScriptInput,
} from "../../components/services/mongodb";
import { EXPORTER_PATHS, renderExporterEnv } from "../../components/services/mongodb/exporter";
import {
  applicationUri,
  mongoDbProvisioning,
} from "../../components/services/mongodb/provisioning";
import { MONGODB_EXPORTER_RELEASE, MONGODB_PACKAGES } from "../../components/services/versions";

const conf = renderMongodConf({
  replSetName: "rs0",
  ip: "10.20.0.11",
  dbPath: "/var/lib/mongodb",
  cacheSizeGb: wiredTigerCacheGb(48),
});

const base: InstallScriptInput = {
  mongodConf: conf,
  serverVersion: MONGODB_PACKAGES.server.version,
  mongoshVersion: MONGODB_PACKAGES.mongosh.version,
  dbPath: "/var/lib/mongodb",
  fqdn: "mongo-1.sp1.internal.example.com",
};
const full = renderInstallScript({
  ...base,
  bootstrap: { replSetName: "rs0", adminUsername: "admin" },
  exporter: { listenPort: 9216, ...MONGODB_EXPORTER_RELEASE },
});

describe("mongod.conf", () => {
  test("replica set, TLS from the internal CA, keyfile, guest IP + localhost, data mount", () => {
    expect(parse(conf)).toEqual({
      storage: { dbPath: "/var/lib/mongodb", wiredTiger: { engineConfig: { cacheSizeGB: 23.5 } } },
      systemLog: {
        destination: "file",
        path: "/var/log/mongodb/mongod.log",
        logAppend: true,
        logRotate: "reopen",
      },
      net: {
        port: 27017,
        bindIp: "localhost,10.20.0.11",
        tls: {
          mode: "requireTLS",
          certificateKeyFile: "/etc/mongodb/tls/server.pem",
          CAFile: "/etc/mongodb/tls/ca.pem",
          allowConnectionsWithoutCertificates: true,
          disabledProtocols: "TLS1_0,TLS1_1",
        },
      },
      security: { keyFile: "/etc/mongodb/keyfile", authorization: "enabled" },
      replication: { replSetName: "rs0" },
      processManagement: { timeZoneInfo: "/usr/share/zoneinfo" },
    });
    expect(conf.startsWith("# Managed by Pulumi")).toBe(true);
  });

  test("cache size follows MongoDB's rule of half of (RAM − 1 GB), at least 0.25 GB", () => {
    expect(wiredTigerCacheGb(48)).toBe(23.5);
    expect(wiredTigerCacheGb(4)).toBe(1.5);
    expect(wiredTigerCacheGb(1)).toBe(0.25);
  });

  test("rejects a bad set name or a relative data path", () => {
    const ok = { replSetName: "rs0", ip: "10.0.0.1", dbPath: "/data", cacheSizeGb: 1 };
    expect(() => renderMongodConf({ ...ok, replSetName: "rs 0" })).toThrow(/not valid/);
    expect(() => renderMongodConf({ ...ok, dbPath: "data" })).toThrow(/absolute/);
  });
});

describe("install script", () => {
  test("official repository signed-by the 8.0 key, fingerprint checked, versions pinned and held", () => {
    expect(full).toContain(`readonly KEY_FINGERPRINT='${MONGODB_SIGNING_KEY_FINGERPRINT}'`);
    expect(MONGODB_SIGNING_KEY_FINGERPRINT).toBe("4B0752C1BCA238C0B4EE14DC41DE058A4E7DCA05");
    expect(full).toContain(
      "deb [ arch=amd64,arm64 signed-by=/usr/share/keyrings/mongodb-server-8.0.gpg ] https://repo.mongodb.org/apt/debian bookworm/mongodb-org/8.0 main",
    );
    expect(full).toContain('grep -qx "$KEY_FINGERPRINT"');
    expect(full).toContain(`Pin: version ${MONGODB_PACKAGES.server.version}`);
    expect(full).toContain(
      '"mongodb-org-server=${SERVER_VERSION}" "mongodb-mongosh=${MONGOSH_VERSION}"',
    );
    expect(full).toContain("apt-mark hold mongodb-org-server mongodb-mongosh");
    expect(full).toContain("systemctl enable mongod");
  });

  test("secrets come from staged files, land 0600 owned by mongodb, and are removed after", () => {
    expect(full).toContain('put "$SECRETS/keyfile" "$KEY_FILE" 0600 mongodb:mongodb');
    expect(full).toContain('put "$SECRETS/server.pem" "$CERT_KEY_FILE" 0600 mongodb:mongodb');
    expect(full).toContain('ADMIN_PASSWORD_FILE="$SECRETS/admin.password" mongosh');
    expect(full).toContain('rm -f "$SECRETS/keyfile"');
    // The admin password is read by mongosh from the file, never passed as an argument.
    expect(full).not.toMatch(/--password|-p "\$/);
    expect(full).toContain('fs.readFileSync(process.env.ADMIN_PASSWORD_FILE, "utf8")');
  });

  test("the embedded mongod.conf is exactly the rendered one", () => {
    const start = full.indexOf("<<'MONGOD_CONF'\n") + "<<'MONGOD_CONF'\n".length;
    const end = full.indexOf("\nMONGOD_CONF\n");
    expect(`${full.slice(start, end)}\n`).toBe(conf);
  });

  test("bootstrap and exporter sections only when asked", () => {
    const plain = renderInstallScript(base);
    expect(plain).not.toContain("rs.initiate");
    expect(plain).not.toContain("mongodb_exporter");
    expect(full).toContain("rs.initiate({ _id: setName, members: [{ _id: 0, host: self }] })");
    expect(full).toContain('const self = "mongo-1.sp1.internal.example.com:27017"');
    expect(full).toContain("sha256sum --check --quiet sum");
    expect(full).toContain(
      "https://github.com/percona/mongodb_exporter/releases/download/v0.51.0/mongodb_exporter-0.51.0.linux-amd64.tar.gz",
    );
    expect(full).toContain(
      "echo '01dfae78c737fb48761a715d779cade464a84cce7a2a70357ac4af469bade198  exporter.tar.gz'",
    );
    expect(full).toContain(
      `install -m 0755 "$tmp/mongodb_exporter-0.51.0.linux-amd64/mongodb_exporter" '/usr/local/bin/mongodb_exporter'`,
    );
  });

  test("the exporter reads its own copy of the CA and its credentials, never mongod's directory", () => {
    // mongod's /etc/mongodb is 0750 mongodb:mongodb: the exporter user cannot enter it.
    expect(full).toContain(`put "$CA_FILE" '${EXPORTER_PATHS.caFile}' 0644 root:mongodb_exporter`);
    expect(full).toContain(
      `put "$SECRETS/exporter.env" '${EXPORTER_PATHS.env}' 0640 root:mongodb_exporter`,
    );
    expect(full).toContain(
      "install -d -m 0750 -o root -g mongodb_exporter '/etc/mongodb_exporter'",
    );
    // Installed after mongod's CA is in place (step 4), before the unit starts.
    expect(full.indexOf(`put "$CA_FILE"`)).toBeGreaterThan(
      full.indexOf('"$CA_FILE" 0644 mongodb:mongodb'),
    );
    expect(full.indexOf(`put "$CA_FILE"`)).toBeLessThan(
      full.indexOf("systemctl restart mongodb_exporter"),
    );
  });

  test("rejects unpinned or malformed versions and paths", () => {
    expect(() => renderInstallScript({ ...base, serverVersion: "latest" })).toThrow(/8\.0\.x/);
    expect(() => renderInstallScript({ ...base, serverVersion: "7.0.12" })).toThrow(/8\.0\.x/);
    expect(() => renderInstallScript({ ...base, dbPath: "/data; rm -rf /" })).toThrow(/absolute/);
    expect(() =>
      renderInstallScript({
        ...base,
        exporter: { listenPort: 9216, version: "0.47.2", sha256: "x" },
      }),
    ).toThrow(/sha256/);
  });

  test("bash parses it", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "mongo-")), "install.sh");
    fs.writeFileSync(file, full);
    const res = spawnSync("bash", ["-n", file], { encoding: "utf8" });
    expect(res.stderr).toBe("");
    expect(res.status).toBe(0);
  });

  const shellcheck = spawnSync("shellcheck", ["--version"]).status === 0;
  (shellcheck ? test : test.skip)(
    "shellcheck finds nothing (skipped where shellcheck is absent)",
    () => {
      for (const script of [full, renderInstallScript(base)]) {
        const res = spawnSync("shellcheck", ["--shell=bash", "--severity=style", "-"], {
          input: script,
          encoding: "utf8",
        });
        expect(res.stdout).toBe("");
        expect(res.status).toBe(0);
      }
    },
  );
});

describe("exporter unit", () => {
  test("listens on the monitoring port, direct to its member over verified TLS, credentials from a file", () => {
    const unit = renderExporterUnit({ fqdn: "mongo-1.sp1.internal", listenPort: 9216 });
    expect(unit).toContain("--web.listen-address=:9216");
    expect(unit).toContain("--mongodb.direct-connect");
    expect(unit).toContain(
      "Environment=MONGODB_URI=mongodb://mongo-1.sp1.internal:27017/admin?tls=true&tlsCAFile=/etc/mongodb_exporter/ca.pem&directConnection=true",
    );
    // systemd expands `%` specifiers in unit files: a percent-encoded path would be mangled.
    expect(unit).not.toContain("%");
    expect(unit).toContain("EnvironmentFile=/etc/mongodb_exporter/credentials.env");
    expect(unit).not.toMatch(/password/i);
    expect(unit).toContain("User=mongodb_exporter");
  });
});

describe("exporter credentials file", () => {
  test("user and password lines, as systemd reads an EnvironmentFile", () => {
    expect(renderExporterEnv("mongodb_exporter", "Abc123xyz")).toBe(
      "MONGODB_USER=mongodb_exporter\nMONGODB_PASSWORD=Abc123xyz\n",
    );
  });

  test("refuses characters systemd would interpret, without quoting the value", () => {
    expect(() => renderExporterEnv("mongodb_exporter", 'a"b c')).toThrow(
      /^exporter password must be letters, digits/,
    );
    expect(() => renderExporterEnv("mongodb_exporter", "a\nMONGODB_URI=x")).toThrow(/password/);
    expect(() => renderExporterEnv("bad user", "abc")).toThrow(/username/);
  });
});

describe("application connection string", () => {
  test("every member, the set, TLS and admin as authSource; user and password percent-encoded", () => {
    expect(
      applicationUri({
        username: "ledger-reader",
        password: "p@ss:w/rd",
        database: "ledger",
        replicaSet: "rs0",
        hosts: ["mongo-1.sp1:27017", "mongo-2.sp1:27017"],
      }),
    ).toBe(
      "mongodb://ledger-reader:p%40ss%3Aw%2Frd@mongo-1.sp1:27017,mongo-2.sp1:27017/ledger?replicaSet=rs0&tls=true&authSource=admin",
    );
  });
});

describe("a member's install step (services layer)", () => {
  const base = {
    guest: "mongo-1",
    fqdn: "mongo-1.sp1.internal.example.com",
    ip: "10.20.0.11",
    dataDir: "/var/lib/mongodb",
    memoryGb: 48,
    replicaSet: "rs0",
    tls: { certPem: "CERT", keyPem: "KEY-MATERIAL", caPem: "CA" },
    keyfile: "KEYFILE-MATERIAL",
  };

  it("stages the keyfile and TLS files for the script, secrets marked secret", () => {
    const p = mongoDbProvisioning(base);
    expect(p.packages.map((x) => `${x.name}=${x.version}`)).toEqual([
      `mongodb-org-server=${MONGODB_PACKAGES.server.version}`,
      `mongodb-mongosh=${MONGODB_PACKAGES.mongosh.version}`,
    ]);
    const [step] = p.steps;
    expect(step?.name).toBe("install");
    expect(step?.files.map((f) => [f.path, f.secret, f.mode])).toEqual([
      ["/run/baremetal-mongodb/keyfile", true, "0600"],
      ["/run/baremetal-mongodb/tls.crt", false, "0600"],
      ["/run/baremetal-mongodb/tls.key", true, "0600"],
      ["/run/baremetal-mongodb/ca.crt", false, "0600"],
    ]);
    // Secrets travel as staged files only, never in the script.
    expect(step?.script).not.toContain("KEYFILE-MATERIAL");
    expect(step?.script).not.toContain("KEY-MATERIAL");
    expect(step?.script).toContain("replSetName: rs0");
    expect(step?.script).not.toContain("rs.initiate");
  });

  it("the first member bootstraps the set and gets the admin password file", () => {
    const p = mongoDbProvisioning({
      ...base,
      bootstrap: { adminUsername: "admin", adminPassword: "ADMIN-SECRET" },
    });
    const [step] = p.steps;
    expect(step?.files.find((f) => f.path.endsWith("/admin.password"))).toMatchObject({
      content: "ADMIN-SECRET",
      secret: true,
    });
    expect(step?.script).toContain("rs.initiate");
    expect(step?.script).not.toContain("ADMIN-SECRET");
  });

  it("with the exporter: the pinned release in the script, its credentials as a secret staged file", () => {
    const p = mongoDbProvisioning({
      ...base,
      exporter: { port: 9216, username: "mongodb_exporter", password: "EXPORTERSECRET0123" },
    });
    expect(p.packages.map((x) => `${x.name}=${x.version}`)).toContain(
      `mongodb_exporter=${MONGODB_EXPORTER_RELEASE.version}`,
    );
    const [step] = p.steps;
    expect(step?.files.find((f) => f.path.endsWith("/exporter.env"))).toEqual({
      path: "/run/baremetal-mongodb/exporter.env",
      content: "MONGODB_USER=mongodb_exporter\nMONGODB_PASSWORD=EXPORTERSECRET0123\n",
      mode: "0600",
      owner: "root:root",
      secret: true,
    });
    expect(step?.script).toContain(MONGODB_EXPORTER_RELEASE.sha256);
    expect(step?.script).toContain("--web.listen-address=:9216");
    expect(step?.script).not.toContain("EXPORTERSECRET0123");
    // Without it, nothing of the exporter.
    const plain = mongoDbProvisioning(base);
    expect(plain.steps[0]?.script).not.toContain("mongodb_exporter");
    expect(plain.packages.map((x) => x.name)).not.toContain("mongodb_exporter");
  });
});

describe("pinned versions", () => {
  test("the server pin is past CVE-2025-14847 (fixed in 8.0.17)", () => {
    const patch = Number(MONGODB_PACKAGES.server.version.split(".")[2]);
    expect(MONGODB_PACKAGES.server.version.startsWith("8.0.")).toBe(true);
    expect(patch).toBeGreaterThanOrEqual(17);
  });

  test("the exporter release is pinned by a SHA-256", () => {
    expect(MONGODB_EXPORTER_RELEASE.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(MONGODB_EXPORTER_RELEASE.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
