/**
 * The move off AWS as one layer: the phase gate first, then the Cloudflare zone (records and the
 * maintenance rule) and the AWS estate (EKS scaling after the access cut, snapshots after the
 * scale-down, Harbor's ECR pull identity, the off-site backup bucket), all built from the plan of
 * the selected phase. The replica-set membership and Harbor's replication input are exposed for
 * the MongoDB and Harbor components; they should depend on `gate` as the layers here do.
 */
import * as pulumi from "@pulumi/pulumi";
import { AwsEstateLayer, type BackupCredentials, type EcrReplicationEndpoint } from "../aws";
import { PublicZone } from "../cloudflare";
import { planMigration, type MigrationInput, type MigrationPlan } from "../plan/migration";
import { PhaseGate } from "./phaseGate";

export { PhaseGate, phaseGateProvider } from "./phaseGate";

export interface MigrationLayerArgs {
  input: MigrationInput;
  stack: string;
  cloudflareApiToken: pulumi.Input<string>;
  /** Overrides the preflight command the gate runs (tests). */
  checkCommand?: string[];
}

export class MigrationLayer extends pulumi.ComponentResource {
  readonly plan: MigrationPlan;
  readonly gate: PhaseGate;
  readonly zone: PublicZone;
  readonly aws: AwsEstateLayer;
  /** For the Harbor component's optional ECR pull replication (secret key inside). */
  readonly harborEcrReplication: EcrReplicationEndpoint;
  /** Secret: the backup jobs' bucket, region and access key. */
  readonly backupCredentials: pulumi.Output<BackupCredentials>;

  constructor(name: string, args: MigrationLayerArgs, opts?: pulumi.ComponentResourceOptions) {
    super("baremetal:migration:Migration", name, {}, opts);
    const { input } = args;
    this.plan = planMigration(input);
    this.gate = new PhaseGate(
      "phase",
      {
        stack: args.stack,
        phase: this.plan.phase,
        rehearsal: input.migration.rehearsal,
        from: this.plan.from,
        ...(args.checkCommand ? { checkCommand: args.checkCommand } : {}),
      },
      { parent: this },
    );
    const adoptRecords = Object.fromEntries(
      input.cloudflare.records.flatMap((r) => (r.cloudflareId ? [[r.name, r.cloudflareId]] : [])),
    );
    this.zone = new PublicZone(
      "public-zone",
      {
        plan: this.plan.cloudflare,
        adoptRecords,
        ...(input.cloudflare.firewallRulesetId
          ? { adoptRulesetId: input.cloudflare.firewallRulesetId }
          : {}),
        apiToken: args.cloudflareApiToken,
        after: [this.gate],
      },
      { parent: this },
    );
    this.aws = new AwsEstateLayer(
      "aws",
      {
        estate: input.aws,
        plan: this.plan,
        rehearsal: input.migration.rehearsal,
        // Capacity goes only once the public is kept out; the rule itself waits for the gate.
        scaleAfter: [this.gate, this.zone.maintenance],
      },
      { parent: this },
    );
    this.harborEcrReplication = this.aws.ecrReplication;
    this.backupCredentials = this.aws.backups.credentials;
    this.registerOutputs({ phase: this.plan.phase });
  }
}
