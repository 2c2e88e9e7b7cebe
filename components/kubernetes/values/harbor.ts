/**
 * Harbor values (chart harbor/harbor). Harbor's state lives outside the node VMs so losing one
 * loses nothing: PostgreSQL and Redis are external services, image blobs go to object storage
 * (or a PVC on a replicated storage class). Every credential is an existing Secret.
 */
import { HARBOR_JOB_LOG_SIZE } from "../../config/claims";
import { ingressAnnotations, secretNames, type ValuesContext } from "./common";

interface Claim {
  storageClass: string;
  accessMode: string;
  size: string;
}

type ImageChartStorage =
  | {
      type: "s3";
      s3: {
        region: string;
        bucket: string;
        regionendpoint: string;
        existingSecret: string;
      };
    }
  | { type: "filesystem" };

export interface HarborValues {
  externalURL: string;
  expose: {
    type: "ingress";
    tls: { enabled: boolean; certSource: "secret"; secret: { secretName: string } };
    ingress: {
      hosts: { core: string };
      className: string;
      /** `null` removes one of the chart's default annotations (Helm drops null keys). */
      annotations: Record<string, string | null>;
    };
  };
  existingSecretAdminPassword: string;
  existingSecretAdminPasswordKey: string;
  existingSecretSecretKey: string;
  /** RWO volumes cannot be attached by the old and the new pod at once. */
  updateStrategy: { type: "Recreate" };
  persistence: {
    enabled: boolean;
    resourcePolicy: "keep";
    persistentVolumeClaim: { registry?: Claim; jobservice: { jobLog: Claim }; trivy: Claim };
    imageChartStorage: ImageChartStorage;
  };
  core: {
    replicas: number;
    existingSecret: string;
    existingXsrfSecret: string;
    existingXsrfSecretKey: string;
  };
  portal: { replicas: number };
  jobservice: { replicas: number; existingSecret: string; existingSecretKey: string };
  registry: {
    replicas: number;
    existingSecret: string;
    existingSecretKey: string;
    credentials: { existingSecret: string };
  };
  trivy: { enabled: boolean; replicas: number };
  metrics: { enabled: boolean; serviceMonitor: { enabled: boolean } };
  database: {
    type: "external";
    external: {
      host: string;
      port: string;
      username: string;
      coreDatabase: string;
      sslmode: string;
      existingSecret: string;
    };
  };
  redis: {
    type: "external";
    external: {
      addr: string;
      existingSecret?: string;
      username?: string;
      tlsOptions?: { enable: boolean };
    };
  };
  /** Extra CA roots (`ca.crt`) for core, jobservice, registry and trivy. */
  caBundleSecretName?: string;
}

export interface HarborValuesOptions {
  /** Whether the external Redis requires a password (then `harbor-redis` holds it). */
  readonly redisPassword: boolean;
  /** ACL user of Harbor on the external Redis (the Secret then also holds REDIS_USERNAME). */
  readonly redisUser?: string;
  /** The external Redis speaks TLS only (certificate of the private CA). */
  readonly redisTls?: boolean;
}

/**
 * The chart's default Ingress annotations are for ingress-nginx and Envoy; Traefik's Ingress
 * provider ignores them, so they are removed rather than left to suggest a redirect or body-size
 * setting that does not exist (Traefik has no body limit by default).
 */
const HARBOR_CHART_INGRESS_ANNOTATIONS_REMOVED: Record<string, null> = {
  "ingress.kubernetes.io/ssl-redirect": null,
  "ingress.kubernetes.io/proxy-body-size": null,
  "nginx.ingress.kubernetes.io/ssl-redirect": null,
  "nginx.ingress.kubernetes.io/proxy-body-size": null,
};

export function harborValues(ctx: ValuesContext, options: HarborValuesOptions): HarborValues {
  const { config } = ctx;
  const host = config.hostnames.harbor;
  const storageClass = config.storage.storageClass;
  const image = config.harbor.imageStorage;
  const rwo = (size: string): Claim => ({ storageClass, accessMode: "ReadWriteOnce", size });
  // One registry pod per RWO volume; object storage lets it scale out.
  const registryReplicas = image.type === "s3" ? config.replicas : 1;
  return {
    externalURL: `https://${host}`,
    expose: {
      type: "ingress",
      tls: { enabled: true, certSource: "secret", secret: { secretName: "harbor-tls" } },
      ingress: {
        hosts: { core: host },
        className: config.ingressClassName,
        annotations: {
          ...HARBOR_CHART_INGRESS_ANNOTATIONS_REMOVED,
          ...ingressAnnotations(config),
        },
      },
    },
    existingSecretAdminPassword: secretNames.harborAdmin,
    existingSecretAdminPasswordKey: "HARBOR_ADMIN_PASSWORD",
    existingSecretSecretKey: secretNames.harborSecretKey,
    updateStrategy: { type: "Recreate" },
    persistence: {
      enabled: true,
      resourcePolicy: "keep",
      persistentVolumeClaim: {
        ...(image.type === "pvc"
          ? { registry: { ...rwo(image.size), storageClass: image.storageClass } }
          : {}),
        jobservice: { jobLog: rwo(HARBOR_JOB_LOG_SIZE) },
        trivy: rwo(config.harbor.trivyStorage),
      },
      imageChartStorage:
        image.type === "s3"
          ? {
              type: "s3",
              s3: {
                region: image.region,
                bucket: image.bucket,
                regionendpoint: image.regionendpoint,
                existingSecret: secretNames.harborS3,
              },
            }
          : { type: "filesystem" },
    },
    core: {
      replicas: config.replicas,
      existingSecret: secretNames.harborCore,
      existingXsrfSecret: secretNames.harborXsrf,
      existingXsrfSecretKey: "CSRF_KEY",
    },
    portal: { replicas: config.replicas },
    jobservice: {
      replicas: 1,
      existingSecret: secretNames.harborJobservice,
      existingSecretKey: "JOBSERVICE_SECRET",
    },
    registry: {
      replicas: registryReplicas,
      existingSecret: secretNames.harborRegistry,
      existingSecretKey: "REGISTRY_HTTP_SECRET",
      credentials: { existingSecret: secretNames.harborRegistryCredentials },
    },
    trivy: { enabled: true, replicas: 1 },
    metrics: { enabled: true, serviceMonitor: { enabled: true } },
    database: {
      type: "external",
      external: {
        host: config.harbor.database.host,
        port: String(config.harbor.database.port),
        username: config.harbor.database.username,
        coreDatabase: config.harbor.database.database,
        sslmode: config.harbor.database.sslmode,
        existingSecret: secretNames.harborDatabase,
      },
    },
    redis: {
      type: "external",
      external: {
        addr: config.harbor.redis.addr,
        ...(options.redisPassword ? { existingSecret: secretNames.harborRedis } : {}),
        ...(options.redisUser ? { username: options.redisUser } : {}),
        ...(options.redisTls ? { tlsOptions: { enable: true } } : {}),
      },
    },
    // The object store, PostgreSQL (verify-full) and Redis present certificates of the private
    // CA; Harbor's containers verify them against these roots.
    ...(hasPrivateCa(config) ? { caBundleSecretName: secretNames.harborCaBundle } : {}),
  };
}

/** Whether the stack has CA roots of its own (a `ca` issuer or an extra `registryCaPem`). */
export function hasPrivateCa(config: ValuesContext["config"]): boolean {
  return config.issuers.some((i) => i.kind === "ca") || config.registryCaPem !== undefined;
}
