/**
 * Credentials of the platform: generated with @pulumi/random (or supplied as secret Outputs) and
 * stored in Kubernetes Secrets that the charts reference by name. Values never see them.
 */
import * as k8s from "../sdk/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { mustExist } from "../invariant";
import { CLOUDFLARE_TOKEN_SECRET } from "./issuers";
import { namespaces, secretNames } from "./values/common";
import {
  PROXMOX_CSI_CONFIG_KEY,
  proxmoxCsiConfigFile,
  type ProxmoxCsiCluster,
} from "./values/proxmoxCsi";
import { SNMP_AUTH_FILE, snmpAuthConfig, type SnmpV3User } from "./values/snmpExporter";

/** Credentials owned by other systems; any omitted one that can be generated is generated. */
export interface PlatformSecretInputs {
  /** Password of the Harbor role on the external PostgreSQL. @default generated */
  readonly harborDatabasePassword?: pulumi.Output<string>;
  /** Password of the external Redis; omitted = Redis without AUTH (unless `harborRedisUser`). */
  readonly harborRedisPassword?: pulumi.Output<string>;
  /**
   * ACL user of Harbor on the external Redis (the services layer provisions it); without
   * `harborRedisPassword`, its password is generated and exposed as `harborRedisPassword`.
   */
  readonly harborRedisUser?: string;
  /** Object-store credentials for Harbor blobs. @default generated */
  readonly harborS3?: { accessKey: pulumi.Output<string>; secretKey: pulumi.Output<string> };
  /** Password of the Elasticsearch user the agents ship with. @default generated */
  readonly elasticsearchPassword?: pulumi.Output<string>;
  /** Cloudflare API token for ACME DNS-01; required only when an `acme` issuer is declared. */
  readonly cloudflareApiToken?: pulumi.Output<string>;
  /** SNMPv3 user of the routers (network layer); omitted = no router monitoring. */
  readonly routerSnmp?: pulumi.Output<SnmpV3User>;
  /** Proxmox API access of the CSI plugin; required when `storage.proxmoxCsi` is set. */
  readonly proxmoxCsi?: pulumi.Output<ProxmoxCsiCluster>;
}

export type NamespaceKey = keyof typeof namespaces;

export interface PlatformSecretsArgs {
  readonly provider: k8s.Provider;
  readonly namespaces: Readonly<Partial<Record<NamespaceKey, k8s.core.v1.Namespace>>>;
  readonly inputs: PlatformSecretInputs;
  readonly elasticsearch: { url: string; username: string };
  /** PEM roots of the private CA(s) the external services' certificates chain to. */
  readonly caBundle?: pulumi.Output<string>;
  readonly harborUsesS3: boolean;
  readonly needsCloudflare: boolean;
}

export class PlatformSecrets extends pulumi.ComponentResource {
  static readonly __pulumiType = "baremetal:kubernetes:PlatformSecrets";

  /** Kubernetes Secrets by their object name (see `secretNames`). */
  public readonly secrets: Record<string, k8s.core.v1.Secret> = {};
  /** Credentials the operators (or the systems on the other side) need; all secret. */
  public readonly credentials: Record<string, pulumi.Output<string>> = {};

  constructor(name: string, args: PlatformSecretsArgs, opts?: pulumi.ComponentResourceOptions) {
    super(PlatformSecrets.__pulumiType, name, {}, opts);
    const generate = (key: string, length: number): random.RandomPassword =>
      new random.RandomPassword(
        `${name}-${key}`,
        // Letters and digits: every consumer (URLs, env files, htpasswd) takes them verbatim.
        { length, special: false, minUpper: 1, minLower: 1, minNumeric: 1 },
        { parent: this, additionalSecretOutputs: ["result", "bcryptHash"] },
      );
    const store = (
      secretName: string,
      namespace: NamespaceKey,
      data: Record<string, pulumi.Input<string>>,
      labels?: Record<string, string>,
    ): void => {
      this.secrets[secretName] = new k8s.core.v1.Secret(
        `${name}-${secretName}`,
        {
          metadata: {
            name: secretName,
            namespace: mustExist(args.namespaces[namespace], `namespace ${namespace}`).metadata
              .name,
            ...(labels ? { labels } : {}),
          },
          type: "Opaque",
          stringData: pulumi.secret(pulumi.output(data)),
        },
        { parent: this, provider: args.provider },
      );
    };
    const credential = (key: string, value: pulumi.Output<string>): pulumi.Output<string> =>
      (this.credentials[key] = pulumi.secret(value));

    const grafana = credential("grafanaAdminPassword", generate("grafana-admin", 32).result);
    store(secretNames.grafanaAdmin, "monitoring", {
      "admin-user": "admin",
      "admin-password": grafana,
    });

    const argocd = generate("argocd-admin", 32);
    credential("argocdAdminPassword", argocd.result);
    // Argo CD reads only secrets labelled part-of=argocd; the hash is all it stores of the password.
    store(
      secretNames.argocd,
      "argocd",
      { "admin.password": pulumi.secret(argocd.bcryptHash) },
      { "app.kubernetes.io/part-of": "argocd" },
    );

    this.harborSecrets(name, args, generate, store, credential);

    const esPassword = credential(
      "elasticsearchPassword",
      args.inputs.elasticsearchPassword ?? generate("elasticsearch", 32).result,
    );
    // ECK reads `ca.crt` of an unmanaged cluster's Secret to verify its certificate.
    store(secretNames.externalElasticsearch, "elastic", {
      url: args.elasticsearch.url,
      username: args.elasticsearch.username,
      password: esPassword,
      ...(args.caBundle ? { "ca.crt": args.caBundle } : {}),
    });

    if (args.needsCloudflare) {
      // baremetal:cloudflareApiToken is a required secret of every stack (config validation).
      const token = mustExist(args.inputs.cloudflareApiToken, "the Cloudflare API token");
      store(CLOUDFLARE_TOKEN_SECRET, "certManager", { "api-token": pulumi.secret(token) });
    }
    if (args.inputs.routerSnmp) {
      // A config file snmp_exporter merges with its built-in modules; never a values key.
      store(secretNames.snmpExporterAuth, "monitoring", {
        [SNMP_AUTH_FILE]: pulumi.secret(args.inputs.routerSnmp.apply(snmpAuthConfig)),
      });
    }
    if (args.inputs.proxmoxCsi) {
      store(secretNames.proxmoxCsiConfig, "csiProxmox", {
        [PROXMOX_CSI_CONFIG_KEY]: pulumi.secret(args.inputs.proxmoxCsi.apply(proxmoxCsiConfigFile)),
      });
    }
    this.registerOutputs({ credentials: this.credentials });
  }

