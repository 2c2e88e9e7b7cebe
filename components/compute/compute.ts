/**
 * The compute layer: the Proxmox provider, every host, the guests placed on them, the backup job
 * and (where the stack enables it) HA resources and anti-affinity rules.
 */
import * as proxmox from "@muhlba91/pulumi-proxmoxve";
import * as pulumi from "@pulumi/pulumi";
import { mustExist } from "../invariant";
import { capacityReport, type HostCapacity } from "../config/capacity";
import { isStateful, kindOf } from "../config/roles";
import type { Guest, StackConfig } from "../config/schema";
import { baseCloudConfig, renderCloudConfig } from "./cloudInit";
import { ProxmoxHost } from "./host";
import { containerArgs, fqdnOf, replacementAllowed, vmArgs, type GuestContext } from "./payloads";
import { backedUpVmIds, haResourceId, pinnedHosts, pruneBackups, spreadRules } from "./resilience";

export interface ComputeLayerArgs {
  readonly config: StackConfig;
  readonly proxmoxApiToken: pulumi.Input<string>;
  /** Key the provider uses to reach hosts over SSH (snippet uploads need it). */
  readonly sshPrivateKey: pulumi.Input<string>;
  /**
   * Complete cloud-init documents for Kubernetes node VMs, by guest name, from the layer that
   * forms the cluster. A node without one boots with the base document only.
   */
  readonly vmUserData?: Record<string, pulumi.Input<string>>;
}

export interface PlacedGuest {
  name: string;
  role: Guest["role"];
  kind: "lxc" | "vm";
  host: string;
  vmId: number;
  ip: string;
  fqdn: string;
  stateful: boolean;
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
    super(ComputeLayer.__pulumiType, name, { site: args.config.site.name }, opts);
    const { config } = args;

    this.provider = new proxmox.Provider(
      "proxmox",
      {
        endpoint: config.proxmox.endpoint,
        apiToken: pulumi.secret(args.proxmoxApiToken),
        insecure: config.proxmox.insecure,
        minTls: "1.3",
        ssh: {
          username: config.proxmox.sshUser,
          privateKey: pulumi.secret(args.sshPrivateKey),
          nodes: config.hosts.map((host) => ({ name: host.name, address: host.managementIp })),
        },
      },
      { parent: this },
    );
    const childOpts = { parent: this, provider: this.provider };

    this.hosts = Object.fromEntries(
      config.hosts.map((host) => {
        const guests = config.guests.filter((guest) => guest.host === host.name);
        return [
          host.name,
          new ProxmoxHost(
            host.name,
            {
              host,
              config,
              needsLxcTemplate: guests.some((g) => kindOf(g) === "lxc"),
              needsCloudImage: guests.some((g) => kindOf(g) === "vm"),
            },
            childOpts,
          ),
        ];
      }),
    );

    for (const guest of config.guests) this.createGuest(guest, args);
    this.createBackups(config);
    if (config.proxmox.ha.enabled) this.createHighAvailability(config);

    this.placement = config.guests.map((guest) => ({
      name: guest.name,
      role: guest.role,
      kind: kindOf(guest),
      host: guest.host,
      vmId: guest.vmId,
      ip: guest.ip,
      fqdn: fqdnOf(guest.name, config),
      stateful: isStateful(guest),
    }));
    this.capacity = capacityReport(config.hosts, config.guests, config.capacity);
    this.registerOutputs({ placement: this.placement, capacity: this.capacity });
  }

  private createGuest(guest: Guest, args: ComputeLayerArgs): void {
    const { config } = args;
    const host = mustExist(this.hosts[guest.host], `host ${guest.host}`);
    const network = mustExist(
      config.networks.find((n) => n.name === guest.network),
      `network ${guest.network}`,
    );
    const ctx: GuestContext = { guest, network, config };
    // Guests live under their host's component so the tree reads as the rack does.
    const opts: pulumi.CustomResourceOptions = { parent: host, provider: this.provider };

    if (kindOf(guest) === "lxc") {
      const stateful = isStateful(guest);
      if (stateful && replacementAllowed(guest, config)) {
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
          protect: stateful && !replacementAllowed(guest, config),
          // A newer template must not rebuild running containers.
          ignoreChanges: ["operatingSystem.templateFileId"],
        },
      );
      return;
    }

    const userData =
      args.vmUserData?.[guest.name] ??
      renderCloudConfig(
        baseCloudConfig({
          hostname: guest.name,
          fqdn: fqdnOf(guest.name, config),
          user: config.access.user,
          sshPublicKeys: config.access.sshPublicKeys,
          timezone: config.site.timezone,
        }),
      );
    const snippet = new proxmox.FileLegacy(
      `${guest.name}-user-data`,
      {
        nodeName: guest.host,
        datastoreId: config.proxmox.imageDatastore,
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

  private createBackups(config: StackConfig): void {
    const vmids = backedUpVmIds(config);
    if (vmids.length === 0) return;
    const guests = [...Object.values(this.containers), ...Object.values(this.vms)];
    new proxmox.backup.Job(
      "stateful-guests",
      {
        resourceId: `${config.site.name}-stateful`,
        schedule: config.proxmox.backup.schedule,
        storage: config.proxmox.backup.storage,
        vmids,
        mode: config.proxmox.backup.mode,
        compress: "zstd",
        pruneBackups: pruneBackups(config),
        enabled: true,
        repeatMissed: true,
        notesTemplate: "{{guestname}} ({{vmid}}) nightly",
      },
      { parent: this, provider: this.provider, dependsOn: guests },
    );
  }

  private createHighAvailability(config: StackConfig): void {
    const guests = { ...this.containers, ...this.vms };
    // Proxmox VE 8 has no affinity rules: members of a spread group are pinned to their own host
    // by a restricted HA group instead, which keeps them apart just as well.
    const pinned = config.proxmox.version < 9 ? pinnedHosts(config) : new Map<string, string>();
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
    const haResources = config.guests.map((guest) => {
      const group = groups.get(pinned.get(guest.name) ?? "");
      return new proxmox.Haresource(
        `${guest.name}-ha`,
        {
          resourceId: haResourceId(guest),
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
    if (config.proxmox.version < 9) return;
    for (const rule of spreadRules(config)) {
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
