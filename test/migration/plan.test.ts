/**
 * The pure plan of the move off AWS: what each phase declares for every layer, which transitions
 * are allowed, and the reconfig steps of the replica set.
 */
import fc from "fast-check";
import { MIGRATION_PHASES, type MigrationPhase } from "../../components/config/migration";
import { membersFor, planMigration, transitionProblem } from "../../components/plan/migration";
import {
  memberSteps,
  membershipProblems,
  votingChanges,
  type ReplicaMember,
} from "../../components/plan/migrationMembers";
import { runbookMinutes } from "../../components/plan/migrationRunbook";
import { inPhase, stackMigration } from "./fixtures";

const production = stackMigration("production");
const staging = stackMigration("staging");
const DC = ["mongo-1", "mongo-2", "mongo-3"].map((n) => `${n}.sp1.internal.example.com:27017`);
const AWS = [
  "mongo-0.mongo.production.svc.cluster.local:27017",
  "mongo-1.mongo.production.svc.cluster.local:27017",
  "mongo-2.mongo.production.svc.cluster.local:27017",
];
const AWS_HIDDEN = "mongo-hidden.mongo.production.svc.cluster.local:27017";

function expectSafeSteps(from: ReplicaMember[], steps: ReplicaMember[][]): void {
  let previous = from;
  for (const step of steps) {
    expect(membershipProblems(step)).toEqual([]);
    expect(votingChanges(previous, step)).toBeLessThanOrEqual(1);
    previous = step;
  }
}

describe("replicate", () => {
  const plan = planMigration(inPhase(production, "replicate"));

  test("the new members join hidden, priority 0, non-voting, beside the AWS members", () => {
    expect(plan.mongodb.members).toEqual(
      expect.arrayContaining([
        ...DC.map((host) => ({ host, priority: 0, votes: 0, hidden: true })),
        ...AWS.map((host) => ({ host, priority: 1, votes: 1, hidden: false })),
        { host: AWS_HIDDEN, priority: 0, votes: 1, hidden: true },
      ]),
    );
    expect(plan.mongodb.members).toHaveLength(7);
    // Non-voting additions touch no vote: one reconfig is enough.
    expect(plan.mongodb.steps).toHaveLength(1);
    expect(votingChanges(membersFor(production, undefined), plan.mongodb.steps[0] ?? [])).toBe(0);
  });

  test("Harbor replicates every ECR repository; access is open, records on AWS; EKS keeps its sizes", () => {
    expect(plan.harbor.ecrReplication).toEqual({
      enabled: true,
      registryUrl: "https://api.ecr.sa-east-1.amazonaws.com",
      region: "sa-east-1",
      repositories: production.aws.ecr.repositories,
      project: "aws",
    });
    expect(plan.cloudflare.maintenance).toBe(false);
    expect(new Set(plan.cloudflare.records.map((r) => r.target))).toEqual(new Set(["aws"]));
    expect(plan.eks.nodeGroups.map((g) => [g.name, g.desiredSize, g.minSize, g.maxSize])).toEqual([
      ["workers", 4, 3, 6],
      ["system", 1, 1, 2],
    ]);
    expect(plan.snapshots).toEqual([]);
    expect(plan.preflight).toEqual({
      images: [],
      maxReplicationLagSeconds: undefined,
      snapshots: [],
    });
  });
});

describe("freeze", () => {
  const plan = planMigration(inPhase(production, "freeze"));

  test("access is cut with the team allowlisted; workers reach 0 before the system groups", () => {
    expect(plan.cloudflare.maintenance).toBe(true);
    expect(plan.cloudflare.allowlist).toEqual(["203.0.113.64/27", "198.51.100.0/30"]);
    expect(plan.eks.nodeGroups).toEqual([
      { name: "workers", role: "worker", desiredSize: 0, minSize: 0, maxSize: 6, wave: 1 },
      { name: "system", role: "system", desiredSize: 0, minSize: 0, maxSize: 2, wave: 2 },
    ]);
    expect(plan.mongodb.steps).toEqual([]);
  });

  test("entering freeze requires every image in Harbor and replication within 10 s", () => {
    expect(plan.preflight.images).toEqual(production.migration.images);
    expect(plan.preflight.maxReplicationLagSeconds).toBe(10);
    expect(plan.preflight.snapshots).toEqual([]);
  });

  test("the runbook checks first, cuts access, then scales in two waves", () => {
    expect(plan.runbook.map((s) => s.layer)).toEqual(["preflight", "cloudflare", "eks", "eks"]);
    expect(plan.runbook[2]?.changes).toBe("payments-production: workers desired 0/min 0");
  });
});

