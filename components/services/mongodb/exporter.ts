/**
 * Percona `mongodb_exporter` on each member, scraped by Prometheus at `<guest>:9216`
 * (`baremetal:kubernetes.monitoring.mongodbExporterPort`, the `mongodb` job of the monitoring
 * values). It connects to its own member only (`--mongodb.direct-connect`), over TLS verified
 * against the internal CA, as a user with the `clusterMonitor` role (and `read` on `local`),
 * whose name and password live in an environment file only root and the exporter can read.
 */
import { MONGODB_PATHS, MONGODB_PORT } from "./mongodConf";

export const EXPORTER_PATHS = {
  binary: "/usr/local/bin/mongodb_exporter",
  unit: "/etc/systemd/system/mongodb_exporter.service",
  env: "/etc/mongodb_exporter/credentials.env",
} as const;

export const EXPORTER_USER = "mongodb_exporter";

export interface ExporterInput {
  /** The member's DNS name, as in its certificate. */
  fqdn: string;
  port?: number;
  listenPort: number;
}

/** The systemd unit. Credentials come from the environment file, never the command line. */
export function renderExporterUnit(input: ExporterInput): string {
  const uri =
    `mongodb://${input.fqdn}:${input.port ?? MONGODB_PORT}/admin` +
    `?tls=true&tlsCAFile=${encodeURIComponent(MONGODB_PATHS.caFile)}&directConnection=true`;
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
