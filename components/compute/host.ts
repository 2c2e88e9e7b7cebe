/**
 * One Proxmox host: its VLAN-aware guest bridge and the images its guests are built from,
 * downloaded once per host and only when a guest on that host needs them.
 */
import * as proxmox from "@muhlba91/pulumi-proxmoxve";
import * as pulumi from "@pulumi/pulumi";
import type { Host, StackConfig } from "../config/schema";

export interface ProxmoxHostArgs {
  readonly host: Host;
  readonly config: StackConfig;
  /** Download the LXC template (some guest on this host is a container). */
  readonly needsLxcTemplate: boolean;
  /** Download the cloud image (some guest on this host is a VM). */
  readonly needsCloudImage: boolean;
}

export class ProxmoxHost extends pulumi.ComponentResource {
  static readonly __pulumiType = "baremetal:compute:ProxmoxHost";
  readonly bridge: proxmox.network.linux.Bridge;
  readonly lxcTemplate: proxmox.download.File | undefined;
  readonly cloudImage: proxmox.download.File | undefined;

  constructor(name: string, args: ProxmoxHostArgs, opts?: pulumi.ComponentResourceOptions) {
    // Only the host's name as the component's own input: the args hold the whole stack config,
    // which would travel with every host's registration and grow with the square of the hosts.
    super(ProxmoxHost.__pulumiType, name, { host: args.host.name }, opts);
    const { host, config } = args;
    const vlans = [...new Set(config.networks.map((n) => n.vlanId))].sort((a, b) => a - b);

    this.bridge = new proxmox.network.linux.Bridge(
      `${host.name}-${config.proxmox.bridge.name}`,
      {
        nodeName: host.name,
        name: config.proxmox.bridge.name,
        ports: host.bridgePorts,
        vlanAware: true,
        // Only the stack's VLANs reach guests; anything else on the trunk is dropped.
        vids: vlans.join(" "),
        comment: "guest VLAN trunk, managed by Pulumi",
        ...(config.proxmox.bridge.mtu ? { mtu: config.proxmox.bridge.mtu } : {}),
      },
      { parent: this },
    );

    const download = (
      suffix: string,
      contentType: string,
      source: StackConfig["proxmox"]["lxcTemplate"],
    ) =>
      new proxmox.download.File(
        `${host.name}-${suffix}`,
        {
          nodeName: host.name,
          datastoreId: config.proxmox.imageDatastore,
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
    this.lxcTemplate = args.needsLxcTemplate
      ? download("lxc-template", "vztmpl", config.proxmox.lxcTemplate)
      : undefined;
    this.cloudImage = args.needsCloudImage
      ? download("cloud-image", "import", config.proxmox.cloudImage)
      : undefined;

    this.registerOutputs({
      bridge: this.bridge,
      lxcTemplate: this.lxcTemplate,
      cloudImage: this.cloudImage,
    });
  }
}
