/**
 * The MongoDB replica set in the services layer: one keyfile for the set, an admin password, a
 * server certificate per member, each member installed by the install script (the first one
 * bootstraps a one-member set and creates the admin user through the localhost exception), then
 * the `ReplicaSet` resource adopts that set and adds the others one voter at a time, and the
 * application user is created with a generated password.
 */
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { MongoUser, ReplicaSet } from "../../../providers/mongodb";
import { issueServerCertificate } from "../certificates";
import { requireDataDir, type ServiceContext } from "../context";
import type { ServiceProvisioning } from "../types";
import { MONGODB_PACKAGES } from "../versions";
import { renderInstallScript } from "./install";
import { renderMongodConf, wiredTigerCacheGb } from "./mongodConf";

/** Where the install step stages the secret files the install script reads (a tmpfs). */
export const MONGODB_SECRETS_DIR = "/run/baremetal-mongodb";
export const MONGODB_STEPS = ["install"] as const;

/** The application's database user (read/write on its own database). */
export const MONGODB_APP_USER = { username: "payments", database: "payments" } as const;

export interface MongoDbMember {
  context: ServiceContext;
  memoryGb: number;
}

/** Secrets shared by every member: the set's keyfile and, to bootstrap, the admin password. */
export interface MongoDbSetSecrets {
  keyfile: pulumi.Output<string>;
  /** Staged on the bootstrap member only; absent when nothing bootstraps. */
  adminPassword?: pulumi.Output<string>;
  /** Whether `adminPassword` was generated here (then it is reported as a credential). */
  adminPasswordGenerated: boolean;
}

function randomSecret(parent: pulumi.Resource, name: string, length: number) {
  return pulumi.secret(
    new random.RandomPassword(
      name,
      { length, special: false, minUpper: 1, minLower: 1, minNumeric: 1 },
      { parent, additionalSecretOutputs: ["result", "bcryptHash"] },
    ).result,
  );
}

/**
 * The keyfile (base64 alphabet, 6–1024 characters): the configured one
 * (`baremetal:mongodbKeyfile`, the AWS set's during the migration) or generated once. The admin
 * password for the bootstrap: the configured one (`baremetal:mongodbAdminPassword`, which the
 * provider reads) or generated.
 */
export function generateSetSecrets(
  parent: pulumi.Resource,
  setName: string,
  args: {
    bootstrap: boolean;
    configuredKeyfile?: pulumi.Output<string>;
    configuredAdminPassword?: pulumi.Output<string>;
  },
): MongoDbSetSecrets {
  const keyfile = args.configuredKeyfile
    ? pulumi.secret(args.configuredKeyfile)
    : randomSecret(parent, `mongodb-${setName}-keyfile`, 512);
  if (!args.bootstrap) return { keyfile, adminPasswordGenerated: false };
  if (args.configuredAdminPassword) {
    return {
      keyfile,
      adminPassword: pulumi.secret(args.configuredAdminPassword),
      adminPasswordGenerated: false,
    };
  }
  return {
    keyfile,
    adminPassword: randomSecret(parent, `mongodb-${setName}-admin-password`, 32),
    adminPasswordGenerated: true,
  };
}

/** Pure: the install step for one member from plain values. */
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
  });
  return {
    guest: input.guest,
    service: "mongodb",
    packages: [MONGODB_PACKAGES.server, MONGODB_PACKAGES.mongosh].map((p) => ({ ...p })),
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
        ],
      },
    ],
  };
}

/** One member's install step, rendered from its certificate and the set's secrets (secret). */
export function renderMember(
  parent: pulumi.Resource,
  member: MongoDbMember,
  set: { replicaSet: string; adminUsername: string; secrets: MongoDbSetSecrets },
  bootstrap: boolean,
): pulumi.Output<ServiceProvisioning> {
  const { guest } = member.context;
  const dataDir = requireDataDir(guest, "mongodb");
  const cert = issueServerCertificate(parent, guest.guest, guest, member.context.ca);
  return pulumi.secret(
    pulumi
      .all([
        cert.certPem,
        cert.keyPem,
        member.context.caBundle,
        set.secrets.keyfile,
        set.secrets.adminPassword ?? "",
      ])
      .apply(([certPem, keyPem, caPem, keyfile, adminPassword]) =>
        mongoDbProvisioning({
          guest: guest.guest,
          fqdn: guest.fqdn,
          ip: guest.ip,
          dataDir,
          memoryGb: member.memoryGb,
          replicaSet: set.replicaSet,
          tls: { certPem, keyPem, caPem },
          keyfile,
          ...(bootstrap && set.secrets.adminPassword
            ? { bootstrap: { adminUsername: set.adminUsername, adminPassword } }
            : {}),
        }),
      ),
  );
}

export interface ManagedReplicaSet {
  replicaSet: ReplicaSet;
  users: MongoUser[];
  /** The application user's password (secret). */
  appPassword: pulumi.Output<string>;
}

/**
 * The `ReplicaSet` over every member (after their install steps) and the application user.
 * The provider authenticates as the admin user with `baremetal:mongodbAdminPassword` (see the
 * services README).
 */
export function manageReplicaSet(
  parent: pulumi.Resource,
  args: {
    replicaSet: string;
    /** The declared membership (`SetMember`s of the plan). */
    members: readonly { host: string; priority?: number; votes?: number; hidden?: boolean }[];
    seeds: readonly string[];
    /** Where the users are created from (the data-center members). */
    userHosts: readonly string[];
    caPem: pulumi.Output<string>;
    dependsOn: pulumi.Input<pulumi.Resource>[];
  },
): ManagedReplicaSet {
  const connection = args.caPem.apply((caPem) => ({ caPem }));
  const replicaSet = new ReplicaSet(
    `mongodb-${args.replicaSet}`,
    {
      name: args.replicaSet,
      members: args.members.map((m) => ({ ...m })),
      seeds: [...args.seeds],
      connection,
    },
    { parent, dependsOn: args.dependsOn, protect: true },
  );
  const appPassword = randomSecret(
    parent,
    `mongodb-${args.replicaSet}-${MONGODB_APP_USER.username}-password`,
    32,
  );
  const appUser = new MongoUser(
    `mongodb-${args.replicaSet}-${MONGODB_APP_USER.username}`,
    {
      replicaSet: args.replicaSet,
      hosts: [...args.userHosts, ...args.seeds],
      connection,
      db: "admin",
      username: MONGODB_APP_USER.username,
      password: appPassword,
      roles: [{ role: "readWrite", db: MONGODB_APP_USER.database }],
    },
    { parent, dependsOn: [replicaSet] },
  );
  return { replicaSet, users: [appUser], appPassword };
}
