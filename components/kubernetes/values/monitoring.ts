/** kube-prometheus-stack values tuned for microk8s, with scrape targets outside the cluster. */
import { secretNames, ingressAnnotations, type ValuesContext } from "./common";

/** A Prometheus `scrape_config` entry (passed through verbatim by the chart). */
export interface ScrapeConfig {
  job_name: string;
  metrics_path?: string;
  params?: Record<string, string[]>;
  static_configs: { targets: string[]; labels?: Record<string, string> }[];
  relabel_configs?: Record<string, unknown>[];
}

interface VolumeClaimStorage {
  volumeClaimTemplate: {
    spec: {
      storageClassName: string;
      accessModes: string[];
      resources: { requests: { storage: string } };
    };
  };
}

interface ControlPlaneTarget {
  enabled: boolean;
  /** microk8s runs these inside kubelite: no pods to discover, so scrape the node addresses. */
  endpoints: string[];
}

/** A control-plane component that serves `/metrics` only over HTTPS with delegated auth. */
interface SecureControlPlaneTarget extends ControlPlaneTarget {
  service: { port: number; targetPort: number };
  serviceMonitor: { https: boolean; insecureSkipVerify: boolean };
}

/**
 * Secure ports of the components kubelite runs. They answer `/metrics` only to callers the API
 * server authorises, which needs `--authentication-kubeconfig`/`--authorization-kubeconfig`
 * (set in the launch configuration, see `controlPlaneMetricsArgs`).
 */
export const CONTROLLER_MANAGER_SECURE_PORT = 10257;
export const SCHEDULER_SECURE_PORT = 10259;

/**
 * Scrape settings for one secure component. Its serving certificate is the self-signed one the
 * component generates at start (no `--tls-cert-file` in microk8s), so there is no CA to verify it
 * against: skip verification, as microk8s's observability addon does. Prometheus still presents
 * its service-account token, which the component checks with the API server.
 */
function secureTarget(endpoints: string[], port: number): SecureControlPlaneTarget {
  return {
    enabled: true,
    endpoints,
    service: { port, targetPort: port },
    serviceMonitor: { https: true, insecureSkipVerify: true },
  };
}

export interface KubePrometheusStackValues {
  crds: { enabled: boolean };
  kubeEtcd: { enabled: boolean };
  kubeControllerManager: SecureControlPlaneTarget;
  kubeScheduler: SecureControlPlaneTarget;
  kubeProxy: ControlPlaneTarget;
  coreDns: { enabled: boolean };
  prometheus: {
    prometheusSpec: {
      replicas: number;
      retention: string;
      serviceMonitorSelectorNilUsesHelmValues: boolean;
      podMonitorSelectorNilUsesHelmValues: boolean;
      ruleSelectorNilUsesHelmValues: boolean;
      probeSelectorNilUsesHelmValues: boolean;
      scrapeConfigSelectorNilUsesHelmValues: boolean;
      storageSpec: VolumeClaimStorage;
      additionalScrapeConfigs: ScrapeConfig[];
    };
  };
  alertmanager: {
    alertmanagerSpec: { replicas: number; retention: string; storage: VolumeClaimStorage };
  };
  grafana: {
    enabled: boolean;
    defaultDashboardsTimezone: string;
    admin: { existingSecret: string; userKey: string; passwordKey: string };
    persistence: {
      enabled: boolean;
      type: "pvc";
      storageClassName: string;
      accessModes: string[];
      size: string;
    };
    ingress: {
      enabled: boolean;
      ingressClassName: string;
      annotations: Record<string, string>;
      hosts: string[];
      path: string;
      tls: { secretName: string; hosts: string[] }[];
    };
  };
}

function claim(storageClassName: string, size: string): VolumeClaimStorage {
  return {
    volumeClaimTemplate: {
      spec: {
        storageClassName,
        accessModes: ["ReadWriteOnce"],
        resources: { requests: { storage: size } },
      },
    },
  };
}

/**
 * Scrape jobs for the exporters on the LXC guests. The routers are scraped through the
 * snmp_exporter release, whose chart renders one ServiceMonitor per router.
 */
export function externalScrapeConfigs(ctx: ValuesContext): ScrapeConfig[] {
  const m = ctx.config.monitoring;
  const jobs: ScrapeConfig[] = [
    {
      job_name: "mongodb",
      static_configs: [
        { targets: ctx.services.mongodb.map((s) => `${s.host}:${m.mongodbExporterPort}`) },
      ],
    },
    {
      job_name: "redis",
      static_configs: [
        { targets: ctx.services.redis.map((s) => `${s.host}:${m.redisExporterPort}`) },
      ],
    },
  ];
  return jobs.filter((job) => (job.static_configs[0]?.targets.length ?? 0) > 0);
}

export function kubePrometheusStackValues(ctx: ValuesContext): KubePrometheusStackValues {
  const { config } = ctx;
  const nodeIps = ctx.nodes.map((n) => n.ip);
  const storageClass = config.storage.storageClass;
  const grafanaHost = config.hostnames.grafana;
  return {
    crds: { enabled: true },
    // microk8s keeps cluster state in dqlite; there is no etcd to scrape.
    kubeEtcd: { enabled: false },
    kubeControllerManager: secureTarget(nodeIps, CONTROLLER_MANAGER_SECURE_PORT),
    kubeScheduler: secureTarget(nodeIps, SCHEDULER_SECURE_PORT),
    kubeProxy: { enabled: true, endpoints: nodeIps },
    coreDns: { enabled: true },
    prometheus: {
      prometheusSpec: {
        replicas: config.replicas,
        retention: config.monitoring.retention,
        // Select monitors of every release (Harbor, Argo CD, cert-manager, ...), not only ours.
        serviceMonitorSelectorNilUsesHelmValues: false,
        podMonitorSelectorNilUsesHelmValues: false,
        ruleSelectorNilUsesHelmValues: false,
        probeSelectorNilUsesHelmValues: false,
        scrapeConfigSelectorNilUsesHelmValues: false,
        storageSpec: claim(storageClass, config.monitoring.prometheusStorage),
        additionalScrapeConfigs: externalScrapeConfigs(ctx),
      },
    },
    alertmanager: {
      alertmanagerSpec: {
        replicas: config.replicas,
        retention: "120h",
        storage: claim(storageClass, config.monitoring.alertmanagerStorage),
      },
    },
    grafana: {
      enabled: true,
      defaultDashboardsTimezone: "America/Sao_Paulo",
      admin: {
        existingSecret: secretNames.grafanaAdmin,
        userKey: "admin-user",
        passwordKey: "admin-password",
      },
      // Dashboards, users and API keys made in the UI live in Grafana's SQLite database.
      persistence: {
        enabled: true,
        type: "pvc",
        storageClassName: storageClass,
        accessModes: ["ReadWriteOnce"],
        size: config.monitoring.grafanaStorage,
      },
      ingress: {
        enabled: true,
        ingressClassName: config.ingressClassName,
        annotations: ingressAnnotations(config),
        hosts: [grafanaHost],
        path: "/",
        tls: [{ secretName: "grafana-tls", hosts: [grafanaHost] }],
      },
    },
  };
}
