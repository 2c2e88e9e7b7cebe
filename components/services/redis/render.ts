/**
 * Redis on its guest: TLS only (`port 0`, `tls-port`), one ACL user per consumer, the default
 * user disabled, data on the guest's data mount, and the Prometheus exporter beside it.
 */
import { createHash } from "node:crypto";
import { aptInstallScript, baseToolsScript } from "../apt";
import { tlsFiles, type ServerTls } from "../tlsFiles";
import type { GuestFile, ServiceProvisioning } from "../types";
import { DEBIAN_PACKAGES } from "../versions";

/** The ACL users: one per consumer. Plain-text passwords (they become SHA-256 hashes). */
export interface RedisPasswords {
  /** Harbor (core, jobservice, registry, trivy). */
  harbor: string;
  /** The Prometheus exporter on the guest. */
  exporter: string;
  /** Kept on the disabled `default` user, so enabling it by mistake still needs a password. */
  default: string;
}

export interface RedisConfOptions {
  /** Addresses to listen on (the guest's service address and loopback). */
  bind: readonly string[];
  tlsPort: number;
  dataDir: string;
  tlsDir: string;
  aclFile: string;
  /** Systemd supervision in the guest; a foreground process in tests. */
  supervised: boolean;
  logFile: string;
}

export const REDIS_USERS = { harbor: "harbor", exporter: "exporter" } as const;

/**
 * Per-consumer permissions. Harbor gets all keys and commands but administration and wiping;
 * the exporter only what redis_exporter documents it needs (read-only, plus SCAN/EVAL for key
 * checks).
 */
const PERMISSIONS: Record<keyof typeof REDIS_USERS, string> = {
  harbor: "~* &* +@all -@admin -flushall -flushdb",
  exporter:
    "-@all +client +ping +info +config|get +cluster|info +slowlog +latency +memory +select +get +scan +xinfo +type +pfcount +strlen +llen +scard +zcard +hlen +xlen +eval allkeys",
};

function sha256(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
}

/** The ACL file: passwords only as SHA-256 hashes (`#<hex>`), the default user off. */
export function redisAcl(passwords: RedisPasswords): string {
  for (const [user, password] of Object.entries(passwords)) {
    if (password.length < 16) throw new Error(`redis user ${user}: password is shorter than 16`);
  }
  return [
    `user default off resetkeys resetchannels -@all #${sha256(passwords.default)}`,
    `user ${REDIS_USERS.harbor} on #${sha256(passwords.harbor)} ${PERMISSIONS.harbor}`,
    `user ${REDIS_USERS.exporter} on #${sha256(passwords.exporter)} ${PERMISSIONS.exporter}`,
    "",
  ].join("\n");
}

export function redisConf(o: RedisConfOptions): string {
  return [
    "# Rendered by the services layer; changes here are overwritten.",
    `bind ${o.bind.join(" ")}`,
    "protected-mode yes",
    // No plain-text listener at all: every client speaks TLS.
    "port 0",
    `tls-port ${o.tlsPort}`,
    `tls-cert-file ${o.tlsDir}/server.crt`,
    `tls-key-file ${o.tlsDir}/server.key`,
    `tls-ca-cert-file ${o.tlsDir}/ca.crt`,
    // Clients authenticate with ACL passwords; client certificates are not issued.
    "tls-auth-clients no",
    'tls-protocols "TLSv1.2 TLSv1.3"',
    "tls-prefer-server-ciphers yes",
    `aclfile ${o.aclFile}`,
    `dir ${o.dataDir}`,
    "dbfilename dump.rdb",
    "appendonly yes",
    "appendfsync everysec",
    "save 3600 1 300 100 60 10000",
    `supervised ${o.supervised ? "systemd" : "no"}`,
    "daemonize no",
    `logfile ${JSON.stringify(o.logFile)}`,
    "loglevel notice",
    "databases 16",
    "",
  ].join("\n");
}

export interface RedisProvisioningInput {
  guest: string;
  ip: string;
  /** The guest's data mount (where the RDB and AOF live). */
  dataDir: string;
  port: number;
  exporterPort: number;
  tls: ServerTls;
  passwords: RedisPasswords;
}

const TLS_DIR = "/etc/redis/tls";
const ACL_FILE = "/etc/redis/users.acl";

