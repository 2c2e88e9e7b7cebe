/**
 * The MongoDB replica set in the services layer: one keyfile for the set, an admin password, a
 * server certificate per member, each member installed by the install script (the first one
 * bootstraps a one-member set and creates the admin user through the localhost exception) with
 * Percona's exporter beside mongod, then the `ReplicaSet` resource adopts that set and adds the
 * others one voter at a time, and the application users (`baremetal:mongodb.applicationUsers`)
 * and the exporter's monitoring user are created with generated passwords.
 */
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { MongoUser, ReplicaSet } from "../../../providers/mongodb";
import type { UserRole } from "../../../providers/mongodb/types";
import { issueServerCertificate } from "../certificates";
import { requireDataDir, type ServiceContext } from "../context";
import type { ServiceProvisioning } from "../types";
import type { MongoDbApplicationUserPlan } from "../../plan/serviceLayer";
import { EXPORTER_ROLES } from "./exporter";
import {
  applicationUri,
  MONGODB_AUTH_DATABASE,
  mongoDbProvisioning,
  type MongoDbExporterSettings,
} from "./provisioning";

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
  /** The exporter's MongoDB password, when the members run the exporter. */
  exporterPassword?: pulumi.Output<string>;
}

/**
 * Letters and digits only (safe in a connection string, an environment file and mongosh). A
 * `rotation` becomes the generator's keeper, so a new value replaces the generator and the user
 * gets the new password in place; without one there are no keepers, as before rotation existed.
 */
function randomSecret(parent: pulumi.Resource, name: string, length: number, rotation?: string) {
  return pulumi.secret(
    new random.RandomPassword(
      name,
      {
        length,
        special: false,
        minUpper: 1,
        minLower: 1,
        minNumeric: 1,
        ...(rotation !== undefined ? { keepers: { rotation } } : {}),
      },
      { parent, additionalSecretOutputs: ["result", "bcryptHash"] },
    ).result,
  );
}

/** The generator of a managed user's password (its name is part of the stack's identity). */
export function userPasswordName(replicaSet: string, username: string): string {
  return `mongodb-${replicaSet}-${username}-password`;
}

/** The `MongoUser` resource of a managed user. */
export function userResourceName(replicaSet: string, username: string): string {
  return `mongodb-${replicaSet}-${username}`;
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
    /** The exporter's MongoDB user name, when the members run the exporter. */
    exporterUsername?: string;
  },
): MongoDbSetSecrets {
  const keyfile = args.configuredKeyfile
    ? pulumi.secret(args.configuredKeyfile)
    : randomSecret(parent, `mongodb-${setName}-keyfile`, 512);
  const exporter = args.exporterUsername
    ? {
        exporterPassword: randomSecret(
          parent,
          userPasswordName(setName, args.exporterUsername),
          32,
        ),
      }
    : {};
  if (!args.bootstrap) return { keyfile, adminPasswordGenerated: false, ...exporter };
  if (args.configuredAdminPassword) {
    return {
      keyfile,
      adminPassword: pulumi.secret(args.configuredAdminPassword),
      adminPasswordGenerated: false,
      ...exporter,
    };
  }
  return {
    keyfile,
    adminPassword: randomSecret(parent, `mongodb-${setName}-admin-password`, 32),
    adminPasswordGenerated: true,
    ...exporter,
  };
}

/** One member's install step, rendered from its certificate and the set's secrets (secret). */
export function renderMember(
  parent: pulumi.Resource,
  member: MongoDbMember,
  set: {
    replicaSet: string;
    adminUsername: string;
    secrets: MongoDbSetSecrets;
    exporter?: MongoDbExporterSettings;
  },
  bootstrap: boolean,
): pulumi.Output<ServiceProvisioning> {
  const { guest } = member.context;
  const dataDir = requireDataDir(guest, "mongodb");
  const cert = issueServerCertificate(parent, guest.guest, guest, member.context.ca);
  const exporter = set.exporter && set.secrets.exporterPassword ? set.exporter : undefined;
  return pulumi.secret(
    pulumi
      .all([
        cert.certPem,
        cert.keyPem,
        member.context.caBundle,
        set.secrets.keyfile,
        set.secrets.adminPassword ?? "",
        set.secrets.exporterPassword ?? "",
      ])
      .apply(([certPem, keyPem, caPem, keyfile, adminPassword, exporterPassword]) =>
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
          ...(exporter ? { exporter: { ...exporter, password: exporterPassword } } : {}),
        }),
      ),
  );
}

/** What an application needs to connect as one of its users (secret as a whole). */
export interface MongoDbUserCredentials {
  username: string;
  /** The database its roles are granted on (the connection string's default database). */
  database: string;
  /** Where it authenticates (`authSource`). */
  authSource: string;
  password: string;
  /** `mongodb://…` over every data-center member, TLS on; the client supplies the internal CA. */
  uri: string;
}

export interface ManagedReplicaSet {
  replicaSet: ReplicaSet;
  /** Every managed user: the applications' (stack file order), then the exporter's. */
  users: MongoUser[];
  /** Each application user's credentials, by user name (secret). */
  applicationUsers: Record<string, pulumi.Output<MongoDbUserCredentials>>;
}

/**
 * The `ReplicaSet` over every member (after their install steps), the application users and the
 * exporter's monitoring user. The provider authenticates as the admin user with
 * `baremetal:mongodbAdminPassword` (see the services README).
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
    applicationUsers: readonly MongoDbApplicationUserPlan[];
    /** The exporter's user and its password (generated with the set's secrets). */
    exporter?: { username: string; password: pulumi.Output<string> };
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
  const user = (username: string, password: pulumi.Output<string>, roles: UserRole[]) =>
    new MongoUser(
      userResourceName(args.replicaSet, username),
      {
        replicaSet: args.replicaSet,
        hosts: [...args.userHosts, ...args.seeds],
        connection,
        db: MONGODB_AUTH_DATABASE,
        username,
        password,
        roles,
      },
      { parent, dependsOn: [replicaSet] },
    );
  const users: MongoUser[] = [];
  const applicationUsers: Record<string, pulumi.Output<MongoDbUserCredentials>> = {};
  for (const declared of args.applicationUsers) {
    const password = randomSecret(
      parent,
      userPasswordName(args.replicaSet, declared.name),
      32,
      declared.rotation,
    );
    const created = user(
      declared.name,
      password,
      declared.roles.map((role) => ({ role, db: declared.database })),
    );
    users.push(created);
    // From the user's outputs, so the credentials are reported once the user has them.
    applicationUsers[declared.name] = pulumi.secret(
      pulumi.all([created.password, created.username]).apply(([pwd, username]) => ({
        username,
        database: declared.database,
        authSource: MONGODB_AUTH_DATABASE,
        password: pwd,
        uri: applicationUri({
          username,
          password: pwd,
          database: declared.database,
          replicaSet: args.replicaSet,
          hosts: args.userHosts,
        }),
      })),
    );
  }
  if (args.exporter) {
    users.push(
      user(
        args.exporter.username,
        args.exporter.password,
        EXPORTER_ROLES.map((r) => ({ ...r })),
      ),
    );
  }
  return { replicaSet, users, applicationUsers };
}
