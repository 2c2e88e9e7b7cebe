/**
 * The shape of a stack's configuration: one zod schema per top-level config key
 * (`baremetal:<key>`). Cross-field rules (addresses, references, capacity, anti-affinity) live in
 * `rules/`; this file only says what each value must look like on its own.
 */
import { z } from "./zod";
import { kubernetesConfigSchema } from "./kubernetes";
import { cidr, dnsLabel, domainName, httpUrl, ipv4, positiveInt, storageId } from "./primitives";
import { harborSettingsSchema } from "./harborSettings";
import { awsEstateSchema } from "./aws";
import { cloudflareSchema } from "./cloudflare";
import { migrationSchema } from "./migration";
import { mongodbSettingsSchema } from "./mongodb";

export const NETWORK_PURPOSES = ["management", "services", "kubernetes", "storage"] as const;

export const siteSchema = z.strictObject({
  /** Short name of the site, used in descriptions and tags. */
  name: dnsLabel,
  /** Zone served by the routers for service discovery, e.g. `sp1.internal.example.com`. */
  internalZone: domainName,
  /** Public zone managed in Cloudflare. */
  publicDomain: domainName,
  timezone: z.string().default("America/Sao_Paulo"),
});

export const networkSchema = z.strictObject({
  name: dnsLabel,
  vlanId: z.number().int().min(2).max(4094),
  cidr,
  /** Default gateway of the network: the VRRP virtual address the router pair shares. */
  gateway: ipv4,
  purpose: z.enum(NETWORK_PURPOSES),
  /** VRRP virtual router id (1-255); defaults to the VLAN id modulo 255. */
  vrrpId: z.number().int().min(1).max(255).optional(),
});

export const routerSchema = z
  .strictObject({
    name: dnsLabel,
    model: z.string().min(1),
    /** RouterOS REST endpoint, e.g. `https://10.10.0.2`. */
    restUrl: httpUrl,
    /** VRRP priority: the higher one is primary. */
    vrrpPriority: z.number().int().min(1).max(254),
    /** The router's own address in every network, keyed by network name. */
    addresses: z.record(z.string(), ipv4),
    /** Physical port carrying the VLAN trunk to the servers. */
    trunkInterface: z.string().min(1),
    /** PEM file of the CA that signed the router's certificate (HTTPS is verified by default). */
    caFile: z.string().min(1).optional(),
    /** Skip certificate verification; only for a lab router with a self-signed certificate. */
    insecure: z.boolean().default(false),
    /** Allow an `http://` restUrl, which sends the RouterOS password in clear; only for a lab. */
    allowInsecureHttp: z.boolean().default(false),
  })
  // Checks across fields are config rules (rules/uplinks.ts, routerAccessRules), like every other.
  .describe("a router of the pair");

export const uplinkSchema = z.strictObject({
  name: dnsLabel,
  router: dnsLabel,
  interface: z.string().min(1),
  /** Address on the provider link, with prefix (e.g. `200.160.0.2/30`). */
  address: cidr,
  gateway: ipv4,
  /** Route distance: the lower one carries traffic while it is healthy. */
  distance: z.number().int().min(1).max(255),
  /** A host beyond the provider that netwatch probes to decide the link is healthy. */
  probeTarget: ipv4,
});

export const DATASTORE_CONTENT = [
  "images",
  "rootdir",
  "snippets",
  "vztmpl",
  "iso",
  "import",
  "backup",
] as const;

export const datastoreSchema = z.strictObject({
  id: storageId,
  type: z.enum(["lvmthin", "zfspool", "dir", "nfs", "pbs"]),
  sizeGb: positiveInt,
  content: z.array(z.enum(DATASTORE_CONTENT)).min(1),
  /** Shared storages (NFS, PBS) are the same on every host and are not counted per host. */
  shared: z.boolean().default(false),
});

