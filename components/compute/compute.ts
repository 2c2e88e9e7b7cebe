/**
 * The compute layer: the Proxmox provider, every host, the guests placed on them, the backup job
 * and (where the stack enables it) HA resources and anti-affinity rules.
 */
import * as proxmox from "../sdk/proxmox";
import * as pulumi from "@pulumi/pulumi";
import type { HostCapacity } from "../config/capacity";
import { mustExist } from "../invariant";
import {
  baseCloudConfig,
  renderCloudConfig,
  type BackupPlan,
  type ComputePlan,
  type HighAvailabilityPlan,
  type PlacedGuest,
  type PlannedGuest,
} from "../plan";
import { ProxmoxHost } from "./host";
import { containerArgs, vmArgs, type GuestContext } from "./payloads";

export type { PlacedGuest } from "../plan";

export interface ComputeLayerArgs {
  /** The compute slice of the data-center plan. */
  readonly plan: ComputePlan;
  readonly proxmoxApiToken: pulumi.Input<string>;
  /** Key the provider uses to reach hosts over SSH (snippet uploads need it). */
  readonly sshPrivateKey: pulumi.Input<string>;
  /**
   * Complete cloud-init documents for Kubernetes node VMs, by guest name, from the layer that
   * forms the cluster. A node without one boots with the base document only.
   */
  readonly vmUserData?: Record<string, pulumi.Input<string>>;
}

export class ComputeLayer extends pulumi.ComponentResource {
  static readonly __pulumiType = "baremetal:compute:ComputeLayer";
  readonly provider: proxmox.Provider;
  readonly hosts: Record<string, ProxmoxHost>;
  readonly containers: Record<string, proxmox.ContainerLegacy> = {};
  readonly vms: Record<string, proxmox.VmLegacy> = {};
  readonly placement: PlacedGuest[];
  readonly capacity: HostCapacity[];

  constructor(name: string, args: ComputeLayerArgs, opts?: pulumi.ComponentResourceOptions) {
    // Only non-secret, serialisable args are recorded as the component's inputs.
    super(ComputeLayer.__pulumiType, name, { site: args.plan.site }, opts);
    const { plan } = args;

    this.provider = new proxmox.Provider(
      "proxmox",
      {
        endpoint: plan.provider.endpoint,
        apiToken: pulumi.secret(args.proxmoxApiToken),
        insecure: plan.provider.insecure,
        minTls: "1.3",
        ssh: {
          username: plan.provider.sshUser,
          privateKey: pulumi.secret(args.sshPrivateKey),
          nodes: plan.provider.nodes,
        },
      },
      { parent: this },
    );
    const childOpts = { parent: this, provider: this.provider };

    this.hosts = Object.fromEntries(
      plan.hosts.map((host) => [host.name, new ProxmoxHost(host.name, { plan: host }, childOpts)]),
    );

    for (const guest of plan.guests) this.createGuest(guest, args);
    if (plan.backup) this.createBackups(plan.backup);
    if (plan.ha) this.createHighAvailability(plan.ha, plan.guests);

    this.placement = plan.placement;
    this.capacity = plan.capacity;
    this.registerOutputs({ placement: this.placement, capacity: this.capacity });
  }

