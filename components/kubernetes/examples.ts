/**
 * Example `baremetal:kubernetes` objects for both stacks. The stack files are written from these,
 * and the tests parse them, so a schema change that breaks a stack file breaks a test first.
 */
import type { KubernetesConfigInput } from "./config";

/** One Dell T550: a single microk8s node, node-local storage acceptable, no HA. */
export const exampleStagingKubernetesConfig = {
  snapChannel: "1.35/stable",
  launchConfigVersion: "0.1.0",
  controlPlaneNodes: 1,
  api: { address: "k8s.staging.sp.internal", extraSANs: ["10.10.20.11"] },
  metallb: { addressPool: ["10.10.20.200-10.10.20.220"] },
  storage: { hostpathAllowed: true, storageClass: "microk8s-hostpath" },
  extraAddons: [{ name: "metrics-server", args: [] }],
  ingressClassName: "public",
  issuers: [
    { name: "selfsigned-bootstrap", kind: "selfSigned" },
    {
      name: "internal-ca",
      kind: "ca",
      commonName: "baremetal staging internal CA",
      rootIssuer: "selfsigned-bootstrap",
    },
  ],
  platformIssuer: "internal-ca",
  hostnames: {
    harbor: "harbor.staging.sp.internal",
    grafana: "grafana.staging.sp.internal",
    argocd: "argocd.staging.sp.internal",
    tektonDashboard: "tekton.staging.sp.internal",
  },
  charts: {},
  replicas: 1,
  monitoring: {
    retention: "7d",
    prometheusStorage: "20Gi",
    alertmanagerStorage: "2Gi",
    mongodbExporterPort: 9216,
    redisExporterPort: 9121,
    snmpExporter: "zabbix.staging.sp.internal:9116",
  },
  elastic: { stackVersion: "8.19.4", username: "k8s-shipper" },
  harbor: {
    database: {
      host: "postgres.staging.sp.internal",
      port: 5432,
      username: "harbor",
      database: "registry",
      sslmode: "require",
    },
    redis: { addr: "redis.staging.sp.internal:6379" },
    // The only node VM is the whole cluster, so blobs live outside it in object storage.
    imageStorage: {
      type: "s3",
      regionendpoint: "https://s3.sa-east-1.amazonaws.com",
      region: "sa-east-1",
      bucket: "baremetal-staging-harbor",
    },
    trivyStorage: "5Gi",
  },
} satisfies KubernetesConfigInput;

/** Five Dell R750: three control-plane VMs (HA dqlite) behind a VRRP address, Ceph storage. */
export const exampleProductionKubernetesConfig = {
  snapChannel: "1.35/stable",
  launchConfigVersion: "0.1.0",
  controlPlaneNodes: 3,
  api: {
    address: "10.20.20.10",
    extraSANs: ["k8s.sp.internal"],
    vrrp: { interface: "eth0", virtualRouterId: 51 },
  },
  metallb: { addressPool: ["10.20.20.200-10.20.20.239"] },
  storage: { hostpathAllowed: false, storageClass: "ceph-rbd" },
  extraAddons: [{ name: "metrics-server", args: [] }],
  ingressClassName: "public",
  issuers: [
    { name: "selfsigned-bootstrap", kind: "selfSigned" },
    {
      name: "internal-ca",
      kind: "ca",
      commonName: "baremetal production internal CA",
      rootIssuer: "selfsigned-bootstrap",
    },
  ],
  platformIssuer: "internal-ca",
  hostnames: {
    harbor: "harbor.sp.internal",
    grafana: "grafana.sp.internal",
    argocd: "argocd.sp.internal",
    tektonDashboard: "tekton.sp.internal",
  },
  charts: {},
  replicas: 2,
  monitoring: {
    retention: "15d",
    prometheusStorage: "100Gi",
    alertmanagerStorage: "5Gi",
    mongodbExporterPort: 9216,
    redisExporterPort: 9121,
    snmpExporter: "zabbix.sp.internal:9116",
  },
  elastic: { stackVersion: "8.19.4", username: "k8s-shipper" },
  harbor: {
    database: {
      host: "postgres.sp.internal",
      port: 5432,
      username: "harbor",
      database: "registry",
      sslmode: "verify-full",
    },
    redis: { addr: "redis.sp.internal:6379" },
    // Ceph RGW on the Proxmox cluster: replicated across hosts, independent of any node VM.
    imageStorage: {
      type: "s3",
      regionendpoint: "https://s3.sp.internal",
      region: "default",
      bucket: "harbor",
    },
    trivyStorage: "10Gi",
  },
} satisfies KubernetesConfigInput;
