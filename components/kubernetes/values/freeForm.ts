/**
 * Value paths that the key check accepts although they are not keys of the chart's values.yaml:
 * maps the chart passes through verbatim, and options the chart documents only as comments.
 * Each entry says why; anything else we set must be a real key of the pinned chart.
 */
import type { ChartKey } from "../charts";
import type { FreeFormPath } from "../valueKeys";

export const freeFormPaths: Readonly<Record<ChartKey, readonly FreeFormPath[]>> = {
  "proxmox-csi-plugin": [],
  "cert-manager": [],
  "kube-prometheus-stack": [
    {
      path: ["prometheus", "prometheusSpec", "storageSpec"],
      reason:
        "Prometheus CRD StorageSpec, passed through (volumeClaimTemplate example in comments)",
    },
    {
      path: ["alertmanager", "alertmanagerSpec", "storage"],
      reason:
        "Alertmanager CRD StorageSpec, passed through (volumeClaimTemplate example in comments)",
    },
    {
      path: ["grafana", "ingress", "annotations"],
      reason: "annotation map copied onto the Ingress",
    },
    {
      path: ["grafana", "ingress", "ingressClassName"],
      reason: "grafana subchart (12.x) key, documented there as a commented option",
    },
    {
      path: ["grafana", "persistence"],
      reason:
        "grafana subchart (12.x) persistence: type/enabled/accessModes/size keys, storageClassName as a commented option",
    },
  ],
  "eck-operator": [],
  "eck-stack": [
    {
      path: ["eck-apm-server", "fullnameOverride"],
      reason: "documented as a commented option in eck-apm-server values",
    },
    {
      path: ["eck-apm-server", "elasticsearchRef"],
      reason: "ApmServer spec.elasticsearchRef; secretName documented in comments for external ES",
    },
    {
      path: ["eck-agent", "fullnameOverride"],
      reason: "documented as a commented option in eck-agent values",
    },
    {
      path: ["eck-agent", "config"],
      reason: "Elastic Agent agent.yml, passed through (null default)",
    },
    {
      path: ["eck-agent", "daemonSet"],
      reason:
        "documented as a commented option; one of daemonSet/deployment/statefulSet is required",
    },
  ],
  "tekton-operator": [],
  "argo-cd": [
    {
      path: ["configs", "params", "server.insecure"],
      reason: "argocd-cmd-params-cm entry; the map is copied into the ConfigMap verbatim",
    },
    {
      path: ["server", "ingress", "annotations"],
      reason: "annotation map copied onto the Ingress",
    },
  ],
  harbor: [
    {
      path: ["persistence", "imageChartStorage", "s3", "existingSecret"],
      reason: "documented as a commented option in the s3 section",
    },
    {
      path: ["persistence", "imageChartStorage", "s3", "regionendpoint"],
      reason: "documented as a commented option in the s3 section (S3-compatible endpoints)",
    },
    {
      path: ["expose", "ingress", "annotations"],
      reason: "annotation map copied onto the Ingress",
    },
    {
      path: ["caBundleSecretName"],
      reason: "documented as a commented top-level option (custom CA bundle for all components)",
    },
  ],
  zabbix: [],
  "prometheus-snmp-exporter": [],
};
