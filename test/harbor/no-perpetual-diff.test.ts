/**
 * No perpetual diff: for generated inputs, what `create` stores and what `read` reports after
 * Harbor rewrote it (quota bytes, metadata strings, robot prefixes, filter order, cron spacing,
 * CVE case and order) compare equal to the checked program inputs. And `check` is idempotent.
 */
import fc from "fast-check";
import { providers } from "../../providers/harbor/providers";
import { parseQuota } from "../../providers/harbor/values";
import type { FakeHarbor } from "../fakes/harbor/server";
import { checked, connectionOf, must, startFake } from "./helpers";

let fake: FakeHarbor;
beforeAll(async () => {
  fake = await startFake();
});
afterAll(() => fake.stop());

const name = fc.stringMatching(/^[a-z][a-z0-9]{2,10}$/);
let counter = 0;
const unique = (n: string) => `${n}-${++counter}`;

interface Lifecycle {
  check(olds: never, news: never): Promise<{ inputs?: unknown; failures?: unknown[] }>;
  create(inputs: never): Promise<{ id: string; outs?: unknown }>;
  read(id: string, props?: never): Promise<{ id?: string; props?: unknown }>;
  diff(id: string, olds: never, news: never): Promise<{ changes?: boolean }>;
}

async function roundTrip(provider: unknown, news: Record<string, unknown>) {
  const p = provider as Lifecycle;
  const inputs = await checked(p as never, news);
  const again = await checked(p as never, inputs as Record<string, unknown>);
  expect(again).toEqual(inputs);
  const { id, outs } = await p.create(inputs as never);
  expect((await p.diff(id, outs as never, inputs as never)).changes).toBe(false);
  const read = await p.read(id, outs as never);
  expect(read.id).toBe(id);
  expect((await p.diff(id, must(read.props) as never, inputs as never)).changes).toBe(false);
}

test("projects: any quota, visibility and scan settings read back without a diff", async () => {
  await fc.assert(
    fc.asyncProperty(
      name,
      fc.oneof(
        fc.constant(-1),
        fc.constant("unlimited"),
        fc.integer({ min: 1, max: 4096 }).map((n) => `${n}Mi`),
        fc.integer({ min: 1, max: 64 }).map((n) => `${n} GiB`),
        fc.integer({ min: 1, max: 2 ** 40 }),
      ),
      fc.boolean(),
      fc.boolean(),
      fc.constantFrom("none", "low", "medium", "high", "critical"),
      async (n, storageQuota, pub, autoScan, severity) => {
        await roundTrip(providers.Project, {
          connection: connectionOf(fake),
          name: unique(n),
          storageQuota,
          public: pub,
          autoScan,
          severity,
          preventVulnerable: !autoScan,
        });
      },
    ),
    { numRuns: 25 },
  );
});

test("robots: permissions in any order and duplicates read back without a diff", async () => {
  await providers.Project.create(
    await checked(providers.Project, { connection: connectionOf(fake), name: "robots" }),
  );
  const access = fc.constantFrom(
    { resource: "repository", action: "pull" },
    { resource: "repository", action: "push" },
    { resource: "artifact", action: "read" },
    { resource: "tag", action: "list" },
  );
  await fc.assert(
    fc.asyncProperty(name, fc.array(access, { minLength: 1, maxLength: 6 }), async (n, acc) => {
      await roundTrip(providers.RobotAccount, {
        connection: connectionOf(fake),
        name: unique(n),
        permissions: [{ namespace: "robots", access: acc }],
        description: "generated",
      });
    }),
    { numRuns: 20 },
  );
});

test("replication policies: cron spacing and filter order are not diffs", async () => {
  const reg = await providers.RegistryEndpoint.create(
    await checked(providers.RegistryEndpoint, {
      connection: connectionOf(fake),
      name: "ecr-props",
      type: "aws-ecr",
      url: "https://api.ecr.sa-east-1.amazonaws.com",
      accessKey: "AKIA",
      accessSecret: "s",
    }),
  );
  await fc.assert(
    fc.asyncProperty(
      name,
      fc.constantFrom("manual", "0 0 * * * *", " 0  30 2 * * 1 ", "0 */15 * * * *"),
      fc.constantFrom("**", "apps/**", "{web,api}/*"),
      fc.constantFrom("matches", "excludes"),
      async (n, schedule, repositories, tagDecoration) => {
        await roundTrip(providers.ReplicationPolicy, {
          connection: connectionOf(fake),
          name: unique(n),
          sourceRegistryId: must(reg.outs).registryId,
          destinationNamespace: "robots",
          schedule,
          repositories,
          tags: "v*",
          tagDecoration,
        });
      },
    ),
    { numRuns: 15 },
  );
});

test("every other type: declared once, read back without a diff", async () => {
  await providers.Project.create(
    await checked(providers.Project, { connection: connectionOf(fake), name: "rules" }),
  );
  const connection = connectionOf(fake);
  await roundTrip(providers.RetentionPolicy, {
    connection,
    project: "rules",
    schedule: "0 0 2 * * *",
    rules: [
      {
        template: "latestPulledN",
        count: 3,
        repositories: "team/**",
        repositoryDecoration: "repoExcludes",
      },
      { template: "always", tags: "release-*" },
    ],
  });
  await roundTrip(providers.ImmutableTagRule, { connection, project: "rules", tags: "v*.*.*" });
  await roundTrip(providers.GcSchedule, { connection, schedule: "0 0 4 * * 6", workers: 2 });
  await roundTrip(providers.CveAllowlist, {
    connection,
    items: ["cve-2024-3094", "CVE-2021-44228"],
    expiresAt: 2_000_000_000,
  });
  await roundTrip(providers.DefaultScanner, { connection, url: "http://harbor-trivy:8080" });
  await roundTrip(providers.RegistryEndpoint, {
    connection,
    name: "mirror",
    type: "docker-registry",
    url: "https://mirror.example.com/",
  });
});

test("quota sizes are binary units, as Harbor's UI shows them", () => {
  expect(parseQuota("1Gi")).toBe(1024 ** 3);
  expect(parseQuota("1.5GiB")).toBe(1.5 * 1024 ** 3);
  expect(parseQuota("500M")).toBe(500 * 1024 ** 2);
  expect(parseQuota("unlimited")).toBe(-1);
  expect(parseQuota(0)).toMatch(/positive/);
  expect(parseQuota("-5Gi")).toMatch(/must be a size/);
});