export const hostSchema = z.strictObject({
  name: dnsLabel,
  model: z.string().min(1),
  sockets: z.number().int().min(1).max(8),
  coresPerSocket: z.number().int().min(1).max(128),
  threadsPerCore: z.number().int().min(1).max(2),
  memoryGb: positiveInt,
  managementIp: ipv4,
  /** NICs enslaved to the VLAN-aware guest bridge. */
  bridgePorts: z.array(z.string().min(1)).min(1),
  datastores: z.array(datastoreSchema).min(1),
});

export const GUEST_ROLES = [
  "mongodb",
  "postgresql",
  "redis",
  "zabbix",
  "elasticsearch",
  "kibana",
  "objectstore",
  "k8s-control-plane",
  "k8s-worker",
] as const;
export type GuestRole = (typeof GUEST_ROLES)[number];

const diskSchema = z.strictObject({ datastore: z.string().min(1), sizeGb: positiveInt });

export const guestSchema = z.strictObject({
  name: dnsLabel,
  role: z.enum(GUEST_ROLES),
  host: dnsLabel,
  vmId: z.number().int().min(100).max(999_999_999),
  network: dnsLabel,
  ip: ipv4,
  cores: positiveInt,
  memoryGb: positiveInt,
  rootDisk: diskSchema,
  /** Service data on its own volume, so the root file system can be rebuilt without touching it. */
  dataDisk: diskSchema.extend({ mountPath: z.string().regex(/^\/[^\s]*$/) }).optional(),
});

export const capacitySchema = z.strictObject({
  /** Kept free on every host for Proxmox itself. */
  reserve: z.strictObject({
    cores: z.number().int().min(0),
    memoryGb: z.number().int().min(0),
    diskGb: z.number().int().min(0),
  }),
  /** vCPUs allowed per hardware thread. Memory and disk are never overcommitted. */
  cpuOvercommit: z.number().min(1).max(8),
});

export const COLOCATION_GROUPS = ["mongodb", "kubernetes-control-plane"] as const;

export const placementSchema = z.strictObject({
  /** Groups whose members may share a host (staging has one host). */
  allowColocation: z.array(z.enum(COLOCATION_GROUPS)).default([]),
  /** Stateful guests that may be replaced (and so lose their disks) in the next update. */
  allowReplace: z.array(dnsLabel).default([]),
});

const downloadSchema = z.strictObject({
  url: httpUrl,
  fileName: z.string().min(1),
  /** Required: every host must download the same, verified bytes. */
  checksum: z.string().regex(/^[0-9a-f]+$/, "must be a lowercase hex digest"),
  checksumAlgorithm: z.enum(["md5", "sha1", "sha224", "sha256", "sha384", "sha512"]),
});

export const proxmoxSchema = z.strictObject({
  /** API endpoint of the cluster, e.g. `https://10.10.0.11:8006/`. */
  endpoint: httpUrl,
  /** Skip TLS verification; only for a lab with the self-signed certificate. */
  insecure: z.boolean().default(false),
  sshUser: z.string().default("root"),
  /** Major Proxmox VE version: HA uses rules on 9 and groups on 8. */
  version: z.union([z.literal(8), z.literal(9)]).default(9),
  bridge: z.strictObject({
    name: z.string().regex(/^vmbr\d+$/),
    mtu: z.number().int().min(1280).max(9216).optional(),
  }),
  /** Datastore on every host that holds templates, cloud images and snippets. */
  imageDatastore: z.string().min(1),
  lxcTemplate: downloadSchema,
  cloudImage: downloadSchema,
  ha: z.strictObject({ enabled: z.boolean() }),
  backup: z.strictObject({
    storage: z.string().min(1),
    schedule: z.string().min(1),
    mode: z.enum(["snapshot", "suspend", "stop"]).default("snapshot"),
    keepDaily: z.number().int().min(0).default(7),
    keepWeekly: z.number().int().min(0).default(4),
    keepMonthly: z.number().int().min(0).default(6),
  }),
});

