/**
 * `/etc/mongod.conf` for a replica-set member in an LXC guest. Pure: the caller passes the guest's
 * address, the data mount and the set name; no secret ever appears in this file (the keyfile and
 * the certificate are referenced by path; install.ts puts them there).
 */
import { stringify } from "yaml";
import { SERVICE_PORTS } from "../../config/ports";

/** Where install.ts puts the files mongod.conf refers to. */
export const MONGODB_PATHS = {
  config: "/etc/mongod.conf",
  dir: "/etc/mongodb",
  keyFile: "/etc/mongodb/keyfile",
  /** Server certificate followed by its private key (PEM), as `certificateKeyFile` wants it. */
  certificateKeyFile: "/etc/mongodb/tls/server.pem",
  caFile: "/etc/mongodb/tls/ca.pem",
  log: "/var/log/mongodb/mongod.log",
} as const;

/** The port every member listens on (defined once, with the other services' ports). */
export const MONGODB_PORT = SERVICE_PORTS.mongodb;

export interface MongodConfInput {
  /** `replication.replSetName`, the same on every member. */
  replSetName: string;
  /** The guest's address on the services network; mongod also listens on localhost. */
  ip: string;
  /** The data disk's mount path, e.g. `/var/lib/mongodb`. */
  dbPath: string;
  port?: number;
  /**
   * WiredTiger cache. mongod sizes it from the host's RAM, not the container's limit, so set it
   * explicitly in LXC: about half of (guest RAM − 1 GB).
   */
  cacheSizeGb: number;
  /** Oplog size for a new member (MB); existing members keep theirs (`replSetResizeOplog`). */
  oplogSizeMb?: number;
}

/** A guest RAM in GB to the cache size MongoDB would pick with that RAM (≥ 0.25 GB). */
export function wiredTigerCacheGb(memoryGb: number): number {
  return Math.max(0.25, Math.floor(((memoryGb - 1) / 2) * 4) / 4);
}

function mongodConfObject(input: MongodConfInput): Record<string, unknown> {
  const replication: Record<string, unknown> = { replSetName: input.replSetName };
  if (input.oplogSizeMb !== undefined) replication["oplogSizeMB"] = input.oplogSizeMb;
  return {
    storage: {
      dbPath: input.dbPath,
      wiredTiger: { engineConfig: { cacheSizeGB: input.cacheSizeGb } },
    },
    systemLog: {
      destination: "file",
      path: MONGODB_PATHS.log,
      logAppend: true,
      logRotate: "reopen",
    },
    net: {
      port: input.port ?? MONGODB_PORT,
      bindIp: `localhost,${input.ip}`,
      tls: {
        // Every connection, member or client, is TLS; members authenticate with the keyfile.
        mode: "requireTLS",
        certificateKeyFile: MONGODB_PATHS.certificateKeyFile,
        CAFile: MONGODB_PATHS.caFile,
        // Clients authenticate with SCRAM, not with certificates.
        allowConnectionsWithoutCertificates: true,
        disabledProtocols: "TLS1_0,TLS1_1",
      },
    },
    security: { keyFile: MONGODB_PATHS.keyFile, authorization: "enabled" },
    replication,
    processManagement: { timeZoneInfo: "/usr/share/zoneinfo" },
  };
}

export function renderMongodConf(input: MongodConfInput): string {
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(input.replSetName)) {
    throw new Error(`replica set name ${JSON.stringify(input.replSetName)} is not valid`);
  }
  if (!/^\/[^\s]*$/.test(input.dbPath)) throw new Error(`dbPath must be an absolute path`);
  return `# Managed by Pulumi (components/services/mongodb); local edits are overwritten.\n${stringify(
    mongodConfObject(input),
    { lineWidth: 0 },
  )}`;
}
