/**
 * Wires the layers together in dependency order. Each layer is a ComponentResource that receives
 * validated, typed values; this function is the only place that knows how they connect.
 */
import { ComputeLayer, type PlacedGuest } from "./compute";
import type { HostCapacity } from "./config/capacity";
import type { LoadedStack } from "./config/load";

export interface DataCenterOutputs {
  guests: PlacedGuest[];
  capacity: HostCapacity[];
}

export function buildDataCenter({ config, secrets }: LoadedStack): DataCenterOutputs {
  const compute = new ComputeLayer("compute", {
    config,
    proxmoxApiToken: secrets.proxmoxApiToken,
    sshPrivateKey: secrets.sshPrivateKey,
  });
  return { guests: compute.placement, capacity: compute.capacity };
}
