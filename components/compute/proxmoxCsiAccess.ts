/**
 * The Proxmox identity the CSI plugin uses: two roles with exactly the privileges its docs list,
 * granted only where the plugin works — the datastore its storage class names, and the VMs of
 * the Kubernetes nodes it attaches volumes to — and an API token without privilege separation
 * (it acts as the user).
 *
 * Proxmox code: it needs the compute layer's Proxmox provider and is created from the
 * data-center wiring, before the platform that stores the token in the cluster.
 */
import * as proxmox from "../sdk/proxmox";
import * as pulumi from "@pulumi/pulumi";

/**
 * Privileges on the datastore: create and delete volumes (`Datastore.Allocate` also lets a VM
 * use a volume named after another VM id, which is how the plugin's volumes are attached),
 * allocate space, read capacity.
 */
export const CSI_STORAGE_PRIVILEGES = [
  "Datastore.Allocate",
  "Datastore.AllocateSpace",
  "Datastore.Audit",
] as const;
/** Privileges on each node VM: find it (by name) and attach, detach or resize its disks. */
export const CSI_VM_PRIVILEGES = ["VM.Audit", "VM.Config.Disk"] as const;

export const CSI_USER = "kubernetes-csi@pve";
export const CSI_STORAGE_ROLE = "KubernetesCSIStorage";
export const CSI_VM_ROLE = "KubernetesCSIVM";
type CsiRole = typeof CSI_STORAGE_ROLE | typeof CSI_VM_ROLE;
export const CSI_TOKEN_NAME = "csi";

export interface ProxmoxCsiAccessArgs {
  readonly provider: proxmox.Provider;
  /** The datastore the storage class provisions on (`storage.proxmoxCsi.datastore`). */
  readonly datastore: string;
  /** The Kubernetes node VMs, by name (the natural key of each ACL). */
  readonly nodeVms: readonly { name: string; vmId: number }[];
}

/** Where the plugin is granted what: path → role. Pure, for tests and review. */
export function csiAclPaths(
  args: Pick<ProxmoxCsiAccessArgs, "datastore" | "nodeVms">,
): { key: string; path: string; role: CsiRole }[] {
  return [
    { key: "storage", path: `/storage/${args.datastore}`, role: CSI_STORAGE_ROLE as CsiRole },
    ...args.nodeVms.map((vm) => ({
      key: `vm-${vm.name}`,
      path: `/vms/${vm.vmId}`,
      role: CSI_VM_ROLE as CsiRole,
    })),
  ];
}

/**
 * The secret half of a token value. The provider reports `<user>!<token>=<uuid>`; a bare UUID is
 * accepted too, so a change of format cannot leak the token id into the secret.
 */
export function tokenSecretOf(value: string): string {
  const separator = value.lastIndexOf("=");
  return separator === -1 ? value : value.slice(separator + 1);
}

export class ProxmoxCsiAccess extends pulumi.ComponentResource {
  /**
   * The type is part of every child's URN: it keeps the `kubernetes` module it was first
   * created under, so moving the code did not replace the Proxmox user and token.
   */
  static readonly __pulumiType = "baremetal:kubernetes:ProxmoxCsiAccess";

  /** `user@realm!token`, what the plugin config calls `token_id`. */
  public readonly tokenId: pulumi.Output<string>;
  /** The token secret (secret). */
  public readonly tokenSecret: pulumi.Output<string>;

  constructor(name: string, args: ProxmoxCsiAccessArgs, opts?: pulumi.ComponentResourceOptions) {
    super(ProxmoxCsiAccess.__pulumiType, name, {}, opts);
    const childOpts = { parent: this, provider: args.provider };

    const roles: Record<CsiRole, proxmox.RoleLegacy> = {
      [CSI_STORAGE_ROLE]: new proxmox.RoleLegacy(
        `${name}-storage-role`,
        { roleId: CSI_STORAGE_ROLE, privileges: [...CSI_STORAGE_PRIVILEGES] },
        childOpts,
      ),
      [CSI_VM_ROLE]: new proxmox.RoleLegacy(
        `${name}-vm-role`,
        { roleId: CSI_VM_ROLE, privileges: [...CSI_VM_PRIVILEGES] },
        childOpts,
      ),
    };
    const user = new proxmox.UserLegacy(
      `${name}-user`,
      { userId: CSI_USER, comment: "Kubernetes Proxmox CSI plugin (baremetal)", enabled: true },
      childOpts,
    );
    const acls = csiAclPaths(args).map(({ key, path, role }) => {
      return new proxmox.Acl(
        `${name}-acl-${key}`,
        // Nothing below a datastore or a VM path inherits anything else.
        { path, propagate: false, roleId: roles[role].roleId, userId: user.userId },
        childOpts,
      );
    });
    const token = new proxmox.user.Token(
      `${name}-token`,
      {
        userId: user.userId,
        tokenName: CSI_TOKEN_NAME,
        comment: "Kubernetes Proxmox CSI plugin (baremetal)",
        // The token acts with the user's ACLs above, nothing more.
        privilegesSeparation: false,
      },
      { ...childOpts, dependsOn: acls, additionalSecretOutputs: ["value"] },
    );

    this.tokenId = pulumi.interpolate`${token.userId}!${token.tokenName}`;
    this.tokenSecret = pulumi.secret(token.value.apply(tokenSecretOf));
    this.registerOutputs({ tokenId: this.tokenId, tokenSecret: this.tokenSecret });
  }
}
