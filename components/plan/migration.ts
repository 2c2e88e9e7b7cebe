/**
 * The move off AWS as declarative state per phase. `planMigration` says, for the selected phase,
 * what every layer must look like — EKS sizes, EBS snapshots, the Cloudflare rule and records,
 * Harbor's replication from ECR, the replica set's membership and the reconfigs that reach it —
 * plus what the preflight must prove before the phase may be entered and the runbook to follow.
 * Pure: no Pulumi, no I/O.
 *
 *   replicate  new MongoDB members sync hidden/non-voting; Harbor pulls every image from ECR
 *   freeze     Cloudflare cuts access (team allowlisted); EKS workers scale to 0, then the rest
 *   cutover    EBS snapshots of the data volumes; the new members take the votes one at a time
 *              and the AWS members leave
 *   done       Cloudflare records point at the data center; access reopens
 */
import type { AwsEstate, EksNodeGroup } from "../config/aws";
import type { CloudflareConfig, RecordTarget } from "../config/cloudflare";
import { MIGRATION_PHASES, type MigrationConfig, type MigrationPhase } from "../config/migration";
import { SERVICE_PORTS } from "../config/ports";
import type { GuestRole, StackConfig } from "../config/schema";
import type { ServicePlan } from "./services";
import { memberSteps, type ReplicaMember } from "./migrationMembers";
import { runbookFor, type RunbookStep } from "./migrationRunbook";

export { MIGRATION_PHASES, type MigrationPhase };

export interface MigrationInput {
  aws: AwsEstate;
  cloudflare: CloudflareConfig;
  migration: MigrationConfig;
  /** `host:port` of the data center's MongoDB members (the guests with role mongodb). */
  datacenterMembers: string[];
  /** Harbor's registry host (images are `<host>/<project>/<repository>:<tag>`). */
  harborHost: string;
}

export interface NodeGroupScale {
  name: string;
  role: EksNodeGroup["role"];
  desiredSize: number;
  minSize: number;
  maxSize: number;
  /** Groups of wave 2 change only after every group of wave 1 has. */
  wave: 1 | 2;
}

export interface PlannedRecord {
  name: string;
  type: RecordTarget["type"];
  content: string;
  proxied: boolean;
  /** Which side serves the name in this phase. */
  target: "aws" | "datacenter";
}

export interface PlannedSnapshot {
  name: string;
  volumeId: string;
  service: string;
}

export interface PreflightRequirements {
  /** Images (`repository:tag`) Harbor must hold with the digest ECR has. */
  images: string[];
  /** Replication lag bound, or undefined when lag is not checked for this phase. */
  maxReplicationLagSeconds: number | undefined;
  /** Snapshots that must exist and be complete. */
  snapshots: PlannedSnapshot[];
}

export interface MigrationPlan {
  phase: MigrationPhase;
  /** The phase the reconfig steps and EKS waves start from. */
  from: MigrationPhase | undefined;
  eks: { clusterName: string; nodeGroups: NodeGroupScale[] };
  snapshots: PlannedSnapshot[];
  cloudflare: {
    zoneId: string;
    maintenance: boolean;
    style: CloudflareConfig["maintenance"]["style"];
    message: string;
    allowlist: string[];
    hosts: string[];
    records: PlannedRecord[];
  };
  harbor: {
    /** For the Harbor component's optional ECR pull replication. */
    ecrReplication: {
      enabled: boolean;
      registryUrl: string;
      region: string;
      repositories: string[];
      project: string;
    };
  };
  mongodb: {
    replicaSet: string;
    /** The membership this phase ends with. */
    members: ReplicaMember[];
    /** Reconfigs from the `from` phase's membership, in order; each changes at most one vote. */
    steps: ReplicaMember[][];
  };
  preflight: PreflightRequirements;
  runbook: RunbookStep[];
}

