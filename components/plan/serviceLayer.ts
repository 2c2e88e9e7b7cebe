/**
 * The services layer's slice: everything the layer that installs and configures the service
 * guests reads, computed once from the validated config. Data only (no secrets): the layer adds
 * the generated credentials, the CA key pairs and the SSH identity.
 */
import type { GuestRole, StackConfig } from "../config/schema";
import { SERVICE_PORTS } from "../config/ports";
import type { PlannedGuest } from "./guests";
import { planMigration, type MigrationInput } from "./migration";
import { MONGODB_ADMIN_USERNAME, MONGODB_EXPORTER_USERNAME } from "../config/mongodb";

/** The replica set's name when the stack names none (MongoDB's documented example name). */
export const DEFAULT_REPLICA_SET = "rs0";
/** The admin user the first member creates (the MongoDB provider's default admin username). */
export { MONGODB_ADMIN_USERNAME } from "../config/mongodb";

/** An application's database user (`baremetal:mongodb.applicationUsers`). */
export interface MongoDbApplicationUserPlan {
  name: string;
  /** The database its roles are granted on; it authenticates against `admin`. */
  database: string;
  roles: string[];
  /** Present once the stack asks for a new password; a change generates another. */
  rotation?: string;
}

/** A replica-set member as the `ReplicaSet` resource takes it. */
export interface SetMember {
  host: string;
  priority?: number;
  votes?: number;
  hidden?: boolean;
}

export interface MongoDbSetPlan {
  replicaSet: string;
  adminUsername: string;
  /** The data center's members (`host:port`, placement order): the guests installed here. */
  datacenterMembers: string[];
  /** The membership the `ReplicaSet` resource declares (in a migration: this phase's). */
  members: SetMember[];
  /** Where else to look for the set (the AWS members during the migration). */
  seeds: string[];
  /**
   * Whether the first data-center member initiates the set. Not during a migration: the members
   * join the AWS set (same name, its keyfile), which a second, local set would shadow.
   */
  bootstrap: boolean;
  /** The applications' users, in the stack file's order. */
  applicationUsers: MongoDbApplicationUserPlan[];
  /** Percona's exporter on every member: where Prometheus scrapes it, and its MongoDB user. */
  exporter: { port: number; username: string };
}

/** One guest the services layer may provision, in placement order. */
export interface ServiceLayerGuest {
  name: string;
  role: GuestRole;
  host: string;
  vmId: number;
  fqdn: string;
  ip: string;
  /** The network the guest sits in. */
  network: string;
  memoryGb: number;
  /** The data disk's mount path and size; absent when the guest has none. */
  dataDisk?: { mountPath: string; sizeGb: number };
}

/** A router the Zabbix server polls over SNMP, at the address it answers on. */
export interface SnmpTarget {
  name: string;
  ip: string;
}

export interface ServiceLayerPlan {
  site: string;
  /** How the layer reaches the Proxmox hosts (it runs guest commands through `pct exec`). */
  hostAccess: { user: string; addresses: Record<string, string> };
  guests: ServiceLayerGuest[];
  /** The `ca` issuer that signs service certificates; absent when the stack declares none. */
  signingIssuer?: string;
  /** CIDRs of the Kubernetes networks (where Harbor and the agents connect from). */
  kubernetesCidrs: string[];
  elastic: { version: string; clusterName: string; shipperUser: string };
  harborDatabase: { port: number; role: string; database: string };
  redisExporterPort: number;
  /** Routers each Zabbix guest polls, by guest name. */
  snmpTargets: Record<string, SnmpTarget[]>;
  /**
   * The MongoDB replica set over the `mongodb` guests (placement order; the first bootstraps
   * it); absent when the stack has none. The set name is the AWS set's when the migration
   * declares one (the members join it), else `rs0`.
   */
  mongodb?: MongoDbSetPlan;
  /** Harbor's S3 image storage on the object store; absent when Harbor stores images elsewhere. */
  objectStorage?: { bucket: string; region: string; publicPort: number };
}

/** The CA that signs service certificates: the platform issuer when it is a `ca`, else the first. */
export function signingIssuerOf(config: StackConfig): string | undefined {
  const issuers = config.kubernetes.issuers.filter((i) => i.kind === "ca");
  const platform = issuers.find((i) => i.name === config.kubernetes.platformIssuer);
  return (platform ?? issuers[0])?.name;
}

