/**
 * `baremetal:aws`, `baremetal:cloudflare` and `baremetal:migration`: both stack files are valid,
 * the sections are optional, and each mistake is reported at its key path.
 */
import { validateStackConfig, type RawStackConfig } from "../../components/config/validate";
import { allSecrets, rawStackConfig, type StackName } from "../support/stackConfig";

// Stack files are free-form JSON, edited in place by each case.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Editable = Record<string, any>;

function issuesOf(stack: StackName, change: (raw: Editable) => void) {
  const raw = rawStackConfig(stack) as Editable;
  change(raw);
  return validateStackConfig(raw as RawStackConfig, allSecrets()).issues;
}

test.each(["staging", "production"] as const)(
  "the %s stack's migration sections are valid",
  (stack) => {
    const { config, issues } = validateStackConfig(rawStackConfig(stack), allSecrets());
    expect(issues).toEqual([]);
    expect(config?.migration?.maxReplicationLagSeconds).toBe(10);
    expect(config?.aws?.eks.nodeGroups.length).toBe(2);
  },
);

test("a stack without the migration sections is valid", () => {
  expect(
    issuesOf("production", (raw) => {
      delete raw["aws"];
      delete raw["cloudflare"];
      delete raw["migration"];
    }),
  ).toEqual([]);
});

test("a migration needs the estate and the zone", () => {
  expect(
    issuesOf("production", (raw) => {
      delete raw["aws"];
      delete raw["cloudflare"];
    }),
  ).toEqual([
    {
      path: "baremetal:migration",
      message: "needs baremetal:aws (the estate the platform moves from)",
    },
    {
      path: "baremetal:migration",
      message: "needs baremetal:cloudflare (the zone whose access it cuts)",
    },
  ]);
});

test("an image from a repository Harbor does not replicate is reported", () => {
  expect(
    issuesOf("production", (raw) => {
      raw["migration"].images.push("payments/ledger:1.0.0");
    }),
  ).toEqual([
    {
      path: "baremetal:migration.images[5]",
      message:
        'repository "payments/ledger" is not in baremetal:aws.ecr.repositories, so Harbor never replicates it',
    },
  ]);
});

test("production cannot be rehearsed, and walking back needs a rehearsal", () => {
  expect(
    issuesOf("production", (raw) => {
      raw["migration"].rehearsal = true;
    }),
  ).toEqual([
    {
      path: "baremetal:migration.rehearsal",
      message: "only a staging estate may be rehearsed; production advances one phase at a time",
    },
  ]);
  expect(
    issuesOf("production", (raw) => {
      raw["migration"].walkBack = true;
    }),
  ).toEqual([
    {
      path: "baremetal:migration.walkBack",
      message: "walking back is only for a rehearsal (set rehearsal: true)",
    },
  ]);
  expect(
    issuesOf("staging", (raw) => {
      raw["migration"].phase = "done";
      raw["migration"].walkBack = true;
    }),
  ).toEqual([
    {
      path: "baremetal:migration.walkBack",
      message: 'there is no phase after "done" to walk back from',
    },
  ]);
});

test("shape errors name the key", () => {
  const issues = issuesOf("production", (raw) => {
    raw["migration"].phase = "switch";
    raw["aws"].eks.nodeGroups[0].minSize = 9;
    raw["aws"].mongodb.members[3].priority = 1;
    raw["cloudflare"].records[0].datacenter = { type: "A", content: "dc.example.com" };
    raw["cloudflare"].allowlist = ["office"];
    raw["aws"].volumes[0].volumeId = "vol-1";
  });
  expect(issues.map((i) => i.path).sort()).toEqual(
    [
      "baremetal:migration.phase",
      "baremetal:aws.eks.nodeGroups[0].desiredSize",
      "baremetal:aws.mongodb.members[3].priority",
      "baremetal:aws.volumes[0].volumeId",
      "baremetal:cloudflare.records[0].datacenter.content",
      "baremetal:cloudflare.allowlist[0]",
    ].sort(),
  );
  expect(issues.find((i) => i.path.endsWith("members[3].priority"))?.message).toBe(
    "a hidden or non-voting member must have priority 0",
  );
});

test("duplicates and too many voters are reported", () => {
  const issues = issuesOf("production", (raw) => {
    raw["cloudflare"].records.push({ ...raw["cloudflare"].records[0] });
    const members = raw["aws"].mongodb.members as { host: string }[];
    for (let i = 10; i < 14; i += 1) members.push({ host: `mongo-${i}.example.com:27017` });
    raw["aws"].eks.nodeGroups.push({ ...raw["aws"].eks.nodeGroups[0] });
  });
  expect(issues).toEqual(
    expect.arrayContaining([
      {
        path: "baremetal:cloudflare.records[3].name",
        message: "record api.example.com is declared twice",
      },
      {
        path: "baremetal:aws.mongodb.members",
        message: "8 voting members; MongoDB allows at most 7",
      },
      {
        path: "baremetal:aws.eks.nodeGroups[2].name",
        message: 'node group "workers" is listed twice',
      },
    ]),
  );
});

test("the images from ECR must land in a project Harbor has", () => {
  expect(
    issuesOf("production", (raw) => {
      raw["migration"].harborProject = "ecr";
    }),
  ).toEqual([
    {
      path: "baremetal:migration.harborProject",
      message:
        '"ecr" is not a project in baremetal:harbor.projects, so the images from ECR have nowhere to land',
    },
  ]);
});
