/**
 * The staging rehearsal: the migration layer walks every phase forward and back under mocks, and
 * each phase registers what it must — EKS sizes and their order, snapshots, the Cloudflare rule
 * and records, the phase gate — and plans the replica set's memberships.
 */
import type { MigrationPhase } from "../../components/config/migration";
import { membershipProblems, votingChanges } from "../../components/plan/migrationMembers";
import { plaintextOccurrences } from "../support/preview";
import { inPhase, stackMigration } from "./fixtures";
import { one, ofType, registerMigration, type PhaseRun } from "./harness";

const staging = stackMigration("staging");
const NODE_GROUP = "aws:eks/nodeGroup:NodeGroup";
const SNAPSHOT = "aws:ebs/snapshot:Snapshot";
const RULESET = "cloudflare:index/ruleset:Ruleset";
const RECORD = "cloudflare:index/dnsRecord:DnsRecord";
const GATE = "pulumi-nodejs:dynamic/migration:PhaseGate";
const DC = staging.datacenterMembers;
const AWS_MEMBER = "mongo-0.mongo.staging.svc.cluster.local:27017";

const WALK: { phase: MigrationPhase; walkBack: boolean }[] = [
  { phase: "replicate", walkBack: false },
  { phase: "freeze", walkBack: false },
  { phase: "cutover", walkBack: false },
  { phase: "done", walkBack: false },
  { phase: "cutover", walkBack: true },
  { phase: "freeze", walkBack: true },
  { phase: "replicate", walkBack: true },
];
const runs: PhaseRun[] = [];

beforeAll(async () => {
  for (const step of WALK) {
    runs.push(await registerMigration("staging", inPhase(staging, step.phase, step.walkBack)));
  }
}, 180_000);

const label = (i: number) => `${WALK[i]?.phase ?? ""}${WALK[i]?.walkBack ? " (back)" : ""}`;
const indexes = WALK.map((_, i) => [label(i), i] as const);

function sizes(run: PhaseRun): Record<string, [number, number, number]> {
  return Object.fromEntries(
    ofType(run, NODE_GROUP).map((g) => {
      const s = g.inputs["scalingConfig"] as {
        desiredSize: number;
        minSize: number;
        maxSize: number;
      };
      return [g.name, [s.desiredSize, s.minSize, s.maxSize]];
    }),
  );
}

test.each(indexes)("%s: EKS node groups are adopted, protected and only scaled", (_, i) => {
  const run = runs[i] as PhaseRun;
  const down = WALK[i]?.phase !== "replicate";
  expect(sizes(run)).toEqual(
    down ? { workers: [0, 0, 3], system: [0, 0, 1] } : { workers: [2, 1, 3], system: [1, 1, 1] },
  );
  for (const group of ofType(run, NODE_GROUP)) {
    expect(group.importId).toBe(`payments-staging:${group.name}`);
    expect(group.protect).toBe(true);
    expect(group.ignoreChanges).toContain("subnetIds");
    expect(group.ignoreChanges).not.toContain("scalingConfig");
  }
});

test("freeze: workers scale down after the access cut, system groups after the workers", () => {
  const run = runs[1] as PhaseRun;
  const workers = one(run, NODE_GROUP, "workers");
  const system = one(run, NODE_GROUP, "system");
  expect(workers.dependencies).toContain(one(run, RULESET, "maintenance").urn);
  expect(system.dependencies).toContain(workers.urn);
  expect(workers.dependencies).not.toContain(system.urn);
});

test("walking back to replicate: the system group comes up before the workers", () => {
  const run = runs[6] as PhaseRun;
  expect(one(run, NODE_GROUP, "workers").dependencies).toContain(
    one(run, NODE_GROUP, "system").urn,
  );
});

test.each(indexes)(
  "%s: snapshots exist from cutover on, retained, after the scale-down",
  (_, i) => {
    const run = runs[i] as PhaseRun;
    const phase = WALK[i]?.phase;
    const snapshots = ofType(run, SNAPSHOT);
    if (phase === "cutover" || phase === "done") {
      expect(snapshots.map((s) => [s.name, s.inputs["volumeId"]])).toEqual([
        ["mongodb-0-data", "vol-0c1d2e3f4a5b6c7d8"],
        ["redis-0-data", "vol-0d2e3f4a5b6c7d8e9"],
      ]);
      for (const s of snapshots) {
        expect(s.retainOnDelete).toBe(true);
        // A rehearsal walks back past cutover: the snapshots leave the state but stay in AWS.
        expect(s.protect).toBe(false);
        expect(s.inputs["tags"]).toEqual(
          expect.objectContaining({ migration: "aws-exit", "migration-volume": s.name }),
        );
        expect(s.dependencies).toEqual(
          expect.arrayContaining(ofType(run, NODE_GROUP).map((g) => g.urn)),
        );
      }
    } else {
      expect(snapshots).toEqual([]);
    }
  },
);

