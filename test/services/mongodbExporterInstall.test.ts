/**
 * The exporter part of the MongoDB install script, run under bash against stand-ins for the
 * guest's tools: a release tarball is installed only when its SHA-256 is the pinned one, and a
 * tampered download stops the step with both checksums named. Only the script's own preamble
 * (variables and helper functions, no side effects) and its exporter section are run; every
 * command that would touch the system (`install`, `useradd`, `systemctl`) is a recording stand-in.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  renderInstallScript,
  renderMongodConf,
  type InstallScriptInput,
} from "../../components/services/mongodb";
import { runBash, shims, tempDir } from "./sandbox";

const VERSION = "0.51.0";

/** A release tarball laid out as Percona's: `mongodb_exporter-<v>.linux-amd64/mongodb_exporter`. */
function releaseTarball(): { path: string; sha256: string } {
  const dir = tempDir("exporter-release");
  const top = join(dir, `mongodb_exporter-${VERSION}.linux-amd64`);
  mkdirSync(top);
  writeFileSync(join(top, "mongodb_exporter"), "#!/bin/sh\necho stand-in exporter\n");
  const path = join(dir, "release.tar.gz");
  const tar = spawnSync("tar", [
    "-czf",
    path,
    "-C",
    dir,
    `mongodb_exporter-${VERSION}.linux-amd64`,
  ]);
  expect(tar.status).toBe(0);
  return { path, sha256: createHash("sha256").update(readFileSync(path)).digest("hex") };
}

/** The script's preamble (up to the first staged-secret check) and its exporter section. */
function exporterProgram(sha256: string): string {
  const input: InstallScriptInput = {
    mongodConf: renderMongodConf({
      replSetName: "rs0",
      ip: "10.120.0.11",
      dbPath: "/var/lib/mongodb",
      cacheSizeGb: 1,
    }),
    serverVersion: "8.0.17",
    mongoshVersion: "2.5.10",
    dbPath: "/var/lib/mongodb",
    fqdn: "mongo-1.stg.sp1.internal.example.com",
    exporter: { listenPort: 9216, version: VERSION, sha256 },
  };
  const script = renderInstallScript(input);
  const preamble = script.slice(0, script.indexOf('need keyfile "$KEY_FILE"'));
  const section = script.slice(
    script.indexOf("# 8. Percona mongodb_exporter"),
    script.indexOf("# Staged secrets are not kept."),
  );
  expect(preamble).toContain("put() {");
  expect(section).toContain("systemctl restart mongodb_exporter");
  return `${preamble}\n${section}`;
}

function standIns(tarball: string, record: string) {
  const log = (name: string) => `echo "${name} $*" >> '${record}'`;
  return shims({
    id: "exit 1", // no such user yet
    useradd: log("useradd"),
    curl: `while [ $# -gt 0 ]; do if [ "$1" = -o ]; then cp '${tarball}' "$2"; fi; shift; done`,
    install: log("install"),
    systemctl: log("systemctl"),
  });
}

describe("the exporter's install section", () => {
  it("installs the binary from the release only when its SHA-256 is the pinned one", () => {
    const release = releaseTarball();
    const record = join(tempDir("exporter-record"), "calls");
    writeFileSync(record, "");
    const result = runBash(exporterProgram(release.sha256), {
      shimDir: standIns(release.path, record),
      env: { TMPDIR: tempDir("exporter-tmp") },
    });
    expect(result.stderr).not.toMatch(/sha256/);
    expect(result.status).toBe(0);
    const calls = readFileSync(record, "utf8").split("\n").filter(Boolean);
    expect(calls[0]).toBe(
      "useradd --system --no-create-home --shell /usr/sbin/nologin mongodb_exporter",
    );
    expect(calls).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          new RegExp(
            `^install -m 0755 \\S+/mongodb_exporter-${VERSION.replace(/\./g, "\\.")}\\.linux-amd64/mongodb_exporter /usr/local/bin/mongodb_exporter$`,
          ),
        ),
        "install -d -m 0750 -o root -g mongodb_exporter /etc/mongodb_exporter",
        expect.stringMatching(
          /^install -m 0644 -o root -g mongodb_exporter \/etc\/mongodb\/tls\/ca\.pem \/etc\/mongodb_exporter\/ca\.pem$/,
        ),
        expect.stringMatching(
          /^install -m 0644 -o root -g root \S+ \/etc\/systemd\/system\/mongodb_exporter\.service$/,
        ),
        "systemctl enable mongodb_exporter",
        "systemctl restart mongodb_exporter",
      ]),
    );
  });

  it("refuses a download whose checksum differs, naming both, and installs nothing", () => {
    const release = releaseTarball();
    const pinned = "0".repeat(64);
    const record = join(tempDir("exporter-record"), "calls");
    writeFileSync(record, "");
    const result = runBash(exporterProgram(pinned), {
      shimDir: standIns(release.path, record),
      env: { TMPDIR: tempDir("exporter-tmp") },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `mongodb-install: mongodb_exporter ${VERSION}: the download has sha256 ${release.sha256}, expected ${pinned}`,
    );
    const calls = readFileSync(record, "utf8");
    expect(calls).not.toMatch(/^install /m);
    expect(calls).not.toMatch(/^systemctl /m);
  });
});
