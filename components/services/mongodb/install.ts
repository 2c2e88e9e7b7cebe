/**
 * The install script for a MongoDB guest: an idempotent bash script (run as root, any number of
 * times) that installs MongoDB 8.0 from MongoDB's apt repository — the signing key checked
 * against its fingerprint and referenced with `signed-by`, the server package pinned to one
 * version and held — writes mongod.conf, installs the keyfile and TLS files owned by `mongodb`
 * with mode 0600, enables and (re)starts mongod, and optionally installs the Percona exporter and
 * bootstraps the set on its first member.
 *
 * Secrets never travel in the script or on a command line: whoever runs it first stages them as
 * files in `secretsDir` (a tmpfs such as /run, e.g. with `pct push` or an SSH session's stdin),
 * the script copies them into place with `install` / shell redirections and deletes the staged
 * copies. Files read from `secretsDir`:
 *   keyfile          the replica set's keyfile (6–1024 base64 characters, same on every member)
 *   tls.crt, tls.key the member's certificate (SANs: its DNS name, its IP, `localhost`) and key
 *   ca.crt           the internal CA that issued every member's certificate
 *   admin.password   bootstrap member only: the admin user's password (`mongodbAdminPassword`)
 *   exporter.env     with the exporter: `MONGODB_USER=…` and `MONGODB_PASSWORD=…` lines
 */
import { EXPORTER_PATHS, EXPORTER_USER, renderExporterUnit, type ExporterInput } from "./exporter";
import { MONGODB_PATHS, MONGODB_PORT } from "./mongodConf";

/** MongoDB 8.0 Release Signing Key (https://pgp.mongodb.com/server-8.0.asc). */
export const MONGODB_SIGNING_KEY_FINGERPRINT = "4B0752C1BCA238C0B4EE14DC41DE058A4E7DCA05";
export const MONGODB_SIGNING_KEY_URL = "https://pgp.mongodb.com/server-8.0.asc";
export const MONGODB_KEYRING = "/usr/share/keyrings/mongodb-server-8.0.gpg";

