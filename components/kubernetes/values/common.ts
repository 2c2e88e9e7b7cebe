/** Shapes and names shared by the values builders and the components that create secrets. */
import type { KubernetesConfig } from "../../config/kubernetes";
import type { PlatformNode, PlatformServices } from "../types";

/** Everything a values builder may read. Builders are pure: no Outputs, no secrets. */
export interface ValuesContext {
  readonly config: KubernetesConfig;
  readonly nodes: readonly PlatformNode[];
  readonly services: PlatformServices;
}

/** Namespaces of the platform, one per release family. */
export const namespaces = {
  certManager: "cert-manager",
  monitoring: "monitoring",
  elasticSystem: "elastic-system",
  elastic: "elastic",
  tektonOperator: "tekton-operator",
  tektonPipelines: "tekton-pipelines",
  argocd: "argocd",
  harbor: "harbor",
  zabbix: "zabbix",
  csiProxmox: "csi-proxmox",
} as const;

/**
 * Kubernetes Secrets created by the platform and referenced by the charts' existingSecret-style
 * keys, so no credential ever appears in Helm values.
 */
export const secretNames = {
  grafanaAdmin: "grafana-admin",
  argocd: "argocd-secret",
  harborAdmin: "harbor-admin",
  harborSecretKey: "harbor-secret-key",
  harborCore: "harbor-core-secret",
  harborXsrf: "harbor-xsrf",
  harborJobservice: "harbor-jobservice-secret",
  harborRegistry: "harbor-registry-secret",
  harborRegistryCredentials: "harbor-registry-credentials",
  harborDatabase: "harbor-database",
  harborRedis: "harbor-redis",
  harborS3: "harbor-s3",
  harborCaBundle: "harbor-ca-bundle",
  externalElasticsearch: "external-elasticsearch",
  snmpExporterAuth: "snmp-exporter-auth",
  proxmoxCsiConfig: "proxmox-csi-config",
  proxmoxCsiCaBundle: "proxmox-csi-ca-bundle",
} as const;

/** Annotations that make cert-manager's ingress-shim issue the ingress certificate. */
export function tlsAnnotations(config: KubernetesConfig): Record<string, string> {
  return { "cert-manager.io/cluster-issuer": config.platformIssuer };
}

/**
 * Annotations of every platform Ingress. The microk8s ingress addon is Traefik, whose Ingress
 * provider reads `traefik.ingress.kubernetes.io/*` only (`nginx.ingress.kubernetes.io/*` is read
 * solely by its ingress-nginx compatibility provider, for the `nginx` class). The router listens
 * on the HTTPS entrypoint only; plain HTTP is redirected by the cluster-wide rule in
 * `httpsRedirect.ts`. Traefik sets no request body limit unless a buffering middleware is
 * attached, so large image layers need nothing here.
 */
export function ingressAnnotations(config: KubernetesConfig): Record<string, string> {
  return {
    ...tlsAnnotations(config),
    "traefik.ingress.kubernetes.io/router.entrypoints": TRAEFIK_HTTPS_ENTRYPOINT,
    "traefik.ingress.kubernetes.io/router.tls": "true",
  };
}

/** Entrypoints of the microk8s Traefik addon (ports 80 and 443 on every node). */
export const TRAEFIK_HTTP_ENTRYPOINT = "web";
export const TRAEFIK_HTTPS_ENTRYPOINT = "websecure";