test.each(indexes)("%s: the maintenance rule is on only while the platform is closed", (_, i) => {
  const run = runs[i] as PhaseRun;
  const phase = WALK[i]?.phase;
  const ruleset = one(run, RULESET, "maintenance");
  expect(ruleset.inputs).toEqual(
    expect.objectContaining({
      zoneId: staging.cloudflare.zoneId,
      kind: "zone",
      phase: "http_request_firewall_custom",
    }),
  );
  const [rule] = ruleset.inputs["rules"] as {
    enabled: boolean;
    expression: string;
    action: string;
    actionParameters?: { response: { statusCode: number } };
  }[];
  expect(rule?.enabled).toBe(phase === "freeze" || phase === "cutover");
  expect(rule?.expression).toBe(
    '(http.host in {"api.staging.example.com" "app.staging.example.com"}) and not (ip.src in {203.0.113.64/27})',
  );
  expect(rule?.action).toBe("block");
  expect(rule?.actionParameters?.response.statusCode).toBe(503);
  expect(ruleset.dependencies).toEqual(expect.arrayContaining([one(run, GATE, "phase").urn]));
});

test.each(indexes)("%s: the records point at AWS until done", (_, i) => {
  const run = runs[i] as PhaseRun;
  const done = WALK[i]?.phase === "done";
  for (const record of ofType(run, RECORD)) {
    expect([
      record.inputs["type"],
      record.inputs["content"],
      record.inputs["proxied"],
      record.inputs["ttl"],
    ]).toEqual(
      done
        ? ["A", "198.51.100.6", true, 1]
        : ["CNAME", "k8s-staging-ingress-1234567890.sa-east-1.elb.amazonaws.com", true, 1],
    );
    expect(record.deleteBeforeReplace).toBe(true);
  }
  expect(
    ofType(run, RECORD)
      .map((r) => r.name)
      .sort(),
  ).toEqual(["api.staging.example.com", "app.staging.example.com"]);
});

test.each(indexes)("%s: the phase gate carries the phase and where the plan starts", (_, i) => {
  const run = runs[i] as PhaseRun;
  const gate = one(run, GATE, "phase");
  const expectedFrom = [undefined, "replicate", "freeze", "cutover", "done", "cutover", "freeze"][
    i
  ];
  expect(gate.inputs["phase"]).toBe(WALK[i]?.phase);
  expect(gate.inputs["from"]).toBe(expectedFrom);
  expect(gate.inputs["rehearsal"]).toBe(true);
  expect(gate.inputs["stack"]).toBe("staging");
});

test.each(indexes)("%s: the replica set's membership and its reconfig steps", (_, i) => {
  const { mongodb } = (runs[i] as PhaseRun).layer.plan;
  const phase = WALK[i]?.phase;
  const voters = mongodb.members.filter((m) => m.votes === 1).map((m) => m.host);
  if (phase === "cutover" || phase === "done") {
    expect(voters).toEqual(DC);
    expect(mongodb.members.map((m) => m.host)).not.toContain(AWS_MEMBER);
  } else {
    expect(voters).toEqual([AWS_MEMBER]);
    expect(
      mongodb.members
        .filter((m) => m.hidden && m.votes === 0 && m.priority === 0)
        .map((m) => m.host),
    ).toEqual(DC);
  }
  let previous =
    i === 0
      ? [{ host: AWS_MEMBER, priority: 1, votes: 1 as const, hidden: false }]
      : (runs[i - 1] as PhaseRun).layer.plan.mongodb.members;
  for (const step of mongodb.steps) {
    expect(membershipProblems(step)).toEqual([]);
    expect(votingChanges(previous, step)).toBeLessThanOrEqual(1);
    previous = step;
  }
  expect(previous).toEqual(mongodb.members);
});

test("Harbor's ECR replication is on until done, with a secret key", () => {
  expect(runs.map((r) => r.layer.harborEcrReplication.enabled)).toEqual([
    true,
    true,
    true,
    false,
    true,
    true,
    true,
  ]);
  expect(runs.every((r) => r.harborSecretIsSecret)).toBe(true);
});

test("the backup credentials are secret and nothing offline-secret is registered in plain text", () => {
  for (const run of runs) {
    expect(run.backupCredentials.secret).toBe(true);
    const leaks = run.resources.flatMap((r) =>
      plaintextOccurrences(r.rawInputs, "offline-").map((p) => `${r.type}::${r.name}${p}`),
    );
    expect(leaks).toEqual([]);
  }
  expect(runs[0]?.backupCredentials.value).toEqual({
    bucket: "baremetal-staging-offsite-backups",
    region: "sa-east-1",
    accessKeyId: "backup-writer-id",
    secretAccessKey: expect.stringMatching(/^offline-backup-writer/),
  });
});
