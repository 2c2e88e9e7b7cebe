/**
 * Registers the migration layer of a stack in one phase under the offline engine (Pulumi mocks
 * that record every registration), and waits until every registration has completed.
 */
import * as pulumi from "@pulumi/pulumi";
import { MigrationLayer } from "../../components/migration";
import type { MigrationInput } from "../../components/plan/migration";
import { startOfflineEngine, type RecordedResource } from "../../scripts/offline/engine";

export interface PhaseRun {
  resources: RecordedResource[];
  layer: MigrationLayer;
  /** The backup credentials output, resolved, and whether it is secret. */
  backupCredentials: { value: unknown; secret: boolean };
  harborSecretIsSecret: boolean;
}

export async function registerMigration(stack: string, input: MigrationInput): Promise<PhaseRun> {
  const engine = await startOfflineEngine({ project: "baremetal", stack, preview: true });
  let layer: MigrationLayer | undefined;
  await pulumi.runtime.runInPulumiStack(() => {
    layer = new MigrationLayer("migration", {
      input,
      stack,
      cloudflareApiToken: pulumi.secret("offline-cloudflare-token"),
    });
    return Promise.resolve({});
  });
  if (!layer) throw new Error("the layer was not constructed");
  const credentials = layer.backupCredentials;
  const value = await new Promise<unknown>((resolve) => credentials.apply(resolve));
  const run: PhaseRun = {
    resources: engine.resources,
    layer,
    backupCredentials: { value, secret: await pulumi.isSecret(credentials) },
    harborSecretIsSecret: await pulumi.isSecret(layer.harborEcrReplication.secretAccessKey),
  };
  await pulumi.runtime.disconnect();
  return run;
}

export function ofType(run: PhaseRun, type: string): RecordedResource[] {
  return run.resources.filter((r) => r.type === type);
}

export function one(run: PhaseRun, type: string, name: string): RecordedResource {
  const found = run.resources.find((r) => r.type === type && r.name === name);
  if (!found) throw new Error(`not registered: ${type} ${name}`);
  return found;
}
