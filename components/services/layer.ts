/**
 * The services layer: installs and configures the software in every service guest the placement
 * declares, one child component per role. It runs after the platform (whose generated
 * credentials it provisions: Harbor's database, Redis and object-store keys, the Elasticsearch
 * shipper) and after the containers exist.
 */
import type * as command from "@pulumi/command";
import * as pulumi from "@pulumi/pulumi";
import { mustExist } from "../invariant";
import type { ServiceLayerPlan } from "../plan";
import type { CertificateAuthority, ServiceContext, ServiceGuest } from "./context";
import { applyProvisioning, planOf, type HostAccess } from "./guestSteps";
import { rolePackages, type ServiceInventoryEntry } from "./inventory";
import { PostgresService } from "./postgres/service";
import { RedisService } from "./redis/service";
import { REDIS_USERS } from "./redis/render";
import type { ServiceProvisioning } from "./types";
import type { SnmpV3Credentials } from "./zabbix/render";
import { ZabbixService } from "./zabbix/service";
import { GarageService } from "./garage/service";
import { GARAGE_RELEASE, MONGODB_EXPORTER_RELEASE, MONGODB_PACKAGES } from "./versions";
import { ElasticsearchService, KibanaService } from "./elastic/service";
import { MONGODB_STEPS } from "./mongodb/provisioning";
import {
  generateSetSecrets,
  manageReplicaSet,
  renderMember,
  type ManagedReplicaSet,
  type MongoDbSetSecrets,
  type MongoDbUserCredentials,
} from "./mongodb/replicaSet";

/** Port numbers the platform already points at (`platformServices`, Harbor's config). */
export const SERVICE_PORTS = {
  redis: 6379,
  postgresql: 5432,
  zabbix: 10051,
  elasticsearch: 9200,
  kibana: 5601,
} as const;

/** Harbor's Redis ACL user; the platform stores it in the `harbor-redis` Secret. */
export const HARBOR_REDIS_USER = REDIS_USERS.harbor;

export interface ServicesLayerArgs {
  /** The services layer's slice of the plan (`planDataCenter(config).serviceLayer`). */
  readonly plan: ServiceLayerPlan;
  /** The LXC containers by guest name; each guest's steps wait for its container. */
  readonly containers: Readonly<Record<string, pulumi.Resource>>;
  /** SSH identity on the Proxmox hosts (the compute provider's). */
  readonly sshPrivateKey: pulumi.Input<string>;
  /** Root key pairs of the `ca` issuers, by issuer name (Microk8sCluster). */
  readonly certificateAuthorities: Readonly<Record<string, CertificateAuthority>>;
  /** PEM roots the platform trusts (Harbor's and ECK's CA bundle). */
  readonly caBundle: pulumi.Output<string>;
  /** Credentials the platform generated (`platformCredentials`), each secret. */
  readonly platformCredentials: Readonly<Record<string, pulumi.Output<string>>>;
  /**
   * MongoDB provisioning rendered elsewhere, by guest name, applied as given instead of the
   * layer's own (`mongodb/replicaSet.ts`: install script, keyfile, certificate, bootstrap).
   * A guest given here is not a member of the layer's `ReplicaSet`.
   */
  readonly mongodb?: Readonly<Record<string, ServiceProvisioning>>;
  /**
   * `baremetal:mongodbAdminPassword` when set: the first member creates the admin user with it,
   * the same password the MongoDB provider authenticates with, so the first `up` manages the
   * set. Absent: the layer generates one (see the README for the second `up`).
   */
  readonly mongodbAdminPassword?: pulumi.Output<string>;
  /** `baremetal:mongodbKeyfile` when set (the AWS set's keyfile during the migration). */
  readonly mongodbKeyfile?: pulumi.Output<string>;
  /** The routers' SNMPv3 user (network layer `snmp`), for the Zabbix hosts. */
  readonly routerSnmp?: pulumi.Output<SnmpV3Credentials>;
}

