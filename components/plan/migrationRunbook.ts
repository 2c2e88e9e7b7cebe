/**
 * The runbook of one phase: what a person runs or watches, what each step changes and how long it
 * is expected to take. For scale: the company's own move took 17 minutes, of which about 10 were
 * lost to outdated images — which the preflight now rules out.
 */
import type { MigrationPlan } from "./migration";

export interface RunbookStep {
  title: string;
  /** What the step changes, in the words of the layer it touches. */
  changes: string;
  layer: "preflight" | "cloudflare" | "eks" | "ebs" | "mongodb" | "harbor" | "datacenter" | "team";
  expectedMinutes: number;
}

type PlanWithoutRunbook = Omit<MigrationPlan, "runbook">;

function preflightSteps(plan: PlanWithoutRunbook): RunbookStep[] {
  const { images, maxReplicationLagSeconds, snapshots } = plan.preflight;
  const checks = [
    images.length > 0 ? `${images.length} images in Harbor with ECR's digest` : undefined,
    maxReplicationLagSeconds !== undefined
      ? `replication lag <= ${maxReplicationLagSeconds}s on every member`
      : undefined,
    snapshots.length > 0 ? `${snapshots.length} EBS snapshots completed` : undefined,
  ].filter((c): c is string => c !== undefined);
  if (checks.length === 0) return [];
  return [
    {
      title: "Preflight (the phase gate runs it again before anything changes)",
      changes: `nothing; blocks unless: ${checks.join("; ")}`,
      layer: "preflight",
      expectedMinutes: 1,
    },
  ];
}

function scaleSteps(plan: PlanWithoutRunbook): RunbookStep[] {
  return ([1, 2] as const).flatMap((wave) => {
    const groups = plan.eks.nodeGroups.filter((g) => g.wave === wave);
    if (groups.length === 0) return [];
    const sizes = groups.map((g) => `${g.name} desired ${g.desiredSize}/min ${g.minSize}`);
    return [
      {
        title: `Scale EKS node groups (wave ${wave}: ${groups[0]?.role ?? ""})`,
        changes: `${plan.eks.clusterName}: ${sizes.join(", ")}`,
        layer: "eks" as const,
        expectedMinutes: 2,
      },
    ];
  });
}

function memberStepsRunbook(plan: PlanWithoutRunbook): RunbookStep[] {
  return plan.mongodb.steps.map((members, i) => ({
    title: `Replica set ${plan.mongodb.replicaSet} reconfig ${i + 1}/${plan.mongodb.steps.length}`,
    changes: members
      .map((m) => `${m.host} p${m.priority} v${m.votes}${m.hidden ? " hidden" : ""}`)
      .join(", "),
    layer: "mongodb" as const,
    // A reconfig commits in seconds; the wait is for the majority to install it.
    expectedMinutes: 0.5,
  }));
}

export function runbookFor(plan: PlanWithoutRunbook): RunbookStep[] {
  const records = plan.cloudflare.records
    .map((r) => `${r.name} ${r.type} ${r.content}${r.proxied ? " (proxied)" : ""}`)
    .join(", ");
  const allowlist = plan.cloudflare.allowlist.join(", ");
  switch (plan.phase) {
    case "replicate":
      return [
        {
          title: "Harbor pulls every ECR repository",
          changes: `replication from ${plan.harbor.ecrReplication.registryUrl} into project ${plan.harbor.ecrReplication.project}: enabled`,
          layer: "harbor",
          expectedMinutes: 10,
        },
        ...memberStepsRunbook(plan),
        // Only when walking back from freeze in a rehearsal: EKS gets its capacity back.
        ...(plan.from === "freeze" ? scaleSteps(plan) : []),
        {
          title: "Cloudflare access open, records on AWS",
          changes: `maintenance rule disabled; ${records}`,
          layer: "cloudflare",
          expectedMinutes: 1,
        },
        {
          title: "Watch the new members reach SECONDARY and the lag settle (days, not minutes)",
          changes: "nothing; `npm run cutover:check -- <stack>` until it passes",
          layer: "team",
          expectedMinutes: 0,
        },
      ];
    case "freeze":
      return [
        ...preflightSteps(plan),
        {
          title: plan.cloudflare.maintenance
            ? "Cut access at Cloudflare"
            : "Reopen access at Cloudflare",
          changes: `maintenance rule ${plan.cloudflare.maintenance ? `enabled (${plan.cloudflare.style}), allowlist ${allowlist}` : "disabled"}`,
          layer: "cloudflare",
          expectedMinutes: 1,
        },
        ...scaleSteps(plan),
        // Only when walking back from cutover in a rehearsal: the AWS members take the votes back.
        ...memberStepsRunbook(plan),
      ];
    case "cutover":
      return [
        ...preflightSteps(plan),
        ...(plan.from === "done"
          ? [
              {
                title: "Cut access again and point the records back at AWS (rehearsal)",
                changes: `maintenance rule enabled; ${records}`,
                layer: "cloudflare" as const,
                expectedMinutes: 1,
              },
            ]
          : []),
        ...(plan.snapshots.length > 0
          ? [
              {
                title: "Snapshot the data volumes (kept after the move)",
                changes: plan.snapshots.map((s) => `${s.name} (${s.volumeId})`).join(", "),
                layer: "ebs" as const,
                expectedMinutes: 3,
              },
            ]
          : []),
        ...memberStepsRunbook(plan),
        {
          title: "Scale up the services in the data center (Argo CD sync from Harbor images)",
          changes: "workloads start in microk8s against the new primary",
          layer: "datacenter",
          expectedMinutes: 3,
        },
      ];
    case "done":
      return [
        ...preflightSteps(plan),
        {
          title: "Point the public records at the data center",
          changes: records,
          layer: "cloudflare",
          expectedMinutes: 1,
        },
        {
          title: plan.cloudflare.maintenance ? "Keep access cut" : "Reopen access at Cloudflare",
          changes: `maintenance rule ${plan.cloudflare.maintenance ? "enabled" : "disabled"}; ECR replication ${plan.harbor.ecrReplication.enabled ? "on" : "off"}`,
          layer: "cloudflare",
          expectedMinutes: 1,
        },
        {
          title: "Test absolutely everything (payments, webhooks, logins, dashboards)",
          changes: "nothing",
          layer: "team",
          expectedMinutes: 5,
        },
      ];
  }
}

/** Sum of the steps' expected durations. */
export function runbookMinutes(steps: readonly RunbookStep[]): number {
  return steps.reduce((sum, s) => sum + s.expectedMinutes, 0);
}