export interface InstallScriptInput {
  /** The rendered mongod.conf (renderMongodConf). */
  mongodConf: string;
  /** `mongodb-org-server` version, e.g. `8.0.16`; the script installs exactly this one. */
  serverVersion: string;
  /** `mongodb-mongosh` version (used by the bootstrap and for operators), e.g. `2.5.10`. */
  mongoshVersion: string;
  /**
   * Debian suite of MongoDB's repository. MongoDB publishes 8.0 for `bookworm`; the packages
   * install on newer Debian releases as well.
   */
  suite?: string;
  /** The storage.dbPath of mongod.conf (the data mount). */
  dbPath: string;
  /** Where the secret files are staged. Default `/run/baremetal-mongodb`. */
  secretsDir?: string;
  /** The member's DNS name (as in its certificate). */
  fqdn: string;
  /**
   * On the first member only: initiate a one-member set and create the admin user through the
   * localhost exception; the `ReplicaSet` resource then adopts it and adds the others.
   */
  bootstrap?: { replSetName: string; adminUsername: string };
  /** Install and run the Percona exporter (pinned release, checked by SHA-256). */
  exporter?: Omit<ExporterInput, "fqdn"> & { version: string; sha256: string };
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** A here-document whose terminator cannot occur in `body`. */
function heredoc(body: string, tag: string): string {
  if (body.split("\n").includes(tag)) throw new Error(`content contains the terminator ${tag}`);
  return `<<'${tag}'\n${body.endsWith("\n") ? body : `${body}\n`}${tag}`;
}

function check(input: InstallScriptInput): void {
  if (!/^8\.0\.\d+$/.test(input.serverVersion)) {
    throw new Error(`serverVersion must be an 8.0.x release, got ${input.serverVersion}`);
  }
  if (!/^\d+\.\d+\.\d+$/.test(input.mongoshVersion)) {
    throw new Error(`mongoshVersion must be x.y.z, got ${input.mongoshVersion}`);
  }
  if (!/^[a-z]+$/.test(input.suite ?? "bookworm"))
    throw new Error("suite must be a Debian codename");
  for (const [k, v] of [
    ["dbPath", input.dbPath],
    ["secretsDir", input.secretsDir ?? "/run/x"],
  ]) {
    if (!/^\/[A-Za-z0-9._/-]*$/.test(v ?? "")) throw new Error(`${k} must be an absolute path`);
  }
  if (!/^[a-z0-9.-]+$/.test(input.fqdn)) throw new Error(`fqdn ${input.fqdn} is not a DNS name`);
  if (input.exporter) {
    if (!/^\d+\.\d+\.\d+$/.test(input.exporter.version))
      throw new Error("exporter.version must be x.y.z");
    if (!/^[0-9a-f]{64}$/.test(input.exporter.sha256))
      throw new Error("exporter.sha256 must be hex SHA-256");
  }
  if (input.bootstrap) {
    if (!/^[A-Za-z0-9_.-]{1,64}$/.test(input.bootstrap.replSetName))
      throw new Error("bad replSetName");
    if (!/^[A-Za-z0-9_.-]{1,64}$/.test(input.bootstrap.adminUsername))
      throw new Error("bad adminUsername");
  }
}

/** mongosh script for the bootstrap member; reads the password from a file, prints no secret. */
export function bootstrapJs(replSetName: string, self: string, adminUsername: string): string {
  return `// Managed by Pulumi: first-member bootstrap through the localhost exception.
const fs = require("fs");
const setName = ${JSON.stringify(replSetName)};
const self = ${JSON.stringify(self)};
const adminUser = ${JSON.stringify(adminUsername)};
if (db.hello().setName === undefined) {
  rs.initiate({ _id: setName, members: [{ _id: 0, host: self }] });
  print("initiated " + setName + " with " + self);
}
for (let i = 0; i < 120 && !db.hello().isWritablePrimary; i++) sleep(1000);
if (!db.hello().isWritablePrimary) {
  print("not primary: the set was bootstrapped before; nothing to do");
  quit(0);
}
const pwd = fs.readFileSync(process.env.ADMIN_PASSWORD_FILE, "utf8").trim();
try {
  db.getSiblingDB("admin").createUser({ user: adminUser, pwd: pwd, roles: [{ role: "root", db: "admin" }] });
  print("created the admin user " + adminUser);
} catch (e) {
  // 13: the localhost exception is closed (a user exists); 51003: the user exists.
  if (e.code === 13 || e.code === 51003) print("admin user already present");
  else throw e;
}
`;
}

export function renderInstallScript(input: InstallScriptInput): string {
  check(input);
  const suite = input.suite ?? "bookworm";
  const secrets = input.secretsDir ?? "/run/baremetal-mongodb";
  const repo = `deb [ arch=amd64,arm64 signed-by=${MONGODB_KEYRING} ] https://repo.mongodb.org/apt/debian ${suite}/mongodb-org/8.0 main`;
  const pin = [
    "Package: mongodb-org-server",
    `Pin: version ${input.serverVersion}`,
    "Pin-Priority: 1001",
    "",
    "Package: mongodb-mongosh",
    `Pin: version ${input.mongoshVersion}`,
    "Pin-Priority: 1001",
    "",
  ].join("\n");
  const host = `${input.fqdn}:${MONGODB_PORT}`;
  const lines: string[] = [
    "#!/usr/bin/env bash",
    "# Managed by Pulumi (components/services/mongodb/install.ts). Idempotent; run as root.",
    "set -euo pipefail",
    "umask 022",
    "export DEBIAN_FRONTEND=noninteractive",
    "",
    `readonly SERVER_VERSION=${quote(input.serverVersion)}`,
    `readonly MONGOSH_VERSION=${quote(input.mongoshVersion)}`,
    `readonly KEY_FINGERPRINT=${quote(MONGODB_SIGNING_KEY_FINGERPRINT)}`,
    `readonly KEY_URL=${quote(MONGODB_SIGNING_KEY_URL)}`,
    `readonly KEYRING=${quote(MONGODB_KEYRING)}`,
    `readonly SECRETS=${quote(secrets)}`,
    `readonly DB_PATH=${quote(input.dbPath)}`,
    `readonly CONF_DIR=${quote(MONGODB_PATHS.dir)}`,
    `readonly KEY_FILE=${quote(MONGODB_PATHS.keyFile)}`,
    `readonly CERT_KEY_FILE=${quote(MONGODB_PATHS.certificateKeyFile)}`,
    `readonly CA_FILE=${quote(MONGODB_PATHS.caFile)}`,
    "changed=0",
    "",
    "log() { printf 'mongodb-install: %s\\n' \"$*\" >&2; }",
    "",
    "# Replaces $2 with the content of file $1 when they differ (mode $3, owner $4); marks a change.",
    "put() {",
    '  local source="$1" target="$2" mode="$3" owner="$4"',
    '  if [ -f "$target" ] && cmp -s "$source" "$target"; then',
    '    chmod "$mode" "$target"; chown "$owner" "$target"; return 0',
    "  fi",
    '  install -m "$mode" -o "${owner%%:*}" -g "${owner##*:}" "$source" "$target"',
    "  changed=1",
    '  log "wrote $target"',
    "}",
    "",
    "# Staged secrets are required the first time; later runs reuse what is installed.",
    "need() {",
    '  if [ ! -s "$SECRETS/$1" ] && [ ! -s "$2" ]; then',
    '    log "missing $SECRETS/$1 (stage it before running this script)"; exit 1',
    "  fi",
    "}",
    'need keyfile "$KEY_FILE"',
    'need tls.crt "$CERT_KEY_FILE"',
    'need tls.key "$CERT_KEY_FILE"',
    'need ca.crt "$CA_FILE"',
    "",
    "# 1. MongoDB's signing key, accepted only with the expected fingerprint.",
    "apt-get install -y --no-install-recommends ca-certificates curl gnupg >/dev/null",
    'if [ ! -s "$KEYRING" ] || ! gpg --show-keys --with-colons "$KEYRING" 2>/dev/null | grep -q "^fpr:::::::::${KEY_FINGERPRINT}:"; then',
    '  tmp="$(mktemp -d)"',
    '  curl -fsSL --proto "=https" --tlsv1.2 -o "$tmp/key.asc" "$KEY_URL"',
    '  fingerprints="$(gpg --show-keys --with-colons "$tmp/key.asc" | awk -F: \'$1 == "fpr" { print $10 }\')"',
    '  if ! grep -qx "$KEY_FINGERPRINT" <<<"$fingerprints"; then',
    '    log "signing key fingerprint mismatch: got $fingerprints"; rm -rf "$tmp"; exit 1',
    "  fi",
    '  gpg --dearmor < "$tmp/key.asc" > "$tmp/key.gpg"',
    '  install -m 0644 "$tmp/key.gpg" "$KEYRING"',
    '  rm -rf "$tmp"',
    "fi",
    "",
    "# 2. The repository and the version pins.",
    `cat > /etc/apt/sources.list.d/mongodb-org-8.0.list.new ${heredoc(repo, "REPO")}`,
    `cat > /etc/apt/preferences.d/mongodb-org-8.0.pref.new ${heredoc(pin, "PIN")}`,
    "for f in /etc/apt/sources.list.d/mongodb-org-8.0.list /etc/apt/preferences.d/mongodb-org-8.0.pref; do",
    '  if cmp -s "$f.new" "$f"; then rm -f "$f.new"; else mv "$f.new" "$f"; fi',
    "done",
    "",
    "# 3. The packages, exactly the pinned versions, held against upgrades.",
    "installed=\"$(dpkg-query -W -f='${Version}' mongodb-org-server 2>/dev/null || true)\"",
    "shell=\"$(dpkg-query -W -f='${Version}' mongodb-mongosh 2>/dev/null || true)\"",
    'if [ "$installed" != "$SERVER_VERSION" ] || [ "$shell" != "$MONGOSH_VERSION" ]; then',
    "  apt-get update",
    "  apt-mark unhold mongodb-org-server mongodb-mongosh >/dev/null 2>&1 || true",
    '  apt-get install -y --allow-downgrades "mongodb-org-server=${SERVER_VERSION}" "mongodb-mongosh=${MONGOSH_VERSION}"',
    "  apt-mark hold mongodb-org-server mongodb-mongosh >/dev/null",
    "  changed=1",
    "fi",
    "",
    "# 4. Keyfile and TLS material: owned by mongodb, never readable by anyone else.",
    'install -d -m 0750 -o mongodb -g mongodb "$CONF_DIR" "$CONF_DIR/tls"',
    'if [ -s "$SECRETS/keyfile" ]; then put "$SECRETS/keyfile" "$KEY_FILE" 0600 mongodb:mongodb; fi',
    'if [ -s "$SECRETS/tls.crt" ] && [ -s "$SECRETS/tls.key" ]; then',
    '  (umask 077; cat "$SECRETS/tls.crt" "$SECRETS/tls.key" > "$SECRETS/server.pem")',
    '  put "$SECRETS/server.pem" "$CERT_KEY_FILE" 0600 mongodb:mongodb',
    "fi",
    'if [ -s "$SECRETS/ca.crt" ]; then put "$SECRETS/ca.crt" "$CA_FILE" 0644 mongodb:mongodb; fi',
    "",
    "# 5. Data directory on the data mount, and mongod.conf.",
    'install -d -m 0750 -o mongodb -g mongodb "$DB_PATH"',
    'conf="$(mktemp)"',
    `cat > "$conf" ${heredoc(input.mongodConf, "MONGOD_CONF")}`,
    `put "$conf" ${quote(MONGODB_PATHS.config)} 0644 root:root`,
    'rm -f "$conf"',
    "",
    "# 6. The service.",
    "systemctl daemon-reload",
    "systemctl enable mongod >/dev/null",
    'if [ "$changed" = 1 ] || ! systemctl is-active --quiet mongod; then',
    "  systemctl restart mongod",
    "fi",
    "# Until mongod answers (up to 5 minutes, for crash recovery): the next member's step, which",
    "# may restart its own mongod, starts only after this one is back.",
    "answered=0",
    "for _ in $(seq 1 150); do",
    `  if mongosh --quiet --norc "mongodb://localhost:${MONGODB_PORT}/?directConnection=true&tls=true&tlsCAFile=${MONGODB_PATHS.caFile}" --eval 'db.hello().ok' >/dev/null 2>&1; then answered=1; break; fi`,
    "  sleep 2",
    "done",
    'if [ "$answered" != 1 ]; then',
    `  log "mongod did not answer on localhost:${MONGODB_PORT} within 5 minutes (see ${MONGODB_PATHS.log})"; exit 1`,
    "fi",
  ];
  if (input.bootstrap) {
    const js = bootstrapJs(input.bootstrap.replSetName, host, input.bootstrap.adminUsername);
    lines.push(
      "",
      "# 7. First member: initiate and create the admin user through the localhost exception.",
      'if [ -s "$SECRETS/admin.password" ]; then',
      '  js="$(mktemp --suffix=.js)"',
      `  cat > "$js" ${heredoc(js, "BOOTSTRAP_JS")}`,
      `  ADMIN_PASSWORD_FILE="$SECRETS/admin.password" mongosh --quiet --norc "mongodb://localhost:${MONGODB_PORT}/admin?directConnection=true&tls=true&tlsCAFile=${MONGODB_PATHS.caFile}" --file "$js"`,
      '  rm -f "$js"',
      "fi",
    );
  }
  if (input.exporter) {
    const e = input.exporter;
    const unit = renderExporterUnit({ ...e, fqdn: input.fqdn });
    const tarball = `mongodb_exporter-${e.version}.linux-amd64`;
    lines.push(
      "",
      "# 8. Percona mongodb_exporter, the pinned release checked by SHA-256.",
      `if ! id ${EXPORTER_USER} >/dev/null 2>&1; then useradd --system --no-create-home --shell /usr/sbin/nologin ${EXPORTER_USER}; fi`,
      `if [ "$(${EXPORTER_PATHS.binary} --version 2>&1 | grep -o '${e.version.replace(/\./g, "\\.")}' | head -n 1)" != ${quote(e.version)} ]; then`,
      '  tmp="$(mktemp -d)"',
      `  curl -fsSL --proto "=https" -o "$tmp/exporter.tar.gz" ${quote(`https://github.com/percona/mongodb_exporter/releases/download/v${e.version}/${tarball}.tar.gz`)}`,
      `  echo ${quote(`${e.sha256}  exporter.tar.gz`)} > "$tmp/sum"`,
      '  if ! (cd "$tmp" && sha256sum --check --quiet sum >/dev/null 2>&1); then',
      `    log "mongodb_exporter ${e.version}: the download has sha256 $(sha256sum < "$tmp/exporter.tar.gz" | cut -d ' ' -f 1), expected ${e.sha256}"`,
      '    rm -rf "$tmp"; exit 1',
      "  fi",
      '  tar -xzf "$tmp/exporter.tar.gz" -C "$tmp"',
      `  install -m 0755 "$tmp/${tarball}/mongodb_exporter" ${quote(EXPORTER_PATHS.binary)}`,
      '  rm -rf "$tmp"',
      "fi",
      `install -d -m 0750 -o root -g ${EXPORTER_USER} ${quote(EXPORTER_PATHS.dir)}`,
      `put "$CA_FILE" ${quote(EXPORTER_PATHS.caFile)} 0644 root:${EXPORTER_USER}`,
      `if [ -s "$SECRETS/exporter.env" ]; then put "$SECRETS/exporter.env" ${quote(EXPORTER_PATHS.env)} 0640 root:${EXPORTER_USER}; fi`,
      'unit="$(mktemp)"',
      `cat > "$unit" ${heredoc(unit, "EXPORTER_UNIT")}`,
      `put "$unit" ${quote(EXPORTER_PATHS.unit)} 0644 root:root`,
      'rm -f "$unit"',
      "systemctl daemon-reload",
      "systemctl enable mongodb_exporter >/dev/null",
      "systemctl restart mongodb_exporter",
    );
  }
  lines.push(
    "",
    "# Staged secrets are not kept.",
    'rm -f "$SECRETS/keyfile" "$SECRETS/tls.crt" "$SECRETS/tls.key" "$SECRETS/server.pem" \\',
    '  "$SECRETS/ca.crt" "$SECRETS/admin.password" "$SECRETS/exporter.env"',
    'log "done"',
    "",
  );
  return lines.join("\n");
}
