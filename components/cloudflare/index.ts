/**
 * The platform's public zone at Cloudflare: its records (on AWS until `done`, then on the data
 * center) and the maintenance rule that cuts access during the move. Records change before the
 * rule, so access reopens only once the names point at the data center.
 */
import * as cloudflare from "../sdk/cloudflare";
import * as pulumi from "@pulumi/pulumi";
import type { MigrationPlan } from "../plan/migration";
import { maintenanceRule } from "./maintenance";

export { maintenanceExpression, maintenanceRule, maintenancePage } from "./maintenance";

export interface PublicZoneArgs {
  plan: MigrationPlan["cloudflare"];
  /** Record ids already in the zone, by name, adopted instead of created. */
  adoptRecords?: Record<string, string>;
  /** The zone's existing custom-firewall entrypoint ruleset, adopted instead of created. */
  adoptRulesetId?: string;
  apiToken: pulumi.Input<string>;
  /** Resources that must change first (the phase gate). */
  after?: pulumi.Input<pulumi.Resource>[];
}

/** Proxied records must have TTL 1 ("automatic"); others get five minutes for a quick switch. */
export function ttlOf(proxied: boolean): number {
  return proxied ? 1 : 300;
}

export class PublicZone extends pulumi.ComponentResource {
  readonly records: Record<string, cloudflare.DnsRecord> = {};
  readonly maintenance: cloudflare.Ruleset;

  constructor(name: string, args: PublicZoneArgs, opts?: pulumi.ComponentResourceOptions) {
    super("baremetal:cloudflare:PublicZone", name, {}, opts);
    const { plan } = args;
    const provider = new cloudflare.Provider(
      "cloudflare",
      { apiToken: args.apiToken },
      { parent: this },
    );
    for (const record of plan.records) {
      const existing = args.adoptRecords?.[record.name];
      this.records[record.name] = new cloudflare.DnsRecord(
        record.name,
        {
          zoneId: plan.zoneId,
          name: record.name,
          type: record.type,
          content: record.content,
          proxied: record.proxied,
          ttl: ttlOf(record.proxied),
          comment: `platform on ${record.target === "aws" ? "AWS" : "the data center"} (managed by baremetal)`,
        },
        {
          parent: this,
          provider,
          // A name cannot hold a CNAME beside an A record: the old one goes first.
          deleteBeforeReplace: true,
          dependsOn: args.after ?? [],
          ...(existing ? { import: `${plan.zoneId}/${existing}` } : {}),
        },
      );
    }
    const rule = maintenanceRule({
      enabled: plan.maintenance,
      style: plan.style,
      message: plan.message,
      hosts: plan.hosts,
      allowlist: plan.allowlist,
    });
    this.maintenance = new cloudflare.Ruleset(
      "maintenance",
      {
        zoneId: plan.zoneId,
        kind: "zone",
        phase: "http_request_firewall_custom",
        name: "platform maintenance",
        description: "Cuts access to the platform during the move (managed by baremetal)",
        rules: [rule],
      },
      {
        parent: this,
        provider,
        dependsOn: [...(args.after ?? []), ...Object.values(this.records)],
        ...(args.adoptRulesetId ? { import: `zones/${plan.zoneId}/${args.adoptRulesetId}` } : {}),
      },
    );
    this.registerOutputs({});
  }
}
