/**
 * Pure: a MongoDB member's install step from plain values (mongod.conf, the install script, the
 * staged secret files, Percona's exporter) and an application user's connection string. The
 * services layer renders each member from its certificate and the set's secrets
 * (replicaSet.ts); tests render these directly, without the SDK.
 */
import type { ServiceProvisioning } from "../types";
import { MONGODB_EXPORTER_RELEASE, MONGODB_PACKAGES } from "../versions";
import { renderExporterEnv } from "./exporter";
import { renderInstallScript } from "./install";
import { renderMongodConf, wiredTigerCacheGb } from "./mongodConf";

/** Where the install step stages the secret files the install script reads (a tmpfs). */
export const MONGODB_SECRETS_DIR = "/run/baremetal-mongodb";
export const MONGODB_STEPS = ["install"] as const;

/** Where every managed user authenticates. */
export const MONGODB_AUTH_DATABASE = "admin";

/** Percona's exporter on a member: the pinned release, its port and its MongoDB user. */
export interface MongoDbExporterSettings {
  port: number;
  username: string;
}

/** The install step for one member from plain values. */
export function mongoDbProvisioning(input: {
  guest: string;
  fqdn: string;
  ip: string;
  dataDir: string;
  memoryGb: number;
  replicaSet: string;
  tls: { certPem: string; keyPem: string; caPem: string };
  keyfile: string;
  /** First member only: bootstraps the set and creates this admin user. */
  bootstrap?: { adminUsername: string; adminPassword: string };
  /** Percona's exporter (the pinned release) with its MongoDB credentials. */
  exporter?: MongoDbExporterSettings & { password: string };
}): ServiceProvisioning {
  const staged = (name: string, content: string, secret: boolean) => ({
    path: `${MONGODB_SECRETS_DIR}/${name}`,
    content,
    mode: "0600",
    owner: "root:root",
    secret,
  });
  const script = renderInstallScript({
    mongodConf: renderMongodConf({
      replSetName: input.replicaSet,
      ip: input.ip,
      dbPath: input.dataDir,
      cacheSizeGb: wiredTigerCacheGb(input.memoryGb),
    }),
    serverVersion: MONGODB_PACKAGES.server.version,
    mongoshVersion: MONGODB_PACKAGES.mongosh.version,
    dbPath: input.dataDir,
    secretsDir: MONGODB_SECRETS_DIR,
    fqdn: input.fqdn,
    ...(input.bootstrap
      ? {
          bootstrap: {
            replSetName: input.replicaSet,
            adminUsername: input.bootstrap.adminUsername,
          },
        }
      : {}),
    ...(input.exporter
      ? {
          exporter: {
            listenPort: input.exporter.port,
            version: MONGODB_EXPORTER_RELEASE.version,
            sha256: MONGODB_EXPORTER_RELEASE.sha256,
          },
        }
      : {}),
  });
  return {
    guest: input.guest,
    service: "mongodb",
    packages: [
      MONGODB_PACKAGES.server,
      MONGODB_PACKAGES.mongosh,
      ...(input.exporter
        ? [{ name: "mongodb_exporter", version: MONGODB_EXPORTER_RELEASE.version }]
        : []),
    ].map((p) => ({ ...p })),
    steps: [
      {
        name: "install",
        script,
        files: [
          staged("keyfile", input.keyfile, true),
          staged("tls.crt", input.tls.certPem, false),
          staged("tls.key", input.tls.keyPem, true),
          staged("ca.crt", input.tls.caPem, false),
          ...(input.bootstrap
            ? [staged("admin.password", input.bootstrap.adminPassword, true)]
            : []),
          ...(input.exporter
            ? [
                staged(
                  "exporter.env",
                  renderExporterEnv(input.exporter.username, input.exporter.password),
                  true,
                ),
              ]
            : []),
        ],
      },
    ],
  };
}

/** The connection string of an application user (user name and password percent-encoded). */
export function applicationUri(args: {
  username: string;
  password: string;
  database: string;
  replicaSet: string;
  hosts: readonly string[];
}): string {
  const query = `replicaSet=${encodeURIComponent(args.replicaSet)}&tls=true&authSource=${MONGODB_AUTH_DATABASE}`;
  return (
    `mongodb://${encodeURIComponent(args.username)}:${encodeURIComponent(args.password)}@` +
    `${args.hosts.join(",")}/${args.database}?${query}`
  );
}
