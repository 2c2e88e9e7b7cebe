/**
 * The base cloud-init user-data for Kubernetes node VMs. Proxmox's `userAccount` cannot be combined
 * with a user-data snippet, so the login user and its keys are part of the document itself.
 */
import { stringify } from "yaml";

export interface BaseCloudConfigInput {
  hostname: string;
  fqdn: string;
  user: string;
  sshPublicKeys: readonly string[];
  timezone: string;
}

/** The cloud-config object every node VM starts from; layers may add to it. */
export function baseCloudConfig(input: BaseCloudConfigInput): Record<string, unknown> {
  return {
    hostname: input.hostname,
    fqdn: input.fqdn,
    prefer_fqdn_over_hostname: false,
    timezone: input.timezone,
    users: [
      {
        name: input.user,
        groups: ["sudo"],
        shell: "/bin/bash",
        sudo: "ALL=(ALL) NOPASSWD:ALL",
        lock_passwd: true,
        ssh_authorized_keys: input.sshPublicKeys,
      },
    ],
    ssh_pwauth: false,
    package_update: true,
    // The guest agent reports addresses to Proxmox and lets it shut the VM down cleanly.
    packages: ["qemu-guest-agent"],
    runcmd: [["systemctl", "enable", "--now", "qemu-guest-agent"]],
  };
}

/** Renders a cloud-config object as the YAML document cloud-init expects. */
export function renderCloudConfig(document: Record<string, unknown>): string {
  return `#cloud-config\n${stringify(document, { lineWidth: 0 })}`;
}
