/**
 * The phase gate: a small dynamic resource whose state is the migration phase the stack is in.
 * Everything that changes by phase depends on it, so a phase change happens here first:
 *
 * - `check` (offline, runs in every preview) refuses a transition that is not allowed — forward
 *   one phase at a time, back one only in a rehearsal, the first deployment at `replicate` — so a
 *   wrong `baremetal:migration.phase` fails before any resource changes;
 * - `diff` (offline) reports a change when the phase, stack or rehearsal flag changes;
 * - `update` of a forward move runs the preflight (`cutover:check`) and fails the update when it
 *   blocks, so nothing downstream (Cloudflare, EKS, snapshots, the replica set) is touched.
 *
 * The provider (providers/migration/phaseGate.ts) is served by `@baremetal/migration-runtime` to
 * the thin provider stored in state; it runs the repository's own check command, which reads
 * credentials from the environment, so no credential ever enters the gate's inputs or state.
 */
import * as pulumi from "@pulumi/pulumi";
import { MIGRATION } from "../../providers/migration/thin";
import { ThinDynamicResource } from "../../providers/shared/thinResource";

export {
  phaseGateProvider,
  type PhaseGateInputs,
  type PhaseGateOutputs,
} from "../../providers/migration/phaseGate";

/** The check command a deployment runs, from the repository root. */
export const DEFAULT_CHECK_COMMAND = ["npx", "--no-install", "tsx", "scripts/cutover-check.ts"];

export interface PhaseGateArgs {
  stack: pulumi.Input<string>;
  phase: pulumi.Input<string>;
  rehearsal: pulumi.Input<boolean>;
  from: pulumi.Input<string> | undefined;
  checkCommand?: pulumi.Input<pulumi.Input<string>[]>;
}

export class PhaseGate extends ThinDynamicResource {
  declare readonly phase: pulumi.Output<string>;
  declare readonly preflight: pulumi.Output<string>;

  constructor(name: string, args: PhaseGateArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      MIGRATION,
      "PhaseGate",
      name,
      {
        stack: args.stack,
        phase: args.phase,
        rehearsal: args.rehearsal,
        from: args.from,
        checkCommand: args.checkCommand ?? DEFAULT_CHECK_COMMAND,
        preflight: undefined,
      },
      opts,
    );
  }
}
