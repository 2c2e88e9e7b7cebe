/**
 * The Proxmox identity the CSI plugin uses: a role with exactly the privileges its docs list, a
 * user holding it on `/`, and an API token without privilege separation (it acts as the user).
 *
 * Proxmox code: it needs the compute layer's Proxmox provider and is created from the
 * data-center wiring, before the platform that stores the token in the cluster.
 */
import * as proxmox from "@muhlba91/pulumi-proxmoxve";
import * as pulumi from "@pulumi/pulumi";

/** Privileges the plugin needs to create, attach, resize and delete VM disks. */
export const CSI_PRIVILEGES = [
  "VM.Audit",
  "VM.Config.Disk",
  "Datastore.Allocate",
  "Datastore.AllocateSpace",
  "Datastore.Audit",
] as const;

export const CSI_USER = "kubernetes-csi@pve";
export const CSI_ROLE = "KubernetesCSI";
export const CSI_TOKEN_NAME = "csi";

export interface ProxmoxCsiAccessArgs {
  readonly provider: proxmox.Provider;
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

    const role = new proxmox.RoleLegacy(
      `${name}-role`,
      { roleId: CSI_ROLE, privileges: [...CSI_PRIVILEGES] },
      childOpts,
    );
    const user = new proxmox.UserLegacy(
      `${name}-user`,
      { userId: CSI_USER, comment: "Kubernetes Proxmox CSI plugin (baremetal)", enabled: true },
      childOpts,
    );
    const acl = new proxmox.Acl(
      `${name}-acl`,
      { path: "/", propagate: true, roleId: role.roleId, userId: user.userId },
      childOpts,
    );
    const token = new proxmox.user.Token(
      `${name}-token`,
      {
        userId: user.userId,
        tokenName: CSI_TOKEN_NAME,
        comment: "Kubernetes Proxmox CSI plugin (baremetal)",
        // The token acts with the user's ACL above, nothing more.
        privilegesSeparation: false,
      },
      { ...childOpts, dependsOn: [acl], additionalSecretOutputs: ["value"] },
    );

    this.tokenId = pulumi.interpolate`${token.userId}!${token.tokenName}`;
    this.tokenSecret = pulumi.secret(token.value.apply(tokenSecretOf));
    this.registerOutputs({ tokenId: this.tokenId, tokenSecret: this.tokenSecret });
  }
}