/** The CA that signs service certificates; the layer refuses to provision without one. */
export function signingIssuer(plan: ServiceLayerPlan): string {
  if (!plan.signingIssuer) {
    throw new Error(
      "[kubernetes.issuers] the services layer issues TLS certificates from a `ca` issuer; declare one",
    );
  }
  return plan.signingIssuer;
}

export class ServicesLayer extends pulumi.ComponentResource {
  static readonly __pulumiType = "baremetal:services:ServicesLayer";
  /** What is installed where (packages pinned to versions). */
  readonly inventory: ServiceInventoryEntry[] = [];
  /** Credentials this layer generated (secret): `pulumi stack output serviceCredentials`. */
  readonly credentials: Record<string, pulumi.Output<string>> = {};
  /** The MongoDB replica set and its users, when the layer provisions MongoDB members. */
  mongodb?: ManagedReplicaSet;
  /**
   * The applications' MongoDB users by name, each secret (`pulumi stack output mongodbUsers
   * --show-secrets`): user, database, authSource, password and connection string.
   */
  readonly mongodbUsers: Record<string, pulumi.Output<MongoDbUserCredentials>> = {};
  readonly services: Record<
    string,
    pulumi.ComponentResource & { steps: command.remote.Command[] }
  > = {};

  constructor(name: string, args: ServicesLayerArgs, opts?: pulumi.ComponentResourceOptions) {
    super(ServicesLayer.__pulumiType, name, { site: args.plan.site }, opts);
    const { plan } = args;
    const access: HostAccess = {
      user: plan.hostAccess.user,
      privateKey: pulumi.secret(args.sshPrivateKey),
      addresses: plan.hostAccess.addresses,
    };
    const provisioned = plan.guests.filter(
      (g) => rolePackages(g.role, "") !== undefined || g.role === "mongodb",
    );
    const ca =
      provisioned.length > 0
        ? mustExist(
            args.certificateAuthorities[signingIssuer(plan)],
            `certificate authority ${signingIssuer(plan)}`,
          )
        : undefined;
    const credential = (key: string): pulumi.Output<string> => {
      const value = args.platformCredentials[key];
      if (!value)
        throw new Error(`[platformCredentials] ${key} is missing; the platform generates it`);
      return value;
    };

    // Kibana waits for Elasticsearch (it sets kibana_system's password), so that comes first.
    const ordered = [...plan.guests].sort(
      (a, b) => Number(a.role === "kibana") - Number(b.role === "kibana"),
    );
    let elasticsearch: { service: ElasticsearchService; fqdn: string } | undefined;
    let mongoSecrets: MongoDbSetSecrets | undefined;
    const mongoSteps: pulumi.Resource[] = [];
    for (const placed of ordered) {
      const known = rolePackages(placed.role, plan.elastic.version);
      if (!known && placed.role !== "mongodb") continue;
      const guest: ServiceGuest = {
        guest: placed.name,
        vmId: placed.vmId,
        host: placed.host,
        fqdn: placed.fqdn,
        ip: placed.ip,
        ...(placed.dataDisk ? { dataDir: placed.dataDisk.mountPath } : {}),
      };
      const context: ServiceContext = {
        guest,
        access,
        ca: mustExist(ca, "signing CA"),
        caBundle: args.caBundle,
        dependsOn: args.containers[placed.name]
          ? [args.containers[placed.name] as pulumi.Resource]
          : [],
      };
      const childOpts = { parent: this };
      switch (placed.role) {
        case "redis":
          this.services[placed.name] = new RedisService(
            placed.name,
            {
              context,
              harborPassword: credential("harborRedisPassword"),
              port: SERVICE_PORTS.redis,
              exporterPort: plan.redisExporterPort,
            },
            childOpts,
          );
          break;
        case "postgresql":
          this.services[placed.name] = new PostgresService(
            placed.name,
            {
              context,
              port: plan.harborDatabase.port,
              harbor: {
                role: plan.harborDatabase.role,
                database: plan.harborDatabase.database,
                password: credential("harborDatabasePassword"),
                networks: plan.kubernetesCidrs,
              },
            },
            childOpts,
          );
          break;
        case "zabbix": {
          if (!args.routerSnmp) {
            throw new Error(
              `${placed.name}: zabbix monitors the routers and needs their SNMPv3 user`,
            );
          }
          const zabbix = new ZabbixService(
            placed.name,
            {
              context,
              listenPort: SERVICE_PORTS.zabbix,
              routers: plan.snmpTargets[placed.name] ?? [],
              snmp: args.routerSnmp,
            },
            childOpts,
          );
          this.services[placed.name] = zabbix;
          this.credentials[`zabbixAdminPassword`] = zabbix.adminPassword;
          break;
        }
        case "elasticsearch": {
          const service = new ElasticsearchService(
            placed.name,
            {
              context,
              version: plan.elastic.version,
              clusterName: plan.elastic.clusterName,
              memoryGb: placed.memoryGb,
              httpPort: SERVICE_PORTS.elasticsearch,
              shipper: {
                username: plan.elastic.shipperUser,
                password: credential("elasticsearchPassword"),
              },
            },
            childOpts,
          );
          elasticsearch ??= { service, fqdn: placed.fqdn };
          this.services[placed.name] = service;
          this.credentials["elasticPassword"] = service.elasticPassword;
          break;
        }
        case "kibana": {
          if (!elasticsearch) {
            throw new Error(`${placed.name}: Kibana needs an elasticsearch guest in the placement`);
          }
          this.services[placed.name] = new KibanaService(
            placed.name,
            {
              context: {
                ...context,
                dependsOn: [...context.dependsOn, ...elasticsearch.service.steps],
              },
              version: plan.elastic.version,
              port: SERVICE_PORTS.kibana,
              elasticsearchUrl: `https://${elasticsearch.fqdn}:${SERVICE_PORTS.elasticsearch}`,
              kibanaSystemPassword: elasticsearch.service.kibanaSystemPassword,
            },
            childOpts,
          );
          break;
        }
        case "objectstore": {
          const storage = plan.objectStorage;
          if (!storage) continue;
          const garage = new GarageService(
            placed.name,
            {
              context,
              release: GARAGE_RELEASE,
              publicPort: storage.publicPort,
              region: storage.region,
              bucket: storage.bucket,
              // Nine tenths of the data disk: Garage needs room for its metadata.
              capacityBytes: Math.floor((placed.dataDisk?.sizeGb ?? 0) * 0.9 * 1024 ** 3),
              harborKey: {
                accessKeyId: credential("harborS3AccessKey"),
                secretAccessKey: credential("harborS3SecretKey"),
              },
            },
            childOpts,
          );
          this.services[placed.name] = garage;
          this.credentials["garageAdminToken"] = garage.adminToken;
          break;
        }
        case "mongodb": {
          const given = args.mongodb?.[placed.name];
          const set = plan.mongodb;
          let rendered: MongoDbServiceArgs["rendered"];
          let steps: readonly string[];
          if (given) {
            rendered = given;
            steps = planOf(given).steps;
          } else if (set) {
            if (!mongoSecrets && !set.bootstrap && !args.mongodbKeyfile) {
              pulumi.log.warn(
                `MongoDB: the members join the existing set ${set.replicaSet} and need its keyfile: set it with \`pulumi config set --secret mongodbKeyfile\` (a generated one is used until then)`,
                this,
              );
            }
            mongoSecrets ??= generateSetSecrets(this, set.replicaSet, {
              bootstrap: set.bootstrap,
              exporterUsername: set.exporter.username,
              ...(args.mongodbKeyfile ? { configuredKeyfile: args.mongodbKeyfile } : {}),
              ...(args.mongodbAdminPassword
                ? { configuredAdminPassword: args.mongodbAdminPassword }
                : {}),
            });
            const secrets = mongoSecrets;
            const bootstrap = set.bootstrap && mongoSteps.length === 0;
            // Rendered under the member's component, which owns its certificate.
            rendered = (service) =>
              renderMember(
                service,
                { context, memoryGb: placed.memoryGb },
                {
                  replicaSet: set.replicaSet,
                  adminUsername: set.adminUsername,
                  secrets,
                  exporter: set.exporter,
                },
                bootstrap,
              );
            steps = MONGODB_STEPS;
          } else {
            continue;
          }
          // Members install one after another: a changed pin restarts each mongod in turn (the
          // script waits for it to answer again), never the whole set at once.
          const memberContext: ServiceContext = given
            ? context
            : { ...context, dependsOn: [...context.dependsOn, ...mongoSteps] };
          const service = new MongoDbService(
            placed.name,
            { context: memberContext, rendered, steps },
            childOpts,
          );
          this.services[placed.name] = service;
          if (!given) mongoSteps.push(...service.steps);
          this.inventory.push({
            guest: placed.name,
            host: placed.host,
            service: "mongodb",
            packages: given
              ? given.packages.map((p) => `${p.name}=${p.version}`)
              : [
                  ...Object.values(MONGODB_PACKAGES).map((p) => `${p.name}=${p.version}`),
                  `mongodb_exporter=${MONGODB_EXPORTER_RELEASE.version}`,
                ],
          });
          continue;
        }
        default:
          continue;
      }
      if (known) {
        this.inventory.push({ guest: placed.name, host: placed.host, ...known });
      }
    }
    if (plan.mongodb && mongoSecrets) {
      // A guest provisioned elsewhere (`args.mongodb`) is not a member of this set.
      const elsewhere = plan.guests.filter((g) => args.mongodb?.[g.name]).map((g) => `${g.fqdn}:`);
      const ours = (host: string) => !elsewhere.some((prefix) => host.startsWith(prefix));
      this.mongodb = manageReplicaSet(this, {
        replicaSet: plan.mongodb.replicaSet,
        members: plan.mongodb.members.filter((m) => ours(m.host)),
        seeds: plan.mongodb.seeds,
        userHosts: plan.mongodb.datacenterMembers.filter(ours),
        caPem: args.caBundle,
        dependsOn: mongoSteps,
        applicationUsers: plan.mongodb.applicationUsers,
        ...(mongoSecrets.exporterPassword
          ? {
              exporter: {
                username: plan.mongodb.exporter.username,
                password: mongoSecrets.exporterPassword,
              },
            }
          : {}),
      });
      Object.assign(this.mongodbUsers, this.mongodb.applicationUsers);
      // A configured admin password is the operator's own; only a generated one is reported.
      if (mongoSecrets.adminPasswordGenerated && mongoSecrets.adminPassword) {
        this.credentials["mongodbAdminPassword"] = mongoSecrets.adminPassword;
      }
    }
    this.registerOutputs({
      inventory: this.inventory,
      credentials: this.credentials,
      mongodbUsers: this.mongodbUsers,
    });
  }
}