const SCALED_DOWN: ReadonlySet<MigrationPhase> = new Set(["freeze", "cutover", "done"]);
const ACCESS_CUT: ReadonlySet<MigrationPhase> = new Set(["freeze", "cutover"]);
const DATACENTER_OWNS_DATA: ReadonlySet<MigrationPhase> = new Set(["cutover", "done"]);
const SNAPSHOTTED: ReadonlySet<MigrationPhase> = new Set(["cutover", "done"]);
const REPLICATING_FROM_ECR: ReadonlySet<MigrationPhase> = new Set([
  "replicate",
  "freeze",
  "cutover",
]);

export function phaseIndex(phase: MigrationPhase): number {
  return MIGRATION_PHASES.indexOf(phase);
}

/** The phase before `phase`, or undefined for the first. */
export function previousPhase(phase: MigrationPhase): MigrationPhase | undefined {
  return MIGRATION_PHASES[phaseIndex(phase) - 1];
}

/**
 * Why going from `from` (the phase in state, undefined on the first deployment) to `to` is not
 * allowed, or undefined when it is: forward one phase at a time; back one phase only in a
 * rehearsal; the first deployment starts at `replicate`.
 */
export function transitionProblem(
  from: MigrationPhase | undefined,
  to: MigrationPhase,
  rehearsal: boolean,
): string | undefined {
  if (from === undefined) {
    return to === "replicate"
      ? undefined
      : `the move starts at "replicate"; set baremetal:migration.phase to replicate first (asked for "${to}")`;
  }
  const step = phaseIndex(to) - phaseIndex(from);
  if (step === 0 || step === 1) return undefined;
  if (step === -1) {
    return rehearsal
      ? undefined
      : `going back from "${from}" to "${to}" is only allowed in a rehearsal (baremetal:migration.rehearsal on a staging estate)`;
  }
  const next = MIGRATION_PHASES[phaseIndex(from) + 1];
  return `cannot go from "${from}" to "${to}": advance one phase at a time (next is "${next ?? from}")`;
}

function newMemberPriority(aws: AwsEstate): number {
  // Above every AWS member, so that once the new members vote the primary moves to them by
  // priority takeover before the AWS members are demoted.
  return Math.min(1000, Math.max(1, ...aws.mongodb.members.map((m) => m.priority)) + 1);
}

export function membersFor(
  input: MigrationInput,
  phase: MigrationPhase | undefined,
): ReplicaMember[] {
  const awsMembers: ReplicaMember[] = input.aws.mongodb.members.map((m) => ({ ...m }));
  if (phase === undefined) return awsMembers;
  if (DATACENTER_OWNS_DATA.has(phase)) {
    const priority = newMemberPriority(input.aws);
    return input.datacenterMembers.map((host) => ({ host, priority, votes: 1, hidden: false }));
  }
  const syncing = input.datacenterMembers.map((host) => ({
    host,
    priority: 0,
    votes: 0 as const,
    hidden: true,
  }));
  return [...awsMembers, ...syncing];
}

function scaleFor(
  group: EksNodeGroup,
  phase: MigrationPhase | undefined,
): Omit<NodeGroupScale, "wave"> {
  const down = phase !== undefined && SCALED_DOWN.has(phase);
  return {
    name: group.name,
    role: group.role,
    desiredSize: down ? 0 : group.desiredSize,
    minSize: down ? 0 : group.minSize,
    maxSize: group.maxSize,
  };
}

function nodeGroupsFor(
  aws: AwsEstate,
  phase: MigrationPhase,
  from: MigrationPhase | undefined,
): NodeGroupScale[] {
  return aws.eks.nodeGroups.map((group) => {
    const before = scaleFor(group, from);
    const after = scaleFor(group, phase);
    // Scaling down, workers drain first and the system groups (DNS, ingress) follow; scaling back
    // up, the system groups come first so the workers find them running.
    const growing = after.desiredSize > before.desiredSize;
    const firstRole = growing ? "system" : "worker";
    return { ...after, wave: group.role === firstRole ? 1 : 2 };
  });
}

