/**
 * `npm run cutover:check -- <stack> [--phase <phase>] [--stack-file FILE]`
 *
 * The preflight of the move off AWS for the stack's next phase (or `--phase`): every image the
 * workloads run is in Harbor with ECR's digest, every MongoDB member is a secondary within the
 * lag bound, and (entering `done`) every cutover snapshot is complete. Prints what blocks and
 * exits 1 when anything does; the phase gate runs this before it lets a phase change through.
 *
 * Credentials from the environment: the AWS SDK's default chain (AWS_PROFILE…), HARBOR_USERNAME
 * and HARBOR_PASSWORD, MONGODB_URI.
 */
import * as path from "node:path";
import { CONFIG_NAMESPACE } from "../components/config/issues";
import { MIGRATION_PHASES, type MigrationPhase } from "../components/config/migration";
import { SECRET_KEYS } from "../components/config/schema";
import { validateStackConfig, type RawStackConfig } from "../components/config/validate";
import { clientsFromEnvironment, runPreflight } from "../components/migration/check";
import { formatPreflight } from "../components/migration/preflight";
import { planDataCenter } from "../components/plan";
import { readStackFile } from "./offline/stackFile";

function rawConfig(file: string): RawStackConfig {
  const prefix = `${CONFIG_NAMESPACE}:`;
  const raw: RawStackConfig = {};
  for (const [key, value] of Object.entries(readStackFile(file).values)) {
    if (!key.startsWith(prefix)) continue;
    try {
      raw[key.slice(prefix.length)] = JSON.parse(value) as unknown;
    } catch {
      raw[key.slice(prefix.length)] = value;
    }
  }
  return raw;
}

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

async function main(argv: string[]): Promise<number> {
  const values = new Set([option(argv, "--phase"), option(argv, "--stack-file")]);
  const [stack] = argv.filter((a) => !a.startsWith("--") && !values.has(a));
  if (!stack) {
    console.error("usage: npm run cutover:check -- <stack> [--phase <phase>] [--stack-file FILE]");
    return 2;
  }
  const file =
    option(argv, "--stack-file") ?? path.resolve(__dirname, "..", `Pulumi.${stack}.yaml`);
  const { config, issues } = validateStackConfig(rawConfig(file), new Set(SECRET_KEYS));
  if (!config) {
    console.error(`Configuration is invalid (${issues.length} problems):`);
    for (const issue of issues) console.error(`  - ${issue.path}: ${issue.message}`);
    return 1;
  }
  const input = planDataCenter(config).migration;
  if (!input) {
    console.error(
      `stack ${stack} has no baremetal:migration (with baremetal:aws and baremetal:cloudflare)`,
    );
    return 1;
  }
  const asked = option(argv, "--phase");
  const current = input.migration.phase;
  const next =
    MIGRATION_PHASES[Math.min(MIGRATION_PHASES.indexOf(current) + 1, MIGRATION_PHASES.length - 1)];
  const phase = (asked ?? next) as MigrationPhase;
  if (!MIGRATION_PHASES.includes(phase)) {
    console.error(`unknown phase "${phase}" (one of ${MIGRATION_PHASES.join(", ")})`);
    return 2;
  }
  const result = await runPreflight(input, phase, clientsFromEnvironment(input));
  console.log(formatPreflight(phase, result));
  return result.ok ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
