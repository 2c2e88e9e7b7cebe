/**
 * One Proxmox host: its VLAN-aware guest bridge and the images its guests are built from,
 * downloaded once per host and only when a guest on that host needs them.
 */
import * as proxmox from "../sdk/proxmox";
import * as pulumi from "@pulumi/pulumi";
import type { DownloadPlan, HostPlan } from "../plan";

export interface ProxmoxHostArgs {
  /** The host's slice of the compute plan. */
  readonly plan: HostPlan;
}

export class ProxmoxHost extends pulumi.ComponentResource {
  static readonly __pulumiType = "baremetal:compute:ProxmoxHost";
  readonly bridge: proxmox.network.linux.Bridge;
  readonly lxcTemplate: proxmox.download.File | undefined;
  readonly cloudImage: proxmox.download.File | undefined;

  constructor(name: string, args: ProxmoxHostArgs, opts?: pulumi.ComponentResourceOptions) {
    // Only the host's name as the component's own input: the args hold the host's whole plan,
    // which would travel with every host's registration.
    super(ProxmoxHost.__pulumiType, name, { host: args.plan.name }, opts);
    const { plan } = args;

    this.bridge = new proxmox.network.linux.Bridge(
      `${plan.name}-${plan.bridge.name}`,
      {
        nodeName: plan.name,
        name: plan.bridge.name,
        ports: plan.bridge.ports,
        vlanAware: true,
        // Only the stack's VLANs reach guests; anything else on the trunk is dropped.
        vids: plan.bridge.vids,
        comment: "guest VLAN trunk, managed by Pulumi",
        ...(plan.bridge.mtu ? { mtu: plan.bridge.mtu } : {}),
      },
      { parent: this },
    );

    const download = (suffix: string, contentType: string, source: DownloadPlan) =>
      new proxmox.download.File(
        `${plan.name}-${suffix}`,
        {
          nodeName: plan.name,
          datastoreId: plan.imageDatastore,
          contentType,
          url: source.url,
          fileName: source.fileName,
          ...(source.checksum
            ? { checksum: source.checksum, checksumAlgorithm: source.checksumAlgorithm ?? "sha256" }
            : {}),
          // A re-published upstream image must not re-download and ripple into guests.
          overwrite: false,
        },
        { parent: this },
      );
    this.lxcTemplate = plan.lxcTemplate
      ? download("lxc-template", "vztmpl", plan.lxcTemplate)
      : undefined;
    this.cloudImage = plan.cloudImage
      ? download("cloud-image", "import", plan.cloudImage)
      : undefined;

    this.registerOutputs({
      bridge: this.bridge,
      lxcTemplate: this.lxcTemplate,
      cloudImage: this.cloudImage,
    });
  }
}
