/**
 * The contract between service renderers and the layer that applies them. Renderers are pure:
 * they turn typed inputs (and plain-text credentials) into steps; the layer ships each step into
 * its guest. MongoDB's renderers produce the same shape.
 */

/** A file a step writes into the guest before running; secret contents travel over stdin, never argv. */
export interface GuestFile {
  path: string;
  content: string;
  mode: string;
  owner: string;
  secret: boolean;
}
/** One idempotent provisioning step in one guest; re-run only when its rendered content changes. */
export interface ProvisionStep {
  name: string;
  script: string;
  files: GuestFile[];
}
/** What one service role installs where. */
export interface ServiceProvisioning {
  guest: string;
  service: string;
  packages: { name: string; version: string }[];
  steps: ProvisionStep[];
  /**
   * Steps that run on the guest's Proxmox host rather than inside the container: kernel settings
   * an LXC guest shares with its host (e.g. `vm.max_map_count`). Run before `steps`.
   */
  hostSteps?: ProvisionStep[];
}
