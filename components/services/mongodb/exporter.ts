/**
 * Percona `mongodb_exporter` on each member, scraped by Prometheus at `<guest>:9216`
 * (`baremetal:kubernetes.monitoring.mongodbExporterPort`, the `mongodb` job of the monitoring
 * values). It connects to its own member only (`--mongodb.direct-connect`), over TLS verified
 * against the internal CA, as a user with the `clusterMonitor` role (and `read` on `local`),
 * whose name and password live in an environment file only root and the exporter can read.
 */
import { MONGODB_EXPORTER_USERNAME } from "../../config/mongodb";
import { MONGODB_PORT } from "./mongodConf";

export const EXPORTER_PATHS = {
  binary: "/usr/local/bin/mongodb_exporter",
  unit: "/etc/systemd/system/mongodb_exporter.service",
  dir: "/etc/mongodb_exporter",
  env: "/etc/mongodb_exporter/credentials.env",
  /**
   * A copy of the internal CA the exporter can read: mongod's own copy sits in `/etc/mongodb`,
   * a directory only `mongodb` may enter.
   */
  caFile: "/etc/mongodb_exporter/ca.pem",
} as const;

/** The exporter's system user, and its MongoDB user's name. */
export const EXPORTER_USER = MONGODB_EXPORTER_USERNAME;

/** The MongoDB roles the exporter needs (Percona's documented minimum). */
export const EXPORTER_ROLES = [
  { role: "clusterMonitor", db: "admin" },
  { role: "read", db: "local" },
] as const;

/** The environment file the exporter reads its MongoDB credentials from. */
export function renderExporterEnv(username: string, password: string): string {
  if (!/^[A-Za-z0-9_.-]+$/.test(username)) throw new Error("exporter username is not plain");
  // systemd reads the file without a shell; these characters need no quoting there (the layer
  // generates letters and digits).
  if (!/^[A-Za-z0-9._~-]+$/.test(password)) {
    throw new Error("exporter password must be letters, digits or . _ ~ -");
  }
  return `MONGODB_USER=${username}\nMONGODB_PASSWORD=${password}\n`;
}

export interface ExporterInput {
  /** The member's DNS name, as in its certificate. */
  fqdn: string;
  port?: number;
  listenPort: number;
}

/**
 * The systemd unit. Credentials come from the environment file, never the command line. The URI
 * carries no `%` (systemd would read it as a specifier): the CA path is written as is, which
 * MongoDB connection strings accept in an option value.
 */
export function renderExporterUnit(input: ExporterInput): string {
  const uri =
    `mongodb://${input.fqdn}:${input.port ?? MONGODB_PORT}/admin` +
    `?tls=true&tlsCAFile=${EXPORTER_PATHS.caFile}&directConnection=true`;
  return [
    "# Managed by Pulumi (components/services/mongodb).",
    "[Unit]",
    "Description=Prometheus exporter for MongoDB (Percona mongodb_exporter)",
    "After=network-online.target mongod.service",
    "Wants=network-online.target",
    "",
    "[Service]",
    `User=${EXPORTER_USER}`,
    `Group=${EXPORTER_USER}`,
    `EnvironmentFile=${EXPORTER_PATHS.env}`,
    `Environment=MONGODB_URI=${uri}`,
    `ExecStart=${EXPORTER_PATHS.binary} --web.listen-address=:${input.listenPort} --mongodb.direct-connect --collect-all --compatible-mode`,
    "Restart=on-failure",
    "RestartSec=5",
    "NoNewPrivileges=true",
    "ProtectSystem=strict",
    "ProtectHome=true",
    "PrivateTmp=true",
    "",
    "[Install]",
    "WantedBy=multi-user.target",
    "",
  ].join("\n");
}
