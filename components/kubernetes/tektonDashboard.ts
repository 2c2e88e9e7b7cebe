/**
 * The Tekton dashboard's Ingress. The operator creates the dashboard Service once TektonConfig is
 * Ready, so the Ingress is created after it.
 */
import * as k8s from "../sdk/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import type { KubernetesConfig } from "../config/kubernetes";
import { namespaces } from "./values";
import { ingressAnnotations } from "./values/common";

/** The operator installs the dashboard without an ingress; expose it like the other UIs. */
export function tektonDashboardIngress(
  name: string,
  config: KubernetesConfig,
  opts: pulumi.CustomResourceOptions,
  dependsOn: pulumi.Resource[],
): k8s.networking.v1.Ingress {
  const host = config.hostnames.tektonDashboard;
  return new k8s.networking.v1.Ingress(
    `${name}-tekton-dashboard`,
    {
      metadata: {
        name: "tekton-dashboard",
        namespace: namespaces.tektonPipelines,
        annotations: {
          ...ingressAnnotations(config),
          // Pulumi would wait for a load-balancer address in the Ingress status, which the
          // host-port Traefik DaemonSet of microk8s does not publish: the update would hang
          // until its timeout. Readiness is the TektonConfig's `Ready`, awaited before this.
          "pulumi.com/skipAwait": "true",
        },
      },
      spec: {
        ingressClassName: config.ingressClassName,
        tls: [{ hosts: [host], secretName: "tekton-dashboard-tls" }],
        rules: [
          {
            host,
            http: {
              paths: [
                {
                  path: "/",
                  pathType: "Prefix",
                  backend: { service: { name: "tekton-dashboard", port: { number: 9097 } } },
                },
              ],
            },
          },
        ],
      },
    },
    { ...opts, dependsOn },
  );
}
