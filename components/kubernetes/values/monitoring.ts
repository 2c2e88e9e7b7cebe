/** kube-prometheus-stack values tuned for microk8s, with scrape targets outside the cluster. */
import { secretNames, tlsAnnotations, type ValuesContext } from "./common";

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

export interface KubePrometheusStackValues {
  crds: { enabled: boolean };
  kubeEtcd: { enabled: boolean };
  kubeControllerManager: ControlPlaneTarget;
  kubeScheduler: ControlPlaneTarget;
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
    kubeControllerManager: { enabled: true, endpoints: nodeIps },
    kubeScheduler: { enabled: true, endpoints: nodeIps },
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
        annotations: tlsAnnotations(config),
        hosts: [grafanaHost],
        path: "/",
        tls: [{ secretName: "grafana-tls", hosts: [grafanaHost] }],
      },
    },
  };
}