describe("cutover", () => {
  const plan = planMigration(inPhase(production, "cutover"));
  const replicate = membersFor(production, "replicate");

  test("every data volume is snapshotted", () => {
    expect(plan.snapshots.map((s) => s.volumeId)).toEqual(
      production.aws.volumes.map((v) => v.volumeId),
    );
  });

  test("the new members take the votes one reconfig at a time and the AWS members leave", () => {
    expectSafeSteps(replicate, plan.mongodb.steps);
    expect(plan.mongodb.steps.at(-1)).toEqual(plan.mongodb.members);
    expect(plan.mongodb.members).toEqual(
      DC.map((host) => ({ host, priority: 2, votes: 1, hidden: false })),
    );
    // Seven voters at most (4 AWS + 3 new): all new members vote before any AWS member loses
    // its vote, so the primary can move to them by priority takeover.
    const firstDemotion = plan.mongodb.steps.findIndex((step) =>
      step.some((m) => AWS.includes(m.host) && m.votes === 0),
    );
    const lastPromotion = plan.mongodb.steps.findIndex((step) =>
      DC.every((host) => step.some((m) => m.host === host && m.votes === 1)),
    );
    expect(lastPromotion).toBeGreaterThanOrEqual(0);
    expect(lastPromotion).toBeLessThan(firstDemotion);
    // 3 promotions + 4 demotions + the final removal of the AWS members.
    expect(plan.mongodb.steps).toHaveLength(8);
  });

  test("access stays cut; the preflight repeats the image and lag checks", () => {
    expect(plan.cloudflare.maintenance).toBe(true);
    expect(plan.preflight.images).toHaveLength(5);
    expect(plan.preflight.maxReplicationLagSeconds).toBe(10);
  });
});

describe("done", () => {
  const plan = planMigration(inPhase(production, "done"));

  test("records point at the data center and access reopens; ECR replication stops", () => {
    expect(plan.cloudflare.records).toEqual([
      {
        name: "api.example.com",
        type: "A",
        content: "198.51.100.2",
        proxied: true,
        target: "datacenter",
      },
      {
        name: "app.example.com",
        type: "A",
        content: "198.51.100.2",
        proxied: true,
        target: "datacenter",
      },
      {
        name: "webhooks.example.com",
        type: "A",
        content: "198.51.100.2",
        proxied: true,
        target: "datacenter",
      },
    ]);
    expect(plan.cloudflare.maintenance).toBe(false);
    expect(plan.harbor.ecrReplication.enabled).toBe(false);
    expect(plan.mongodb.steps).toEqual([]);
  });

  test("entering done requires the snapshots", () => {
    expect(plan.preflight.snapshots.map((s) => s.name)).toEqual(
      production.aws.volumes.map((v) => v.name),
    );
  });
});