const portList = z
  .string()
  .regex(
    /^\d{1,5}(-\d{1,5})?(,\d{1,5}(-\d{1,5})?)*$/,
    "must be ports like 443 or 80,443 or 8000-8100",
  );

export const forwardRuleSchema = z.strictObject({
  from: dnsLabel,
  to: dnsLabel,
  protocol: z.enum(["tcp", "udp", "icmp"]).optional(),
  ports: portList.optional(),
  /**
   * Only the Proxmox hosts' management addresses inside `to`, not the whole network (one rule
   * per host): the Proxmox API is for the hosts, not for everything on their VLAN.
   */
  toProxmoxHosts: z.literal(true).optional(),
  /** Shown on the router and used as the rule's identity there; must be unique. */
  comment: z.string().min(1).max(60),
});

export const firewallSchema = z.strictObject({
  /** Networks whose hosts may reach the routers' management services (SSH, WinBox, HTTPS). */
  managementFrom: z.array(dnsLabel).min(1),
  /** Networks whose monitoring (Zabbix, SNMP exporters) may poll the routers over SNMP. */
  monitoringFrom: z.array(dnsLabel).default([]),
  /** Traffic allowed between VLANs; everything else between them is dropped. */
  forward: z.array(forwardRuleSchema).default([]),
  /** Delete rules found in a managed chain that the stack does not declare (else only report). */
  removeUndeclared: z.boolean().default(false),
  /** Resolvers the routers forward to. */
  dnsUpstreams: z.array(ipv4).min(1),
});

export const accessSchema = z.strictObject({
  /** Login user created in guests by cloud-init. */
  user: dnsLabel.default("ops"),
  sshPublicKeys: z.array(z.string().regex(/^(ssh-ed25519|ssh-rsa|ecdsa-sha2-\S+) \S+/)).min(1),
});

/** Every non-secret config key and its schema. Order is the order of the report. */
export const sectionSchemas = {
  site: siteSchema,
  networks: z.array(networkSchema).min(1),
  routers: z.array(routerSchema).length(2, "the router pair must have exactly 2 routers"),
  uplinks: z.array(uplinkSchema).length(2, "exactly 2 uplinks are required for failover"),
  proxmox: proxmoxSchema,
  hosts: z.array(hostSchema).min(1),
  capacity: capacitySchema,
  placement: placementSchema.default({ allowColocation: [], allowReplace: [] }),
  guests: z.array(guestSchema).min(1),
  access: accessSchema,
  firewall: firewallSchema,
  kubernetes: kubernetesConfigSchema,
  harbor: harborSettingsSchema.optional(),
  aws: awsEstateSchema.optional(),
  cloudflare: cloudflareSchema.optional(),
  migration: migrationSchema.optional(),
  mongodb: mongodbSettingsSchema,
} as const;

export type SectionName = keyof typeof sectionSchemas;
export type Site = z.infer<typeof siteSchema>;
export type Network = z.infer<typeof networkSchema>;
export type Router = z.infer<typeof routerSchema>;
export type Uplink = z.infer<typeof uplinkSchema>;
export type Datastore = z.infer<typeof datastoreSchema>;
export type Host = z.infer<typeof hostSchema>;
export type Guest = z.infer<typeof guestSchema>;
export type Capacity = z.infer<typeof capacitySchema>;
export type Placement = z.infer<typeof placementSchema>;
export type ProxmoxSettings = z.infer<typeof proxmoxSchema>;
export type Access = z.infer<typeof accessSchema>;
export type Firewall = z.infer<typeof firewallSchema>;
export type ForwardRule = z.infer<typeof forwardRuleSchema>;

/** The validated, typed picture of one stack (secrets are handled separately). */
export type StackConfig = {
  [Key in SectionName]: z.infer<(typeof sectionSchemas)[Key]>;
};

export { OPTIONAL_SECRET_KEYS, SECRET_KEYS, type SecretKey } from "./secretKeys";
