/**
 * The preflight, as pure functions over facts fetched elsewhere: it blocks a phase change when an
 * image the workloads run is missing from Harbor or differs from ECR's digest (the outdated
 * images that cost the real cutover ten minutes), when a MongoDB member lags the primary by more
 * than the bound or is not a healthy secondary, or when a cutover snapshot is missing or not
 * complete. Every blocker says exactly what blocks.
 */
import type { PreflightRequirements } from "../plan/migration";

export interface ImageFacts {
  /** `repository:tag` */
  image: string;
  /** The digest ECR has for the tag, or undefined when ECR does not have it. */
  ecrDigest: string | undefined;
  /** The digest of the artifact Harbor has for the tag, or undefined when it is missing. */
  harborDigest: string | undefined;
}

/** The parts of `replSetGetStatus` the preflight reads. */
export interface ReplicaSetStatus {
  set: string;
  members: {
    name: string;
    stateStr: string;
    /** Time of the member's last applied operation. */
    optimeDate?: Date;
  }[];
}

export interface SnapshotFacts {
  /** The planned snapshot's name (its `migration-volume` tag). */
  name: string;
  snapshotId: string;
  /** EC2 snapshot state: pending | completed | error | recoverable | recovering. */
  state: string;
}

export interface PreflightFacts {
  images: ImageFacts[];
  replicaSet: ReplicaSetStatus | undefined;
  snapshots: SnapshotFacts[];
}

export interface PreflightRequest extends PreflightRequirements {
  /** Members that must be in the replica set and caught up (`host:port`). */
  members: string[];
}

export interface PreflightResult {
  ok: boolean;
  blockers: string[];
  passed: string[];
}

export function imageBlockers(images: readonly ImageFacts[]): string[] {
  return images.flatMap((facts) => {
    if (facts.ecrDigest === undefined) {
      return [
        `image ${facts.image}: not in ECR (the workloads' list names a tag that was never pushed)`,
      ];
    }
    if (facts.harborDigest === undefined) {
      return [`image ${facts.image}: missing from Harbor (ECR has ${facts.ecrDigest})`];
    }
    if (facts.harborDigest !== facts.ecrDigest) {
      return [
        `image ${facts.image}: Harbor has ${facts.harborDigest} but ECR has ${facts.ecrDigest} (outdated in Harbor; run the replication again)`,
      ];
    }
    return [];
  });
}

export interface MemberLag {
  host: string;
  state: string;
  lagSeconds: number | undefined;
}

/** Each member's lag behind the primary, in seconds (undefined without an optime). */
export function replicationLags(status: ReplicaSetStatus): {
  primary: string | undefined;
  members: MemberLag[];
} {
  const primary = status.members.find((m) => m.stateStr === "PRIMARY");
  const head = primary?.optimeDate?.getTime();
  return {
    primary: primary?.name,
    members: status.members.map((m) => ({
      host: m.name,
      state: m.stateStr,
      lagSeconds:
        head === undefined || m.optimeDate === undefined
          ? undefined
          : Math.max(0, (head - m.optimeDate.getTime()) / 1000),
    })),
  };
}

export function replicationBlockers(
  status: ReplicaSetStatus | undefined,
  required: readonly string[],
  maxLagSeconds: number,
): string[] {
  if (!status) return ["replica set: no status (replSetGetStatus did not answer)"];
  const { primary, members } = replicationLags(status);
  if (!primary) return [`replica set ${status.set}: no PRIMARY, lag cannot be measured`];
  const blockers: string[] = [];
  for (const host of required) {
    if (!members.some((m) => m.host === host)) {
      blockers.push(`replica set ${status.set}: ${host} is not a member`);
    }
  }
  for (const m of members) {
    if (m.host === primary || m.state === "ARBITER") continue;
    if (m.state !== "SECONDARY") {
      blockers.push(`replica set ${status.set}: ${m.host} is ${m.state}, not SECONDARY`);
    } else if (m.lagSeconds === undefined) {
      blockers.push(`replica set ${status.set}: ${m.host} reports no optime`);
    } else if (m.lagSeconds > maxLagSeconds) {
      blockers.push(
        `replica set ${status.set}: ${m.host} lags ${m.lagSeconds.toFixed(1)}s behind ${primary} (max ${maxLagSeconds}s)`,
      );
    }
  }
  return blockers;
}

export function snapshotBlockers(
  required: readonly { name: string; volumeId: string }[],
  found: readonly SnapshotFacts[],
): string[] {
  return required.flatMap((planned) => {
    const snapshots = found.filter((s) => s.name === planned.name);
    if (snapshots.length === 0) {
      return [`snapshot of ${planned.name} (${planned.volumeId}): missing`];
    }
    if (!snapshots.some((s) => s.state === "completed")) {
      const states = snapshots.map((s) => `${s.snapshotId} ${s.state}`).join(", ");
      return [`snapshot of ${planned.name} (${planned.volumeId}): not completed (${states})`];
    }
    return [];
  });
}

export function evaluatePreflight(
  request: PreflightRequest,
  facts: PreflightFacts,
): PreflightResult {
  const blockers: string[] = [];
  const passed: string[] = [];
  if (request.images.length > 0) {
    const missingFacts = request.images.filter((i) => !facts.images.some((f) => f.image === i));
    const found = [
      ...imageBlockers(facts.images.filter((f) => request.images.includes(f.image))),
      ...missingFacts.map((i) => `image ${i}: not checked (no answer from ECR/Harbor)`),
    ];
    blockers.push(...found);
    if (found.length === 0) passed.push(`${request.images.length} images in Harbor match ECR`);
  }
  if (request.maxReplicationLagSeconds !== undefined) {
    const found = replicationBlockers(
      facts.replicaSet,
      request.members,
      request.maxReplicationLagSeconds,
    );
    blockers.push(...found);
    if (found.length === 0) {
      passed.push(`every member within ${request.maxReplicationLagSeconds}s of the primary`);
    }
  }
  if (request.snapshots.length > 0) {
    const found = snapshotBlockers(request.snapshots, facts.snapshots);
    blockers.push(...found);
    if (found.length === 0) passed.push(`${request.snapshots.length} snapshots completed`);
  }
  return { ok: blockers.length === 0, blockers, passed };
}

/** The report printed by `cutover:check` and carried by a failed phase gate. */
export function formatPreflight(phase: string, result: PreflightResult): string {
  const lines = [
    result.ok
      ? `Preflight for "${phase}": pass`
      : `Preflight for "${phase}": BLOCKED (${result.blockers.length} problem${result.blockers.length === 1 ? "" : "s"})`,
  ];
  for (const b of result.blockers) lines.push(`  ✗ ${b}`);
  for (const p of result.passed) lines.push(`  ✓ ${p}`);
  return lines.join("\n");
}