  private harborSecrets(
    name: string,
    args: PlatformSecretsArgs,
    generate: (key: string, length: number) => random.RandomPassword,
    store: (
      secretName: string,
      ns: NamespaceKey,
      data: Record<string, pulumi.Input<string>>,
    ) => void,
    credential: (key: string, value: pulumi.Output<string>) => pulumi.Output<string>,
  ): void {
    const admin = credential("harborAdminPassword", generate("harbor-admin", 32).result);
    store(secretNames.harborAdmin, "harbor", { HARBOR_ADMIN_PASSWORD: admin });
    // Harbor requires exactly 16 characters for these, and 32 for the XSRF key.
    store(secretNames.harborSecretKey, "harbor", {
      secretKey: generate("harbor-secret-key", 16).result,
    });
    store(secretNames.harborCore, "harbor", { secret: generate("harbor-core", 16).result });
    store(secretNames.harborJobservice, "harbor", {
      JOBSERVICE_SECRET: generate("harbor-jobservice", 16).result,
    });
    store(secretNames.harborRegistry, "harbor", {
      REGISTRY_HTTP_SECRET: generate("harbor-registry-http", 16).result,
    });
    store(secretNames.harborXsrf, "harbor", { CSRF_KEY: generate("harbor-xsrf", 32).result });
    const registry = generate("harbor-registry-credentials", 32);
    store(secretNames.harborRegistryCredentials, "harbor", {
      REGISTRY_PASSWD: registry.result,
      REGISTRY_HTPASSWD: pulumi.interpolate`harbor_registry_user:${registry.bcryptHash}`,
    });
    const database = credential(
      "harborDatabasePassword",
      args.inputs.harborDatabasePassword ?? generate("harbor-database", 32).result,
    );
    store(secretNames.harborDatabase, "harbor", { password: database });
    if (args.inputs.harborRedisPassword || args.inputs.harborRedisUser) {
      const redisPassword = credential(
        "harborRedisPassword",
        args.inputs.harborRedisPassword ?? generate("harbor-redis", 32).result,
      );
      // The chart reads REDIS_USERNAME from the same Secret in ACL mode.
      store(secretNames.harborRedis, "harbor", {
        REDIS_PASSWORD: redisPassword,
        ...(args.inputs.harborRedisUser ? { REDIS_USERNAME: args.inputs.harborRedisUser } : {}),
      });
    }
    if (args.harborUsesS3) {
      // Shaped as Garage (the objectstore guest) imports keys: `GK` + 24 hex, secret 64 hex.
      // RandomBytes keeps the value in secret outputs only (a RandomId's id is its value).
      const hexKey = (key: string, bytes: number, prefix = ""): pulumi.Output<string> =>
        pulumi.secret(
          new random.RandomBytes(
            `${name}-${key}`,
            { length: bytes },
            { parent: this, additionalSecretOutputs: ["hex", "base64"] },
          ).hex.apply((hex) => `${prefix}${hex}`),
        );
      const accessKey = credential(
        "harborS3AccessKey",
        args.inputs.harborS3?.accessKey ?? hexKey("harbor-s3-access-key", 12, "GK"),
      );
      const secretKey = credential(
        "harborS3SecretKey",
        args.inputs.harborS3?.secretKey ?? hexKey("harbor-s3-secret-key", 32),
      );
      store(secretNames.harborS3, "harbor", {
        REGISTRY_STORAGE_S3_ACCESSKEY: accessKey,
        REGISTRY_STORAGE_S3_SECRETKEY: secretKey,
      });
    }
  }
}
