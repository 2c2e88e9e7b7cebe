export { Snapshot, type SnapshotArgs } from "@pulumi/aws/ebs/snapshot";
