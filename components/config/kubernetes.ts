/**
 * Stack configuration for the Kubernetes platform layer (`baremetal:kubernetes`).
 *
 * The root config model mounts `kubernetesConfigSchema`; components receive the parsed
 * `KubernetesConfig` and never read Pulumi config themselves. Secrets (SSH key, externally owned
 * passwords) are not part of this object: they arrive as secret Outputs in component args.
 */
import { z } from "zod";
import { chartKeys } from "./charts";
import { SERVICE_PORTS } from "./ports";

const ipv4 = z.ipv4();
const hostname = z
  .string()
  .regex(
    /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    "must be a lower-case FQDN",
  );
/** Kubernetes object names (namespaces, storage classes, issuers). */
const dnsLabel = z.string().regex(/^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$/);
const quantity = z.string().regex(/^\d+(Mi|Gi|Ti)$/, "must be a Kubernetes quantity such as 50Gi");
/** MetalLB accepts `a.b.c.d-a.b.c.e` ranges or CIDRs (microk8s metallb addon arguments). */
const metallbRange = z
  .string()
  .regex(
    /^(\d{1,3}\.){3}\d{1,3}(-(\d{1,3}\.){3}\d{1,3}|\/\d{1,2})$/,
    "must be an address range a-b or a CIDR",
  );

const chartOverride = z.object({
  repo: z.string().min(1).optional(),
  version: z.string().min(1).optional(),
});

const issuerSchema = z.discriminatedUnion("kind", [
  z.object({ name: dnsLabel, kind: z.literal("selfSigned") }),
  /**
   * A private CA whose root key pair Pulumi generates before the node VMs exist, so the nodes
   * trust it from their first boot (no second `up` to copy a certificate around).
   */
  z.object({
    name: dnsLabel,
    kind: z.literal("ca"),
    commonName: z.string().min(1),
    validityYears: z.number().int().min(1).max(30).default(10),
  }),
  /** ACME with DNS-01 on Cloudflare; the API token arrives as a secret arg. */
  z.object({
    name: dnsLabel,
    kind: z.literal("acme"),
    server: z.url(),
    email: z.email(),
  }),
]);

const harborImageStorage = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("s3"),
    regionendpoint: z.url(),
    region: z.string().min(1),
    bucket: z.string().min(3),
  }),
  z.object({ type: z.literal("pvc"), storageClass: dnsLabel, size: quantity }),
]);

/** Schema of the object under stack config key `baremetal:kubernetes`. */
export const kubernetesConfigSchema = z
  .object({
    /** Snap channel, pinned; 1.35+ ships Traefik as the `ingress` addon. */
    snapChannel: z.string().regex(/^1\.\d+\/(stable|candidate|beta|edge)$/),
    /** Launch-configuration schema version; 0.1.0 is accepted by every launch-config aware snap. */
    launchConfigVersion: z.enum(["0.1.0", "0.2.0"]).default("0.1.0"),
    /** Number of dqlite voters: 1 (no HA) or 3 (HA). Other nodes join as workers. */
    controlPlaneNodes: z.union([z.literal(1), z.literal(3)]),
    api: z.object({
      /** Stable API address (VIP or DNS name) written into kubeconfig and the certificate SANs. */
      address: z.union([ipv4, hostname]),
      extraSANs: z.array(z.union([ipv4, hostname])).default([]),
      /** VRRP virtual IP held by keepalived on the control-plane nodes (HA only). */
      vrrp: z
        .object({ interface: z.string().min(1), virtualRouterId: z.number().int().min(1).max(255) })
        .optional(),
    }),
    metallb: z.object({ addressPool: z.array(metallbRange).min(1) }),
    storage: z.object({
      /** Node-local hostpath storage: acceptable only where a single node is the whole cluster. */
      hostpathAllowed: z.boolean(),
      /** Storage class every platform PVC uses. */
      storageClass: dnsLabel,
      /**
       * Proxmox CSI plugin: PVCs become Proxmox volumes on `datastore` of the host that runs the
       * node VM, so they outlive the VM. Provides `storageClass`.
       */
      proxmoxCsi: z
        .object({
          datastore: z.string().min(1),
          filesystem: z.enum(["ext4", "xfs"]).default("ext4"),
          /** Retain: deleting a claim never deletes the volume behind it. */
          reclaimPolicy: z.enum(["Retain", "Delete"]).default("Retain"),
          ssd: z.boolean().default(true),
        })
        .optional(),
    }),
    /** Extra microk8s addons enabled on the bootstrap node (e.g. metrics-server). */
    extraAddons: z
      .array(z.object({ name: dnsLabel, args: z.array(z.string()).default([]) }))
      .default([]),
    /**
     * Extra CA certificate the nodes trust, for a Harbor certificate issued outside this program.
     * The roots of `ca` issuers are trusted without it.
     */
    registryCaPem: z.string().startsWith("-----BEGIN CERTIFICATE-----").optional(),
    ingressClassName: dnsLabel.default("public"),
    issuers: z.array(issuerSchema).min(1),
    /** Issuer used for every platform ingress certificate. */
    platformIssuer: dnsLabel,
    hostnames: z.object({
      harbor: hostname,
      grafana: hostname,
      argocd: hostname,
      tektonDashboard: hostname,
    }),
    charts: z.partialRecord(z.enum(chartKeys), chartOverride).default({}),
    replicas: z.number().int().min(1).max(3),
    monitoring: z.object({
      retention: z.string().regex(/^\d+[dhw]$/),
      prometheusStorage: quantity,
      alertmanagerStorage: quantity,
      /** Exporter ports on the LXC service hosts. */
      mongodbExporterPort: z.number().int().default(9216),
      redisExporterPort: z.number().int().default(9121),
      grafanaStorage: quantity.default("10Gi"),
    }),
    elastic: z.object({
      /** Elastic Stack version for agents/APM; must match the external Elasticsearch major (8). */
      stackVersion: z.string().regex(/^8\.\d+\.\d+$/, "must be an Elastic Stack 8.x version"),
      username: z.string().min(1).default("k8s-shipper"),
    }),
    harbor: z.object({
      database: z.object({
        host: z.string().min(1),
        port: z.number().int().default(SERVICE_PORTS.postgresql),
        username: z.string().min(1),
        database: z.string().min(1).default("registry"),
        sslmode: z.enum(["disable", "require", "verify-ca", "verify-full"]).default("verify-full"),
      }),
      redis: z.object({ addr: z.string().regex(/^[a-z0-9.-]+:\d+$/) }),
      imageStorage: harborImageStorage,
      trivyStorage: quantity.default("5Gi"),
    }),
  })
  // Checks across fields are config rules (rules/kubernetesSettings.ts), like every other.
  .describe("baremetal:kubernetes");

/** Parsed `baremetal:kubernetes` configuration. */
export type KubernetesConfig = z.infer<typeof kubernetesConfigSchema>;
/** What a stack file may contain (defaults still unapplied). */
export type KubernetesConfigInput = z.input<typeof kubernetesConfigSchema>;
export type ClusterIssuerConfig = KubernetesConfig["issuers"][number];
