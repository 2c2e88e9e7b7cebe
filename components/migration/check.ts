/**
 * The preflight end to end: plan the target phase, gather the facts it needs, evaluate them.
 * `scripts/cutover-check.ts` runs it from the command line and the phase gate runs that script.
 */
import type { MigrationPhase } from "../config/migration";
import { planMigration, type MigrationInput } from "../plan/migration";
import {
  ec2Snapshots,
  ecrImages,
  gatherFacts,
  harborArtifacts,
  mongoStatus,
  type PreflightClients,
  type ReplicaSetStatusSource,
} from "./clients";
import { evaluatePreflight, type PreflightRequest, type PreflightResult } from "./preflight";

/** What entering `phase` requires (forward from the phase before it). */
export function preflightRequest(input: MigrationInput, phase: MigrationPhase): PreflightRequest {
  // Always the forward step: walking back (a rehearsal) needs no preflight.
  const plan = planMigration({
    ...input,
    migration: { ...input.migration, phase, walkBack: false },
  });
  return { ...plan.preflight, members: input.datacenterMembers };
}

export async function runPreflight(
  input: MigrationInput,
  phase: MigrationPhase,
  clients: PreflightClients,
): Promise<PreflightResult> {
  const request = preflightRequest(input, phase);
  const { facts, errors, unchecked } = await gatherFacts(
    { ...request, harborProject: input.migration.harborProject },
    clients,
  );
  // What a source could not answer is reported once, as that source's error.
  const checkable: PreflightRequest = {
    ...request,
    images: request.images.filter((i) => !unchecked.images.includes(i)),
    maxReplicationLagSeconds: unchecked.replicaSet ? undefined : request.maxReplicationLagSeconds,
    snapshots: unchecked.snapshots ? [] : request.snapshots,
  };
  const result = evaluatePreflight(checkable, facts);
  // A source that did not answer blocks: the check cannot vouch for what it could not see.
  const blockers = [...errors.map((e) => `could not check ${e}`), ...result.blockers];
  return { ok: blockers.length === 0, blockers, passed: result.passed };
}

/** The real clients, with credentials from the environment only. */
export function clientsFromEnvironment(
  input: MigrationInput,
  env: NodeJS.ProcessEnv = process.env,
): PreflightClients {
  const username = env["HARBOR_USERNAME"];
  const password = env["HARBOR_PASSWORD"];
  const uri = env["MONGODB_URI"];
  const missingUri: ReplicaSetStatusSource = {
    status: () =>
      Promise.reject(new Error("MONGODB_URI is not set (a user with the clusterMonitor role)")),
  };
  return {
    ecr: ecrImages(input.aws.region, input.aws.accountId),
    harbor: harborArtifacts(
      `https://${input.harborHost}`,
      username && password ? { username, password } : undefined,
    ),
    mongodb: uri ? mongoStatus(uri) : missingUri,
    snapshots: ec2Snapshots(input.aws.region),
  };
}
