/**
 * How a step reaches its guest: over SSH to the guest's Proxmox host, then `pct exec` into the
 * container (see README: the host is the one SSH endpoint the program already trusts, and a
 * container is reachable this way before its own network, DNS or sshd are). Pure renderers.
 */
import { shellQuote } from "./script";

export interface GuestTarget {
  /** Guest name: the natural key every message and resource name uses. */
  readonly guest: string;
  readonly vmId: number;
  /** Proxmox node the container runs on. */
  readonly host: string;
}

/**
 * The command line run on the Proxmox host. It carries no secret: the step program (with any
 * secret file contents) arrives on stdin and is handed to bash inside the container.
 */
export function guestCommand(target: GuestTarget, step: string): string {
  const notRunning = shellQuote(
    `${target.guest}: ${step} failed: container ${target.vmId} is not running on ${target.host}`,
  );
  return [
    "set -eu",
    `if ! pct status ${target.vmId} 2>/dev/null | grep -qx 'status: running'; then echo ${notRunning} >&2; exit 1; fi`,
    `exec pct exec ${target.vmId} -- /bin/bash -s`,
  ].join("; ");
}

/** The command line for a step that runs on the Proxmox host itself. */
export function hostCommand(): string {
  return "exec /bin/bash -s";
}