describe("transitions", () => {
  const pairs = MIGRATION_PHASES.flatMap((from) =>
    MIGRATION_PHASES.map((to) => [from, to] as const),
  );

  test.each(pairs)("%s -> %s", (from, to) => {
    const step = MIGRATION_PHASES.indexOf(to) - MIGRATION_PHASES.indexOf(from);
    const production = transitionProblem(from, to, false);
    const rehearsal = transitionProblem(from, to, true);
    if (step === 0 || step === 1) {
      expect(production).toBeUndefined();
      expect(rehearsal).toBeUndefined();
    } else if (step === -1) {
      expect(production).toMatch(/only allowed in a rehearsal/);
      expect(rehearsal).toBeUndefined();
    } else {
      expect(production).toMatch(/advance one phase at a time/);
      expect(rehearsal).toMatch(/advance one phase at a time/);
    }
  });

  test("the first deployment starts at replicate", () => {
    expect(transitionProblem(undefined, "replicate", false)).toBeUndefined();
    expect(transitionProblem(undefined, "freeze", true)).toMatch(/starts at "replicate"/);
  });

  test("planning a skipped phase throws with the config key", () => {
    expect(() => planMigration(inPhase(production, "done"), "freeze")).toThrow(
      /baremetal:migration.phase: cannot go from "freeze" to "done"/,
    );
    expect(() => planMigration(inPhase(production, "freeze"), "cutover")).toThrow(/rehearsal/);
  });
});

describe("walking back (staging rehearsal)", () => {
  test("cutover -> freeze gives the votes back to AWS one at a time", () => {
    const plan = planMigration(inPhase(staging, "freeze", true));
    expect(plan.from).toBe("cutover");
    expectSafeSteps(membersFor(staging, "cutover"), plan.mongodb.steps);
    expect(plan.mongodb.steps.at(-1)).toEqual(membersFor(staging, "freeze"));
    expect(plan.runbook.map((s) => s.layer)).toContain("mongodb");
    expect(plan.preflight).toEqual({
      images: [],
      maxReplicationLagSeconds: undefined,
      snapshots: [],
    });
  });

  test("freeze -> replicate scales the system groups up before the workers", () => {
    const plan = planMigration(inPhase(staging, "replicate", true));
    expect(plan.eks.nodeGroups.map((g) => [g.name, g.desiredSize, g.wave])).toEqual([
      ["workers", 2, 2],
      ["system", 1, 1],
    ]);
    expect(plan.runbook.filter((s) => s.layer === "eks").map((s) => s.title)).toEqual([
      "Scale EKS node groups (wave 1: system)",
      "Scale EKS node groups (wave 2: worker)",
    ]);
  });
});

describe("memberSteps", () => {
  const host = fc.integer({ min: 0, max: 11 }).map((i) => `m${i}.example.com:27017`);
  const member = fc
    .record({
      host,
      votes: fc.constantFrom(0 as const, 1 as const),
      hidden: fc.boolean(),
      priority: fc.integer({ min: 0, max: 5 }),
    })
    .map((m) => ({ ...m, priority: m.votes === 0 || m.hidden ? 0 : Math.max(1, m.priority) }));
  const membership = fc
    .uniqueArray(member, { selector: (m) => m.host, minLength: 1, maxLength: 10 })
    .filter((ms) => membershipProblems(ms).length === 0);

  test("every step is a valid membership with at most one voting change, ending at the target", () => {
    fc.assert(
      fc.property(membership, membership, (from, to) => {
        const steps = memberSteps(from, to);
        expectSafeSteps(from, steps);
        if (steps.length > 0) {
          expect([...(steps.at(-1) ?? [])].sort((a, b) => a.host.localeCompare(b.host))).toEqual(
            [...to].sort((a, b) => a.host.localeCompare(b.host)),
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  test("an invalid target is refused", () => {
    const hiddenPrimary = [{ host: "a:27017", priority: 1, votes: 1 as const, hidden: true }];
    expect(() => memberSteps([], hiddenPrimary)).toThrow(/hidden or non-voting but has priority 1/);
  });
});

test("the runbooks of freeze, cutover and done list every step with a duration", () => {
  const phases: MigrationPhase[] = ["freeze", "cutover", "done"];
  for (const phase of phases) {
    const plan = planMigration(inPhase(production, phase));
    expect(plan.runbook.length).toBeGreaterThan(2);
    for (const step of plan.runbook) expect(step.expectedMinutes).toBeGreaterThanOrEqual(0);
    expect(runbookMinutes(plan.runbook)).toBeGreaterThan(0);
  }
});
