/** Site fixtures for both stacks, as the compute and services layers would pass them. */
import { kubernetesConfigSchema, type KubernetesConfig } from "../../components/config/kubernetes";
import type { PlatformNode, PlatformServices } from "../../components/plan/platform";
import { productionKubernetesConfig, stagingKubernetesConfig } from "../support/kubernetesConfig";

export interface StackFixture {
  stack: "staging" | "production";
  config: KubernetesConfig;
  nodes: PlatformNode[];
  services: PlatformServices;
  site: { internalZone: string; publicDomain: string };
}

export const stagingFixture: StackFixture = {
  stack: "staging",
  config: kubernetesConfigSchema.parse(stagingKubernetesConfig),
  nodes: [{ name: "k8s-1", ip: "10.130.0.11" }],
  services: {
    mongodb: [{ host: "mongo-1.stg.sp1.internal.example.com", port: 27017 }],
    redis: [{ host: "redis-1.stg.sp1.internal.example.com", port: 6379 }],
    zabbixServer: { host: "10.130.0.30", port: 10051 },
    elasticsearch: { url: "https://elasticsearch-1.stg.sp1.internal.example.com:9200" },
    routers: [{ name: "router-1", ip: "10.10.0.1" }],
  },
  site: { internalZone: "stg.sp1.internal.example.com", publicDomain: "staging.example.com.br" },
};

export const productionFixture: StackFixture = {
  stack: "production",
  config: kubernetesConfigSchema.parse(productionKubernetesConfig),
  nodes: [
    { name: "k8s-1", ip: "10.30.0.11" },
    { name: "k8s-2", ip: "10.30.0.12" },
    { name: "k8s-3", ip: "10.30.0.13" },
  ],
  services: {
    mongodb: [
      { host: "mongo-1.sp1.internal.example.com", port: 27017 },
      { host: "mongo-2.sp1.internal.example.com", port: 27017 },
      { host: "mongo-3.sp1.internal.example.com", port: 27017 },
    ],
    redis: [{ host: "redis-1.sp1.internal.example.com", port: 6379 }],
    zabbixServer: { host: "10.30.0.30", port: 10051 },
    elasticsearch: { url: "https://elasticsearch-1.sp1.internal.example.com:9200" },
    routers: [
      { name: "router-1", ip: "10.20.0.2" },
      { name: "router-2", ip: "10.20.0.3" },
    ],
  },
  site: { internalZone: "sp1.internal.example.com", publicDomain: "example.com.br" },
};