export interface MongoDbServiceArgs {
  context: ServiceContext;
  /** The member's provisioning: given, or rendered under this component (which owns its certificate). */
  rendered:
    | ServiceProvisioning
    | pulumi.Output<ServiceProvisioning>
    | ((service: MongoDbService) => pulumi.Output<ServiceProvisioning>);
  /** Step names, known before the provisioning is rendered (they name the commands). */
  steps: readonly string[];
}

/** The MongoDB role: applies one member's provisioning (rendered here or given). */
export class MongoDbService extends pulumi.ComponentResource {
  static readonly __pulumiType = "baremetal:services:MongoDbService";
  /** The step commands, in order. */
  readonly steps: command.remote.Command[];

  constructor(name: string, args: MongoDbServiceArgs, opts?: pulumi.ComponentResourceOptions) {
    super(MongoDbService.__pulumiType, name, { guest: args.context.guest.guest }, opts);
    const rendered = typeof args.rendered === "function" ? args.rendered(this) : args.rendered;
    if (!pulumi.Output.isInstance(rendered) && rendered.guest !== args.context.guest.guest) {
      throw new Error(
        `${args.context.guest.guest}: the MongoDB provisioning was rendered for ${rendered.guest}`,
      );
    }
    this.steps = applyProvisioning(
      this,
      args.context.guest,
      args.context.access,
      { steps: args.steps },
      pulumi.secret(rendered),
      args.context.dependsOn,
    );
    this.registerOutputs({});
  }
}