  private createGuest(guest: PlannedGuest, args: ComputeLayerArgs): void {
    const { plan } = args;
    const host = mustExist(this.hosts[guest.host], `host ${guest.host}`);
    const ctx: GuestContext = { guest, settings: plan.settings };
    // Guests live under their host's component so the tree reads as the rack does.
    const opts: pulumi.CustomResourceOptions = { parent: host, provider: this.provider };

    if (guest.kind === "lxc") {
      if (guest.stateful && guest.replaceable) {
        pulumi.log.warn(
          `${guest.name}: replacement allowed by baremetal:placement.allowReplace; its data is not protected in this update`,
          this,
        );
      }
      this.containers[guest.name] = new proxmox.ContainerLegacy(
        guest.name,
        containerArgs(ctx, mustExist(host.lxcTemplate, `LXC template on ${guest.host}`).id),
        {
          ...opts,
          // A replaced container loses its data: the engine refuses to replace a protected one.
          protect: guest.protect,
          // A newer template must not rebuild running containers.
          ignoreChanges: ["operatingSystem.templateFileId"],
        },
      );
      return;
    }

    const userData =
      args.vmUserData?.[guest.name] ??
      renderCloudConfig(baseCloudConfig({ hostname: guest.name, fqdn: guest.fqdn, ...plan.login }));
    const snippet = new proxmox.FileLegacy(
      `${guest.name}-user-data`,
      {
        nodeName: guest.host,
        datastoreId: plan.settings.imageDatastore,
        contentType: "snippets",
        // The document may hold a cluster join token: keep it secret in state.
        sourceRaw: { data: pulumi.secret(userData), fileName: `${guest.name}-user-data.yaml` },
      },
      opts,
    );
    this.vms[guest.name] = new proxmox.VmLegacy(
      guest.name,
      vmArgs(ctx, mustExist(host.cloudImage, `cloud image on ${guest.host}`).id, snippet.id),
      {
        ...opts,
        // A new image or user-data only applies to new nodes; running nodes are replaced deliberately.
        ignoreChanges: ["disks[0].importFrom", "initialization.userDataFileId"],
      },
    );
  }

  private createBackups(backup: BackupPlan): void {
    const guests = [...Object.values(this.containers), ...Object.values(this.vms)];
    new proxmox.backup.Job(
      "stateful-guests",
      {
        resourceId: backup.resourceId,
        schedule: backup.schedule,
        storage: backup.storage,
        vmids: backup.vmids,
        mode: backup.mode,
        compress: "zstd",
        pruneBackups: backup.pruneBackups,
        enabled: true,
        repeatMissed: true,
        notesTemplate: "{{guestname}} ({{vmid}}) nightly",
      },
      { parent: this, provider: this.provider, dependsOn: guests },
    );
  }

  private createHighAvailability(ha: HighAvailabilityPlan, planned: PlannedGuest[]): void {
    const guests = { ...this.containers, ...this.vms };
    // Proxmox VE 8 has no affinity rules: members of a spread group are pinned to their own host
    // by a restricted HA group instead, which keeps them apart just as well.
    const pinned = new Map(Object.entries(ha.pinned));
    const groups = new Map<string, proxmox.Hagroup>();
    for (const host of new Set(pinned.values())) {
      groups.set(
        host,
        new proxmox.Hagroup(
          `pin-${host}`,
          {
            group: `pin-${host}`,
            nodes: { [host]: 1 },
            restricted: true,
            comment: "managed by Pulumi",
          },
          { parent: this.hosts[host], provider: this.provider },
        ),
      );
    }
    const haResources = planned.map((guest) => {
      const group = groups.get(pinned.get(guest.name) ?? "");
      return new proxmox.Haresource(
        `${guest.name}-ha`,
        {
          resourceId: guest.haResourceId,
          state: "started",
          // Local storage: restart in place; relocating would start an empty guest elsewhere.
          maxRestart: 3,
          maxRelocate: 0,
          comment: `${guest.role}, managed by Pulumi`,
          ...(group ? { group: group.group } : {}),
        },
        {
          parent: this.hosts[guest.host],
          provider: this.provider,
          dependsOn: [mustExist(guests[guest.name], `guest ${guest.name}`)],
        },
      );
    });
    if (ha.version < 9) return;
    for (const rule of ha.spreadRules) {
      new proxmox.Harule(
        rule.name,
        {
          rule: rule.name,
          type: "resource-affinity",
          affinity: "negative",
          resources: rule.resources,
          comment: "members must run on different hosts, managed by Pulumi",
        },
        { parent: this, provider: this.provider, dependsOn: haResources },
      );
    }
  }
}
