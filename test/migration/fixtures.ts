/** The real stacks' migration input, and copies of it in another phase. */
import type { MigrationPhase } from "../../components/config/migration";
import { parseStackConfig } from "../../components/config/validate";
import { planDataCenter } from "../../components/plan";
import type { MigrationInput } from "../../components/plan/migration";
import { allSecrets, rawStackConfig, type StackName } from "../support/stackConfig";

export function stackMigration(stack: StackName): MigrationInput {
  const input = planDataCenter(parseStackConfig(rawStackConfig(stack), allSecrets())).migration;
  if (!input) throw new Error(`stack ${stack} has no migration`);
  return input;
}

export function inPhase(
  input: MigrationInput,
  phase: MigrationPhase,
  walkBack = false,
): MigrationInput {
  return { ...input, migration: { ...input.migration, phase, walkBack } };
}
