/**
 * PostgreSQL for Harbor: TLS with a certificate of the internal CA (SAN = the guest's FQDN, so
 * Harbor's `sslmode: verify-full` holds), `pg_hba` that admits only the Harbor role, only over
 * TLS, only from the Kubernetes networks, with SCRAM; everything else from the network rejected.
 */
import { aptInstallScript, baseToolsScript } from "../apt";
import { shellQuote } from "../script";
import { tlsFiles, type ServerTls } from "../tlsFiles";
import type { GuestFile, ServiceProvisioning } from "../types";
import { DEBIAN_PACKAGES, POSTGRES_MAJOR } from "../versions";

export interface PostgresConfOptions {
  listen: readonly string[];
  port: number;
  tlsDir: string;
}

export interface HbaAccess {
  database: string;
  user: string;
  /** CIDRs allowed to connect (over TLS, with a password). */
  networks: readonly string[];
}

export interface DatabaseOwner {
  role: string;
  database: string;
  /** File in the guest that holds the role's password (read by psql, never on a command line). */
  passwordFile: string;
}

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;
const CIDR = /^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/;

function identifier(kind: string, value: string): string {
  if (!IDENT.test(value)) throw new Error(`postgresql ${kind} ${value} is not a plain identifier`);
  return value;
}

/** A drop-in under conf.d (Debian's postgresql.conf includes that directory). */
export function postgresConf(o: PostgresConfOptions): string {
  return [
    "# Rendered by the services layer; changes here are overwritten.",
    `listen_addresses = '${o.listen.join(",")}'`,
    `port = ${o.port}`,
    "ssl = on",
    `ssl_cert_file = '${o.tlsDir}/server.crt'`,
    `ssl_key_file = '${o.tlsDir}/server.key'`,
    `ssl_ca_file = '${o.tlsDir}/ca.crt'`,
    "ssl_min_protocol_version = 'TLSv1.2'",
    "password_encryption = 'scram-sha-256'",
    "",
  ].join("\n");
}

/** Local administration by peer; the one network rule; an explicit reject for the rest. */
export function pgHba(access: HbaAccess): string {
  const database = identifier("database", access.database);
  const user = identifier("role", access.user);
  if (access.networks.length === 0) throw new Error("pg_hba: no network may reach the database");
  for (const network of access.networks) {
    if (!CIDR.test(network)) throw new Error(`pg_hba: ${network} is not an IPv4 CIDR`);
  }
  return [
    "# Rendered by the services layer; changes here are overwritten.",
    "# TYPE   DATABASE  USER      ADDRESS          METHOD",
    "local    all       postgres                   peer",
    "local    all       all                        peer",
    ...access.networks.map((n) => `hostssl  ${database}  ${user}  ${n}  scram-sha-256`),
    "host     all       all       0.0.0.0/0        reject",
    "host     all       all       ::/0             reject",
    "",
  ].join("\n");
}

/**
 * Idempotent: creates the role and database when missing, (re)sets the password from its file
 * and the ownership every time. Terse errors: a failed statement is not echoed with its text.
 */
export function postgresSetupSql(owner: DatabaseOwner): string {
  const role = identifier("role", owner.role);
  const database = identifier("database", owner.database);
  return [
    "\\set ON_ERROR_STOP on",
    "\\set VERBOSITY terse",
    `\\set role '${role}'`,
    `\\set db '${database}'`,
    `\\set password \`cat ${owner.passwordFile}\``,
    "SELECT format('CREATE ROLE %I LOGIN', :'role') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \\gexec",
    "ALTER ROLE :\"role\" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'password';",
    "SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'role') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \\gexec",
    'ALTER DATABASE :"db" OWNER TO :"role";',
    'REVOKE ALL ON DATABASE :"db" FROM PUBLIC;',
    'GRANT ALL ON DATABASE :"db" TO :"role";',
    "",
  ].join("\n");
}

export interface PostgresProvisioningInput {
  guest: string;
  ip: string;
  dataDir: string;
  port: number;
  tls: ServerTls;
  harbor: { role: string; database: string; password: string; networks: readonly string[] };
}

const ETC = `/etc/postgresql/${POSTGRES_MAJOR}/main`;
const TLS_DIR = `${ETC}/tls`;
const HARBOR_PASSWORD_FILE = `${ETC}/secrets/harbor.password`;

export function postgresProvisioning(input: PostgresProvisioningInput): ServiceProvisioning {
  const packages = [DEBIAN_PACKAGES.postgresql];
  const files: GuestFile[] = [
    ...tlsFiles(TLS_DIR, "postgres", input.tls),
    {
      path: `${ETC}/conf.d/10-services.conf`,
      content: postgresConf({ listen: [input.ip, "localhost"], port: input.port, tlsDir: TLS_DIR }),
      mode: "0644",
      owner: "postgres",
      secret: false,
    },
    {
      path: `${ETC}/pg_hba.conf`,
      content: pgHba({
        database: input.harbor.database,
        user: input.harbor.role,
        networks: input.harbor.networks,
      }),
      mode: "0640",
      owner: "postgres",
      secret: false,
    },
    {
      path: HARBOR_PASSWORD_FILE,
      content: input.harbor.password,
      mode: "0600",
      owner: "postgres",
      secret: true,
    },
    {
      path: `${ETC}/setup-harbor.sql`,
      content: postgresSetupSql({
        role: input.harbor.role,
        database: input.harbor.database,
        passwordFile: HARBOR_PASSWORD_FILE,
      }),
      mode: "0644",
      owner: "postgres",
      secret: false,
    },
  ];
  const dataDir = shellQuote(input.dataDir);
  return {
    guest: input.guest,
    service: "postgresql",
    packages,
    steps: [
      {
        name: "install",
        // The data mount must be in place before the package creates the cluster on it.
        script: [
          `if ! mountpoint -q ${dataDir}; then echo "\${STEP_LABEL}: ${input.dataDir} is not the data mount" >&2; exit 1; fi`,
          baseToolsScript(),
          aptInstallScript(packages),
          `pg_lsclusters -h | grep -q '^${POSTGRES_MAJOR} main ' || pg_createcluster ${POSTGRES_MAJOR} main`,
        ].join("\n"),
        files: [],
      },
      {
        name: "configure",
        files,
        script: [
          `chmod 0700 ${ETC}/secrets`,
          `chown postgres:postgres ${ETC}/secrets`,
          `if changed ${ETC}/conf.d/10-services.conf || changed ${TLS_DIR}/server.crt || changed ${TLS_DIR}/server.key || ! pg_lsclusters -h | grep -q '^${POSTGRES_MAJOR} main .* online '; then`,
          `  systemctl restart postgresql@${POSTGRES_MAJOR}-main`,
          `elif changed ${ETC}/pg_hba.conf; then`,
          `  systemctl reload postgresql@${POSTGRES_MAJOR}-main`,
          "fi",
          "ready=0",
          "for _ in $(seq 1 30); do",
          `  if pg_isready -q -p ${input.port}; then ready=1; break; fi`,
          "  sleep 1",
          "done",
          `[ "$ready" = 1 ] || { echo "\${STEP_LABEL}: postgresql does not accept connections on port ${input.port}" >&2; exit 1; }`,
          `runuser -u postgres -- psql -X -q -p ${input.port} -f ${ETC}/setup-harbor.sql >/dev/null`,
        ].join("\n"),
      },
    ],
  };
}