function recordsFor(cloudflare: CloudflareConfig, phase: MigrationPhase): PlannedRecord[] {
  const target = phase === "done" ? "datacenter" : "aws";
  return cloudflare.records.map((r) => ({
    name: r.name,
    proxied: r.proxied,
    target,
    ...r[target],
  }));
}

/** The phase after `phase`, or undefined for the last. */
export function nextPhase(phase: MigrationPhase): MigrationPhase | undefined {
  return MIGRATION_PHASES[phaseIndex(phase) + 1];
}

/** The phase the stack is in before this update: the one before, or after when walking back. */
export function originPhase(migration: MigrationConfig): MigrationPhase | undefined {
  return migration.walkBack ? nextPhase(migration.phase) : previousPhase(migration.phase);
}

/** Derives the migration input from a validated stack, or undefined when it has no migration. */
export function migrationInput(
  config: StackConfig,
  services: Partial<Record<GuestRole, ServicePlan>>,
): MigrationInput | undefined {
  const { aws, cloudflare, migration } = config;
  if (!aws || !cloudflare || !migration) return undefined;
  return {
    aws,
    cloudflare,
    migration,
    // The data center's replica-set members as the services plan places them.
    datacenterMembers: (services.mongodb?.members ?? []).map(
      (m) => `${m.fqdn}:${SERVICE_PORTS.mongodb}`,
    ),
    harborHost: config.kubernetes.hostnames.harbor,
  };
}

/**
 * The declarative state of every layer in `input.migration.phase`. `from` is the phase the stack
 * is in now (default: the phase before, or after when walking back), which decides the order of EKS waves and the reconfig
 * steps; a transition that is not allowed throws.
 */
export function planMigration(
  input: MigrationInput,
  from: MigrationPhase | undefined = originPhase(input.migration),
): MigrationPlan {
  const { aws, cloudflare, migration } = input;
  const phase = migration.phase;
  const problem =
    from === undefined ? undefined : transitionProblem(from, phase, migration.rehearsal);
  if (problem) throw new Error(`baremetal:migration.phase: ${problem}`);

  const snapshots = SNAPSHOTTED.has(phase)
    ? aws.volumes.map((v) => ({ name: v.name, volumeId: v.volumeId, service: v.service }))
    : [];
  const members = membersFor(input, phase);
  const forward = from === undefined || phaseIndex(phase) > phaseIndex(from);
  const preflight: PreflightRequirements = {
    images: forward && phase !== "replicate" ? [...migration.images] : [],
    maxReplicationLagSeconds:
      forward && phase !== "replicate" ? migration.maxReplicationLagSeconds : undefined,
    snapshots: forward && phase === "done" ? snapshots : [],
  };
  const plan: Omit<MigrationPlan, "runbook"> = {
    phase,
    from,
    eks: { clusterName: aws.eks.clusterName, nodeGroups: nodeGroupsFor(aws, phase, from) },
    snapshots,
    cloudflare: {
      zoneId: cloudflare.zoneId,
      maintenance: ACCESS_CUT.has(phase),
      style: cloudflare.maintenance.style,
      message: cloudflare.maintenance.message,
      allowlist: [...cloudflare.allowlist],
      hosts: cloudflare.records.map((r) => r.name),
      records: recordsFor(cloudflare, phase),
    },
    harbor: {
      ecrReplication: {
        enabled: REPLICATING_FROM_ECR.has(phase),
        registryUrl: `https://api.ecr.${aws.region}.amazonaws.com`,
        region: aws.region,
        repositories: [...aws.ecr.repositories],
        project: migration.harborProject,
      },
    },
    mongodb: {
      replicaSet: aws.mongodb.replicaSet,
      members,
      steps: memberSteps(membersFor(input, from), members),
    },
    preflight,
  };
  return { ...plan, runbook: runbookFor(plan) };
}
