/**
 * Elastic agents and APM Server (ECK operator + eck-stack) shipping to the Elasticsearch 8 that
 * runs on Proxmox, outside the cluster. ECK reaches it through a Secret holding url/username/
 * password (`secretName` references), so the cluster runs no Elasticsearch or Kibana itself.
 */
import { namespaces, secretNames, type ValuesContext } from "./common";

export interface EckOperatorValues {
  /** Watch only the namespace with our agents; the operator needs no wider reach. */
  managedNamespaces: string[];
  installCRDs: boolean;
  replicaCount: number;
  telemetry: { disabled: boolean };
  config: { metrics: { port: string } };
  podMonitor: { enabled: boolean };
  /** The ServiceMonitor variant needs metrics TLS; the PodMonitor scrapes plain HTTP. */
  serviceMonitor: { enabled: boolean };
}

export function eckOperatorValues(): EckOperatorValues {
  return {
    managedNamespaces: [namespaces.elastic],
    installCRDs: true,
    replicaCount: 1,
    telemetry: { disabled: true },
    config: { metrics: { port: "8080" } },
    podMonitor: { enabled: true },
    serviceMonitor: { enabled: false },
  };
}

/** Standalone Elastic Agent policy (agent.yml): host metrics and container logs per node. */
export function agentPolicy(): Record<string, unknown> {
  return {
    id: "baremetal-k8s-agents",
    "providers.kubernetes": { node: "${NODE_NAME}", scope: "node" },
    inputs: [
      {
        id: "system-metrics",
        type: "system/metrics",
        use_output: "default",
        streams: ["cpu", "memory", "network", "filesystem", "load"].map((set) => ({
          metricsets: [set],
          "data_stream.dataset": `system.${set}`,
        })),
      },
      {
        id: "container-logs",
        type: "filestream",
        use_output: "default",
        streams: [
          {
            id: "kubernetes-container-logs-${kubernetes.pod.name}-${kubernetes.container.id}",
            "data_stream.dataset": "kubernetes.container_logs",
            paths: ["/var/log/containers/*${kubernetes.container.id}.log"],
            parsers: [{ container: {} }],
            "prospector.scanner.symlinks": true,
          },
        ],
      },
    ],
  };
}

interface ExternalRef {
  secretName: string;
}

export interface EckStackValues {
  "eck-elasticsearch": { enabled: boolean };
  "eck-kibana": { enabled: boolean };
  "eck-apm-server": {
    enabled: boolean;
    fullnameOverride: string;
    version: string;
    count: number;
    elasticsearchRef: ExternalRef;
  };
  "eck-agent": {
    enabled: boolean;
    fullnameOverride: string;
    version: string;
    elasticsearchRefs: (ExternalRef & { outputName: string })[];
    config: Record<string, unknown>;
    daemonSet: { podTemplate: Record<string, unknown> };
  };
}

export function eckStackValues(ctx: ValuesContext): EckStackValues {
  const version = ctx.config.elastic.stackVersion;
  const external = { secretName: secretNames.externalElasticsearch };
  return {
    "eck-elasticsearch": { enabled: false },
    "eck-kibana": { enabled: false },
    "eck-apm-server": {
      enabled: true,
      fullnameOverride: "apm",
      version,
      count: ctx.config.replicas,
      elasticsearchRef: external,
    },
    "eck-agent": {
      enabled: true,
      fullnameOverride: "elastic-agent",
      version,
      elasticsearchRefs: [{ ...external, outputName: "default" }],
      config: agentPolicy(),
      daemonSet: {
        podTemplate: {
          spec: {
            serviceAccountName: "elastic-agent",
            automountServiceAccountToken: true,
            containers: [
              {
                name: "agent",
                // Reads other pods' log files on the node.
                securityContext: { runAsUser: 0 },
                env: [
                  { name: "NODE_NAME", valueFrom: { fieldRef: { fieldPath: "spec.nodeName" } } },
                ],
                volumeMounts: [{ name: "varlog", mountPath: "/var/log", readOnly: true }],
              },
            ],
            volumes: [{ name: "varlog", hostPath: { path: "/var/log" } }],
          },
        },
      },
    },
  };
}
