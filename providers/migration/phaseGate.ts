/**
 * The phase gate's provider (the resource: components/migration/phaseGate.ts). Its state is the
 * migration phase the stack is in:
 *
 * - `check` (offline, runs in every preview) refuses a transition that is not allowed — forward
 *   one phase at a time, back one only in a rehearsal, the first deployment at `replicate` — so a
 *   wrong `baremetal:migration.phase` fails before any resource changes;
 * - `diff` (offline) reports a change when the phase, stack or rehearsal flag changes;
 * - `update` of a forward move runs the preflight (`cutover:check`) and fails the update when it
 *   blocks, so nothing downstream (Cloudflare, EKS, snapshots, the replica set) is touched.
 *
 * Served by `@baremetal/migration-runtime` (runtime-entry.ts) to the thin provider stored in
 * state. It runs the repository's own check command, which reads credentials from the
 * environment, so no credential ever enters the gate's inputs or state.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { spawnSync } from "node:child_process";

export interface PhaseGateInputs {
  stack: string;
  phase: string;
  rehearsal: boolean;
  /** The phase the program planned from (the stack's phase before this update). */
  from: string | undefined;
  /** Command (argv) that runs the preflight; the stack and `--phase <phase>` are appended. */
  checkCommand: string[];
}

export type PhaseGateOutputs = PhaseGateInputs & { preflight: string };

export const phaseGateProvider: dynamic.ResourceProvider<PhaseGateInputs, PhaseGateOutputs> = {
  async check(olds, news) {
    const phases = ["replicate", "freeze", "cutover", "done"];
    const failures: dynamic.CheckFailure[] = [];
    const to = phases.indexOf(String(news.phase));
    if (to < 0) {
      failures.push({ property: "phase", reason: `unknown phase "${String(news.phase)}"` });
      return { inputs: news, failures };
    }
    const previous = (olds as Partial<PhaseGateInputs>).phase;
    if (previous === undefined) {
      if (to !== 0) {
        failures.push({
          property: "phase",
          reason: `the move starts at "replicate"; set baremetal:migration.phase to replicate first (asked for "${news.phase}")`,
        });
      }
    } else {
      const from = phases.indexOf(previous);
      const step = to - from;
      if (step === -1 && !news.rehearsal) {
        failures.push({
          property: "phase",
          reason: `going back from "${previous}" to "${news.phase}" is only allowed in a rehearsal (baremetal:migration.rehearsal on a staging estate)`,
        });
      } else if (step > 1 || step < -1) {
        failures.push({
          property: "phase",
          reason: `cannot go from "${previous}" to "${news.phase}": advance one phase at a time (next is "${phases[from + 1] ?? previous}")`,
        });
      } else if (step !== 0 && news.from !== previous) {
        // The plan (EKS wave order, reconfig steps) was made for another starting phase.
        failures.push({
          property: "phase",
          reason: `the stack is in "${previous}" but the plan starts from "${String(news.from)}"; set baremetal:migration.walkBack to match the direction of this change`,
        });
      }
    }
    return failures.length > 0 ? { inputs: news, failures } : { inputs: news };
  },

  async diff(_id, olds, news) {
    const changed =
      olds.phase !== news.phase ||
      olds.stack !== news.stack ||
      olds.rehearsal !== news.rehearsal ||
      olds.from !== news.from ||
      JSON.stringify(olds.checkCommand) !== JSON.stringify(news.checkCommand);
    return { changes: changed };
  },

  async create(inputs) {
    // The first deployment is `replicate` (check enforces it): nothing to prove yet.
    return { id: `phase-gate-${inputs.stack}`, outs: { ...inputs, preflight: "not needed" } };
  },

  async update(_id, olds, news) {
    const phases = ["replicate", "freeze", "cutover", "done"];
    const forward = phases.indexOf(news.phase) > phases.indexOf(olds.phase);
    if (!forward) return { outs: { ...news, preflight: "not needed" } };
    const [command, ...args] = news.checkCommand;
    if (command === undefined) throw new Error("phase gate: no preflight command");
    const run = spawnSync(command, [...args, news.stack, "--phase", news.phase], {
      encoding: "utf8",
      env: process.env,
      timeout: 10 * 60 * 1000,
    });
    const report = `${run.stdout ?? ""}${run.stderr ?? ""}`.trim();
    if (run.error || run.status !== 0) {
      throw new Error(
        `phase gate: "${olds.phase}" -> "${news.phase}" blocked by the preflight; nothing downstream was changed.\n${report || String(run.error)}`,
      );
    }
    return { outs: { ...news, preflight: report } };
  },

  async read(id, props) {
    return { id, props };
  },

  async delete() {
    // Nothing exists outside the state.
  },
};
