/** `baremetal:harbor`: defaults, what is refused, and where the problem is reported. */
import { harborSettingsSchema } from "../../components/config/harborSettings";
import { validateStackConfig } from "../../components/config/validate";
import { allSecrets, rawStackConfig } from "../support/stackConfig";

function problems(raw: unknown): string[] {
  const r = harborSettingsSchema.safeParse(raw);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

test("an empty section takes sensible defaults", () => {
  expect(harborSettingsSchema.parse({})).toEqual({
    insecure: false,
    projects: [],
    robots: [],
    imagePull: { namespaces: [], secretName: "harbor-pull", robotName: "k8s-pull" },
    garbageCollection: { schedule: "0 0 3 * * 6", deleteUntagged: true, workers: 1 },
    cveAllowlist: { items: [] },
    scanner: { name: "Trivy", url: "http://harbor-trivy:8080" },
  });
  expect(harborSettingsSchema.parse({ projects: [{ name: "apps" }] }).projects[0]).toEqual({
    name: "apps",
    public: false,
    storageQuota: "unlimited",
    autoScan: true,
    preventVulnerable: false,
    severity: "high",
    immutableTags: [],
  });
});

test("a stack without baremetal:harbor stays valid (both real stacks)", () => {
  for (const stack of ["production", "staging"] as const) {
    const raw = rawStackConfig(stack);
    delete raw["harbor"];
    const { issues, config } = validateStackConfig(raw, allSecrets());
    expect(issues).toEqual([]);
    expect(config?.harbor).toBeUndefined();
  }
});

test.each([
  [{ projects: [{ name: "Apps" }] }, "projects.0.name"],
  [{ projects: [{ name: "apps", storageQuota: "lots" }] }, "projects.0.storageQuota"],
  [{ projects: [{ name: "apps", severity: "urgent" }] }, "projects.0.severity"],
  [{ projects: [{ name: "apps" }, { name: "apps" }] }, "projects.1.name: duplicate"],
  [
    { projects: [{ name: "apps", retention: { rules: [{ template: "latestPushedK" }] } }] },
    "projects.0.retention.rules.0.count: is required by latestPushedK",
  ],
  [
    {
      projects: [
        { name: "apps", retention: { schedule: "0 3 * * *", rules: [{ template: "always" }] } },
      ],
    },
    "projects.0.retention.schedule",
  ],
  [{ robots: [{ name: "ci", project: "ghost" }] }, 'robots.0.project: "ghost" is not a project'],
  [
    { projects: [{ name: "apps" }], robots: [{ name: "ci", project: "apps", access: ["pull"] }] },
    "robots.0.access.0",
  ],
  [{ imagePull: { namespaces: ["Payments"] } }, "imagePull.namespaces.0"],
  [{ imagePull: { namespaces: ["a", "a"] } }, "imagePull.namespaces.1: duplicate"],
  [{ garbageCollection: { schedule: "* * * * * *" } }, "garbageCollection.schedule"],
  [{ cveAllowlist: { items: ["log4shell"] } }, "cveAllowlist.items.0"],
  [{ projects: [], surprise: true }, "Unrecognized key"],
])("refuses %j (%s)", (raw, expected) => {
  expect(problems(raw).join("\n")).toContain(expected);
});

test("problems are reported at their baremetal:harbor key path with the rest of the stack", () => {
  const raw = rawStackConfig("staging");
  raw["harbor"] = { projects: [{ name: "apps" }], robots: [{ name: "ci", project: "web" }] };
  const { issues } = validateStackConfig(raw, allSecrets());
  expect(issues.map((i) => i.path)).toEqual(["baremetal:harbor.robots[0].project"]);
});
