/** Argo CD values (chart argo/argo-cd). The admin bcrypt hash lives in our own argocd-secret. */
import { ingressAnnotations, type ValuesContext } from "./common";

interface Metrics {
  metrics: { enabled: boolean; serviceMonitor: { enabled: boolean } };
}

export interface ArgoCdValues {
  global: { domain: string };
  crds: { install: boolean; keep: boolean };
  configs: {
    /** argocd-cmd-params-cm: TLS terminates at the ingress. */
    params: { "server.insecure": boolean };
    cm: { "admin.enabled": boolean; "exec.enabled": boolean };
    /**
     * The platform creates `argocd-secret` (admin bcrypt hash) itself so the hash never passes
     * through Helm values.
     */
    secret: { createSecret: boolean };
  };
  dex: { enabled: boolean };
  "redis-ha": { enabled: boolean };
  controller: { replicas: number } & Metrics;
  server: {
    replicas: number;
    ingress: {
      enabled: boolean;
      ingressClassName: string;
      hostname: string;
      annotations: Record<string, string>;
      tls: boolean;
    };
  } & Metrics;
  repoServer: { replicas: number } & Metrics;
  applicationSet: { replicas: number } & Metrics;
}

export function argoCdValues(ctx: ValuesContext): ArgoCdValues {
  const { config } = ctx;
  const replicas = config.replicas;
  const metrics: Metrics = { metrics: { enabled: true, serviceMonitor: { enabled: true } } };
  return {
    global: { domain: config.hostnames.argocd },
    crds: { install: true, keep: true },
    configs: {
      params: { "server.insecure": true },
      cm: { "admin.enabled": true, "exec.enabled": false },
      secret: { createSecret: false },
    },
    // No SSO provider is configured yet.
    dex: { enabled: false },
    // redis-ha spreads 3 pods with hard anti-affinity: only an HA cluster can schedule it.
    "redis-ha": { enabled: config.controlPlaneNodes === 3 },
    controller: { replicas: 1, ...metrics },
    server: {
      replicas,
      ingress: {
        enabled: true,
        ingressClassName: config.ingressClassName,
        hostname: config.hostnames.argocd,
        annotations: ingressAnnotations(config),
        tls: true,
      },
      ...metrics,
    },
    repoServer: { replicas, ...metrics },
    applicationSet: { replicas, ...metrics },
  };
}
