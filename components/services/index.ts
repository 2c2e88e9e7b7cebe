export { ServicesLayer, HARBOR_REDIS_USER, type ServicesLayerArgs } from "./layer";
export type { GuestFile, ProvisionStep, ServiceProvisioning } from "./types";
export type { ServiceInventoryEntry } from "./inventory";
