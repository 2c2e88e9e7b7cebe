/** Site fixtures for both stacks, as the compute and services layers would pass them. */
import {
  exampleProductionKubernetesConfig,
  exampleStagingKubernetesConfig,
  kubernetesConfigSchema,
  type KubernetesConfig,
} from "../../components/kubernetes/config";
import type { PlatformNode, PlatformServices } from "../../components/kubernetes/types";

export interface StackFixture {
  stack: "staging" | "production";
  config: KubernetesConfig;
  nodes: PlatformNode[];
  services: PlatformServices;
  site: { internalZone: string; publicDomain: string };
}

export const stagingFixture: StackFixture = {
  stack: "staging",
  config: kubernetesConfigSchema.parse(exampleStagingKubernetesConfig),
  nodes: [{ name: "k8s-1", ip: "10.10.20.11" }],
  services: {
    mongodb: [{ host: "mongo-1.staging.sp.internal", port: 27017 }],
    redis: [{ host: "redis.staging.sp.internal", port: 6379 }],
    zabbixServer: { host: "10.10.20.30" },
    elasticsearch: { url: "https://elasticsearch.staging.sp.internal:9200" },
    routers: [{ name: "router-1", ip: "10.10.0.1" }],
  },
  site: { internalZone: "staging.sp.internal", publicDomain: "staging.example.com.br" },
};

export const productionFixture: StackFixture = {
  stack: "production",
  config: kubernetesConfigSchema.parse(exampleProductionKubernetesConfig),
  nodes: [
    { name: "k8s-1", ip: "10.20.20.11" },
    { name: "k8s-2", ip: "10.20.20.12" },
    { name: "k8s-3", ip: "10.20.20.13" },
  ],
  services: {
    mongodb: [
      { host: "mongo-1.sp.internal", port: 27017 },
      { host: "mongo-2.sp.internal", port: 27017 },
      { host: "mongo-3.sp.internal", port: 27017 },
    ],
    redis: [{ host: "redis.sp.internal", port: 6379 }],
    zabbixServer: { host: "10.20.20.30" },
    elasticsearch: { url: "https://elasticsearch.sp.internal:9200" },
    routers: [
      { name: "router-1", ip: "10.20.0.2" },
      { name: "router-2", ip: "10.20.0.3" },
    ],
  },
  site: { internalZone: "sp.internal", publicDomain: "example.com.br" },
};
