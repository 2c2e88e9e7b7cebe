/**
 * EBS snapshots of the data volumes, taken at cutover once the workloads are down and kept after
 * the move: `retainOnDelete` so that no later change of phase or of this program ever deletes
 * one, and `protect` outside rehearsals. A rehearsal walks back past cutover, which drops the
 * snapshots from the program: they then leave the state but stay in AWS.
 */
import * as aws from "../sdk/aws";
import * as pulumi from "@pulumi/pulumi";
import type { PlannedSnapshot } from "../plan/migration";

export interface DataVolumeSnapshotsArgs {
  snapshots: PlannedSnapshot[];
  /** Tags every snapshot carries; the preflight finds snapshots by `migration-volume`. */
  tags: Record<string, string>;
  rehearsal: boolean;
  provider: aws.Provider;
  /** Taken only after these (the node groups scaled to 0), so the volumes are quiet. */
  after?: pulumi.Input<pulumi.Resource>[];
}

export class DataVolumeSnapshots extends pulumi.ComponentResource {
  readonly snapshotIds: Record<string, pulumi.Output<string>> = {};

  constructor(name: string, args: DataVolumeSnapshotsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("baremetal:aws:DataVolumeSnapshots", name, {}, opts);
    for (const snapshot of args.snapshots) {
      const resource = new aws.ebs.Snapshot(
        snapshot.name,
        {
          volumeId: snapshot.volumeId,
          description: `${snapshot.service} data (${snapshot.name}) at the cutover to the data center`,
          tags: {
            ...args.tags,
            Name: `cutover-${snapshot.name}`,
            "migration-volume": snapshot.name,
            service: snapshot.service,
          },
        },
        {
          parent: this,
          provider: args.provider,
          retainOnDelete: true,
          protect: !args.rehearsal,
          dependsOn: args.after ?? [],
        },
      );
      this.snapshotIds[snapshot.name] = resource.id;
    }
    this.registerOutputs({ snapshotIds: this.snapshotIds });
  }
}