/** Environment of the exporter's systemd unit; holds its password, so root-only. */
export function redisExporterEnvironment(input: RedisProvisioningInput): string {
  return [
    "# Rendered by the services layer.",
    `REDIS_ADDR=rediss://127.0.0.1:${input.port}`,
    `REDIS_USER=${REDIS_USERS.exporter}`,
    `REDIS_PASSWORD=${input.passwords.exporter}`,
    `REDIS_EXPORTER_TLS_CA_CERT_FILE=${TLS_DIR}/ca.crt`,
    `REDIS_EXPORTER_WEB_LISTEN_ADDRESS=:${input.exporterPort}`,
    'ARGS=""',
    "",
  ].join("\n");
}

export function redisProvisioning(input: RedisProvisioningInput): ServiceProvisioning {
  const packages = [DEBIAN_PACKAGES.redisServer, DEBIAN_PACKAGES.redisExporter];
  const configFiles: GuestFile[] = [
    ...tlsFiles(TLS_DIR, "redis", input.tls),
    {
      path: "/etc/redis/redis.conf",
      content: redisConf({
        bind: [input.ip, "127.0.0.1"],
        tlsPort: input.port,
        dataDir: input.dataDir,
        tlsDir: TLS_DIR,
        aclFile: ACL_FILE,
        supervised: true,
        logFile: "/var/log/redis/redis-server.log",
      }),
      mode: "0640",
      owner: "redis",
      secret: false,
    },
    {
      path: ACL_FILE,
      content: redisAcl(input.passwords),
      mode: "0600",
      owner: "redis",
      secret: true,
    },
    {
      path: "/etc/default/prometheus-redis-exporter",
      content: redisExporterEnvironment(input),
      mode: "0600",
      owner: "root",
      secret: true,
    },
    {
      // The packaged unit may only write under /var/lib/redis; the data mount may be elsewhere.
      path: "/etc/systemd/system/redis-server.service.d/data.conf",
      content: `[Service]\nReadWritePaths=${input.dataDir}\n`,
      mode: "0644",
      owner: "root",
      secret: false,
    },
  ];
  return {
    guest: input.guest,
    service: "redis",
    packages,
    steps: [
      {
        name: "install",
        script: [baseToolsScript(), aptInstallScript(packages)].join("\n"),
        files: [],
      },
      {
        name: "configure",
        files: configFiles,
        script: [
          `install -d -m 0750 -o redis -g redis ${input.dataDir}`,
          `if ! mountpoint -q ${input.dataDir}; then echo "\${STEP_LABEL}: ${input.dataDir} is not the data mount" >&2; exit 1; fi`,
          `chown redis:redis ${input.dataDir}`,
          "systemctl daemon-reload",
          "systemctl enable --quiet redis-server prometheus-redis-exporter",
          `if changed /etc/redis/redis.conf || changed ${ACL_FILE} || changed ${TLS_DIR}/server.crt || changed ${TLS_DIR}/server.key || changed /etc/systemd/system/redis-server.service.d/data.conf || ! systemctl is-active --quiet redis-server; then`,
          "  systemctl restart redis-server",
          "fi",
          "if changed /etc/default/prometheus-redis-exporter || changed " +
            TLS_DIR +
            "/ca.crt || ! systemctl is-active --quiet prometheus-redis-exporter; then",
          "  systemctl restart prometheus-redis-exporter",
          "fi",
          // Readiness over TLS as the exporter: proves the ACL and the certificate in one call.
          "ready=0",
          "for _ in $(seq 1 30); do",
          `  if REDISCLI_AUTH="$(sed -n 's/^REDIS_PASSWORD=//p' /etc/default/prometheus-redis-exporter)" redis-cli --tls --cacert ${TLS_DIR}/ca.crt -h 127.0.0.1 -p ${input.port} --user ${REDIS_USERS.exporter} --no-auth-warning ping 2>/dev/null | grep -qx PONG; then ready=1; break; fi`,
          "  sleep 1",
          "done",
          `[ "$ready" = 1 ] || { echo "\${STEP_LABEL}: redis does not answer PING over TLS on port ${input.port}" >&2; exit 1; }`,
        ].join("\n"),
      },
    ],
  };
}
