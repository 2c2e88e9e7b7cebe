/**
 * Applies a rendered ServiceProvisioning: one `command.remote.Command` per step, in order, over
 * SSH to the guest's Proxmox host and `pct exec` into the container. Each step re-runs only when
 * its rendered program changes (a content hash in `triggers`); its program, which may hold
 * secret file contents, is stdin and secret in state; its output is secret in state.
 */
import * as command from "@pulumi/command";
import * as pulumi from "@pulumi/pulumi";
import { renderStepProgram, stepHasSecrets, stepHash } from "./script";
import { guestCommand, hostCommand, type GuestTarget } from "./transport";
import type { ProvisionStep, ServiceProvisioning } from "./types";

/** SSH access to the Proxmox hosts (the same identity the compute layer's provider uses). */
export interface HostAccess {
  readonly user: string;
  readonly privateKey: pulumi.Input<string>;
  /** Management address of every Proxmox host, by node name. */
  readonly addresses: Readonly<Record<string, string>>;
}

export interface StepPlan {
  /** Step names in order; they name the resources, so they must be known before rendering. */
  readonly steps: readonly string[];
  readonly hostSteps?: readonly string[];
}

function findStep(steps: readonly ProvisionStep[] | undefined, name: string, guest: string) {
  const step = steps?.find((s) => s.name === name);
  if (!step) throw new Error(`${guest}: the rendered provisioning has no step "${name}"`);
  return step;
}

/** Step names of a provisioning known in full at construction time. */
export function planOf(provisioning: ServiceProvisioning): StepPlan {
  return {
    steps: provisioning.steps.map((s) => s.name),
    ...(provisioning.hostSteps ? { hostSteps: provisioning.hostSteps.map((s) => s.name) } : {}),
  };
}

/**
 * Creates the step commands under `parent` and returns the last one (what dependants wait for).
 * Host steps run first: they prepare the kernel the container shares.
 */
export function applyProvisioning(
  parent: pulumi.Resource,
  target: GuestTarget,
  access: HostAccess,
  plan: StepPlan,
  provisioning: pulumi.Input<ServiceProvisioning>,
  dependsOn: pulumi.Input<pulumi.Resource>[],
): command.remote.Command[] {
  const address = access.addresses[target.host];
  if (!address) throw new Error(`${target.guest}: no management address for host ${target.host}`);
  const connection = {
    host: address,
    user: access.user,
    privateKey: pulumi.secret(access.privateKey),
    // A host that does not answer fails the step after a few attempts, not after minutes.
    dialErrorLimit: 5,
    perDialTimeout: 15,
  };
  const rendered = pulumi.output(provisioning);
  const created: command.remote.Command[] = [];
  let previous: pulumi.Input<pulumi.Resource>[] = dependsOn;
  const addStep = (name: string, onHost: boolean): void => {
    const step = rendered.apply((p) =>
      findStep(onHost ? p.hostSteps : p.steps, name, target.guest),
    );
    const program = step.apply((s) => renderStepProgram(target.guest, s));
    const secret = pulumi.unsecret(step).apply(stepHasSecrets);
    const resourceName = `${target.guest}-${onHost ? "host-" : ""}${name}`;
    const cmd = new command.remote.Command(
      resourceName,
      {
        connection,
        create: onHost ? hostCommand() : guestCommand(target, name),
        // The program holds secret file contents: always secret in state.
        stdin: pulumi.secret(program),
        // The hash says when to re-run without revealing anything; kept readable for diffs.
        triggers: [pulumi.unsecret(step.apply((s) => stepHash(target.guest, s)))],
        // Scripts never print secrets, but tools may echo what they were given: a step that
        // carries secrets logs only stderr (where the failure line goes).
        logging: secret.apply((s) => (s ? "stderr" : "stdoutAndStderr")),
        addPreviousOutputInEnv: false,
      },
      { parent, dependsOn: previous, additionalSecretOutputs: ["stdout", "stderr"] },
    );
    created.push(cmd);
    previous = [cmd];
  };
  for (const name of plan.hostSteps ?? []) addStep(name, true);
  for (const name of plan.steps) addStep(name, false);
  return created;
}
