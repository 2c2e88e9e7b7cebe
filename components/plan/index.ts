/**
 * The plan floor: everything the layers need, computed once from the validated config and pure
 * (no Pulumi resources, no secrets). Each layer takes its slice; the data-center wiring only
 * connects slices to components.
 */
import type { StackConfig } from "../config/schema";
import { planCluster, type ClusterPlan } from "./cluster";
import { planCompute, type ComputePlan } from "./compute";
import { planGuests } from "./guests";
import { planHarbor, type HarborPlan } from "./harbor";
import { migrationInput, type MigrationInput } from "./migration";
import { planNetwork, type NetworkPlan } from "./network";
import { planPlatform, type PlatformPlan } from "./platform";
import { planServiceLayer, type ServiceLayerPlan } from "./serviceLayer";
import { planServices, type ServicePlan } from "./services";
import type { GuestRole } from "../config/schema";

export interface DataCenterPlan {
  network: NetworkPlan;
  compute: ComputePlan;
  cluster: ClusterPlan;
  platform: PlatformPlan;
  /** Per stateful role: its guests as a service and who must reach it. */
  services: Partial<Record<GuestRole, ServicePlan>>;
  /** What the services layer installs where, and the stack values it configures them with. */
  serviceLayer: ServiceLayerPlan;
  /** Harbor managed through its API; absent when the stack does not configure it. */
  harbor?: HarborPlan;
  /** The move off AWS (phases, estate, public zone); absent when the stack does not configure it. */
  migration?: MigrationInput;
}

export function planDataCenter(config: StackConfig): DataCenterPlan {
  const guests = planGuests(config);
  const cluster = planCluster(config);
  const harbor = planHarbor(config);
  const services = planServices(config, guests);
  const migration = migrationInput(config, services);
  return {
    network: planNetwork(config),
    compute: planCompute(config, guests),
    cluster,
    platform: planPlatform(config, cluster, guests),
    services,
    serviceLayer: planServiceLayer(config, guests, migration),
    ...(harbor ? { harbor } : {}),
    ...(migration ? { migration } : {}),
  };
}

export * from "./cloudInit";
export * from "./cluster";
export * from "./compute";
export * from "./dns";
export * from "./firewall";
export * from "./guests";
export * from "./harbor";
export * from "./migration";
export * from "./network";
export * from "./platform";
export * from "./resilience";
export * from "./routers";
export * from "./serviceLayer";
export * from "./services";
export * from "./snmp";