/** Routers as a guest in `network` polls them: in its own network when they have an address there. */
export function snmpTargetsFrom(config: StackConfig, network: string): SnmpTarget[] {
  return config.routers.map((r) => ({
    name: r.name,
    ip: r.addresses[network] ?? r.addresses["management"] ?? new URL(r.restUrl).hostname,
  }));
}

function planMongoDbSet(
  config: StackConfig,
  datacenterMembers: string[],
  migration: MigrationInput | undefined,
): MongoDbSetPlan {
  const base = {
    replicaSet: config.aws?.mongodb.replicaSet ?? DEFAULT_REPLICA_SET,
    adminUsername: MONGODB_ADMIN_USERNAME,
    datacenterMembers,
    applicationUsers: config.mongodb.applicationUsers.map((u) => ({
      name: u.name,
      database: u.database,
      roles: [...u.roles],
      ...(u.rotation !== undefined ? { rotation: String(u.rotation) } : {}),
    })),
    exporter: {
      port: config.kubernetes.monitoring.mongodbExporterPort,
      username: MONGODB_EXPORTER_USERNAME,
    },
  };
  if (migration) {
    // The migration plan's membership for this phase: AWS members plus hidden, non-voting
    // data-center members while replicating; the data-center members alone from the cutover.
    return {
      ...base,
      members: planMigration(migration).mongodb.members.map((m) => ({ ...m })),
      seeds: migration.aws.mongodb.members.map((m) => m.host),
      bootstrap: false,
    };
  }
  return {
    ...base,
    // The bootstrap member first: it initiated the set and stays the preferred primary.
    members: datacenterMembers.map((host, i) => (i === 0 ? { host, priority: 2 } : { host })),
    seeds: [],
    bootstrap: true,
  };
}

export function planServiceLayer(
  config: StackConfig,
  guests: readonly PlannedGuest[],
  migration?: MigrationInput,
): ServiceLayerPlan {
  const image = config.kubernetes.harbor.imageStorage;
  const issuer = signingIssuerOf(config);
  const mongoMembers = guests.filter((g) => g.role === "mongodb");
  return {
    site: config.site.name,
    hostAccess: {
      user: config.proxmox.sshUser,
      addresses: Object.fromEntries(config.hosts.map((h) => [h.name, h.managementIp])),
    },
    guests: guests.map((g) => ({
      name: g.name,
      role: g.role,
      host: g.host,
      vmId: g.vmId,
      fqdn: g.fqdn,
      ip: g.ip,
      network: g.network,
      memoryGb: g.memoryGb,
      ...(g.dataDisk
        ? { dataDisk: { mountPath: g.dataDisk.mountPath, sizeGb: g.dataDisk.sizeGb } }
        : {}),
    })),
    ...(issuer ? { signingIssuer: issuer } : {}),
    kubernetesCidrs: config.networks.filter((n) => n.purpose === "kubernetes").map((n) => n.cidr),
    elastic: {
      version: config.kubernetes.elastic.stackVersion,
      clusterName: `${config.site.name}-logs`,
      shipperUser: config.kubernetes.elastic.username,
    },
    harborDatabase: {
      port: config.kubernetes.harbor.database.port,
      role: config.kubernetes.harbor.database.username,
      database: config.kubernetes.harbor.database.database,
    },
    redisExporterPort: config.kubernetes.monitoring.redisExporterPort,
    snmpTargets: Object.fromEntries(
      guests
        .filter((g) => g.role === "zabbix")
        .map((g) => [g.name, snmpTargetsFrom(config, g.network)]),
    ),
    ...(mongoMembers.length > 0
      ? {
          mongodb: planMongoDbSet(
            config,
            mongoMembers.map((g) => `${g.fqdn}:${SERVICE_PORTS.mongodb}`),
            migration,
          ),
        }
      : {}),
    ...(image.type === "s3"
      ? {
          objectStorage: {
            bucket: image.bucket,
            region: image.region,
            publicPort: Number(new URL(image.regionendpoint).port || 443),
          },
        }
      : {}),
  };
}
