/**
 * The Harbor slice: where Harbor's API answers and what it is configured with, for the component
 * that manages projects, robots and policies through that API once the release runs.
 */
import type { HarborSettings } from "../config/harborSettings";
import type { StackConfig } from "../config/schema";

export interface HarborPlan {
  settings: HarborSettings;
  /** `https://<harbor hostname>`. */
  url: string;
  /** Registry host in image references and docker config. */
  registryHost: string;
  /** The issuer of Harbor's certificate: its CA root is what clients must trust. */
  issuer: string;
}

/** Undefined when the stack does not manage Harbor through its API (`baremetal:harbor`). */
export function planHarbor(config: StackConfig): HarborPlan | undefined {
  if (!config.harbor) return undefined;
  const host = config.kubernetes.hostnames.harbor;
  return {
    settings: config.harbor,
    url: `https://${host}`,
    registryHost: host,
    issuer: config.kubernetes.platformIssuer,
  };
}
