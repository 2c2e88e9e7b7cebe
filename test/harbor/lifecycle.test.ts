/**
 * Every Harbor resource type's lifecycle through the provider against the fake: create, read
 * (no diff), update, drift seen on refresh, adopt an object made outside Pulumi, delete.
 */
import { providers } from "../../providers/harbor/providers";
import type { FakeHarbor } from "../fakes/harbor/server";
import { checked, connectionOf, must, startFake } from "./helpers";

const GiB = 1024 ** 3;
let fake: FakeHarbor;
beforeEach(async () => {
  fake = await startFake();
});
afterEach(() => fake.stop());

async function project(name: string) {
  const p = providers.Project;
  const inputs = await checked(p, { connection: connectionOf(fake), name });
  return p.create(inputs);
}

describe("Project", () => {
  const p = providers.Project;

  test("create, read without diff, update, drift, delete", async () => {
    const inputs = await checked(p, {
      connection: connectionOf(fake),
      name: "apps",
      storageQuota: "10Gi",
      preventVulnerable: true,
      severity: "critical",
    });
    expect(inputs).toMatchObject({ public: false, autoScan: true, storageQuota: 10 * GiB });
    const { id, outs } = await p.create(inputs);
    const live = fake.state.projectByName("apps");
    expect(live?.metadata).toMatchObject({
      public: "false",
      auto_scan: "true",
      prevent_vul: "true",
      severity: "critical",
    });
    expect([...fake.state.quotas.values()][0]?.hard.storage).toBe(10 * GiB);
    expect(id).toBe(String(live?.project_id));

    const read = await p.read(id, outs);
    expect(read.id).toBe(id);
    expect((await p.diff(id, must(read.props), inputs)).changes).toBe(false);

    const next = await checked(p, { ...inputs, storageQuota: 20 * GiB, autoScan: false });
    const diff = await p.diff(id, must(outs), next);
    expect(diff).toMatchObject({ changes: true, replaces: [] });
    const { outs: updated } = await p.update(id, must(outs), next);
    expect(live?.metadata["auto_scan"]).toBe("false");
    expect([...fake.state.quotas.values()][0]?.hard.storage).toBe(20 * GiB);

    // Drift: made public in the UI.
    must(live).metadata["public"] = "true";
    const drift = await p.read(id, updated);
    expect(drift.props?.public).toBe(true);
    expect((await p.diff(id, must(drift.props), next)).changes).toBe(true);

    await p.delete(id, must(updated));
    expect(fake.state.projectByName("apps")).toBeUndefined();
    await p.delete(id, must(updated)); // already gone: fine
    expect(await p.read(id, updated)).toEqual({});
  });

  test("a new name replaces the project (delete first)", async () => {
    const inputs = await checked(p, { connection: connectionOf(fake), name: "apps" });
    const { id, outs } = await p.create(inputs);
    const diff = await p.diff(id, must(outs), { ...inputs, name: "apps2" });
    expect(diff).toMatchObject({ changes: true, replaces: ["name"], deleteBeforeReplace: true });
  });

  test("adopts a project that already exists and applies the declared settings", async () => {
    const existing = fake.state.addProject("legacy", { auto_scan: "false" }, 5 * GiB);
    const inputs = await checked(p, {
      connection: connectionOf(fake),
      name: "legacy",
      storageQuota: -1,
    });
    const { id } = await p.create(inputs);
    expect(id).toBe(String(existing.project_id));
    expect(fake.state.projects.size).toBe(1);
    expect(existing.metadata["auto_scan"]).toBe("true");
    expect([...fake.state.quotas.values()][0]?.hard.storage).toBe(-1);
  });

  test("a project deleted and re-created outside Pulumi is found again by name", async () => {
    const inputs = await checked(p, { connection: connectionOf(fake), name: "apps" });
    const { id, outs } = await p.create(inputs);
    fake.state.projects.delete(Number(id));
    const again = fake.state.addProject("apps");
    const read = await p.read(id, outs);
    expect(read.id).toBe(String(again.project_id));
  });

  test("deleting a project with repositories explains what to do", async () => {
    const inputs = await checked(p, { connection: connectionOf(fake), name: "apps" });
    const { id, outs } = await p.create(inputs);
    must(fake.state.projectByName("apps")).repo_count = 3;
    await expect(p.delete(id, must(outs))).rejects.toThrow(
      /Harbor DELETE \/projects\/\d+ \(project "apps"\): HTTP 412 PRECONDITION: the project apps contains repositories.*delete its repositories first/,
    );
  });

  test("check refuses bad names, quotas and severities without touching Harbor", async () => {
    const r = await p.check(
      {} as never,
      {
        connection: { url: "ftp://x" },
        name: "Apps",
        storageQuota: "ten gigs",
        severity: "urgent",
      } as never,
    );
    expect(r.failures?.map((f) => f.property).sort()).toEqual([
      "connection.url",
      "name",
      "severity",
      "storageQuota",
    ]);
    expect(fake.requests()).toBe(0);
  });
});

describe("RobotAccount", () => {
  const r = providers.RobotAccount;
  const pull = [{ namespace: "apps", access: [{ resource: "repository", action: "pull" }] }];

  test("secret returned once, kept on read, rotated on demand", async () => {
    await project("apps");
    const inputs = await checked(r, {
      connection: connectionOf(fake),
      name: "puller",
      permissions: pull,
    });
    const { id, outs } = await r.create(inputs);
    const live = must(fake.state.robots.get(Number(id)));
    expect(outs?.fullName).toBe("robot$apps+puller");
    expect(outs?.secret).toBe(live.secret);

    const read = await r.read(id, outs);
    expect(read.props?.secret).toBe(live.secret);
    expect(read.props?.name).toBe("puller");
    expect((await r.diff(id, must(read.props), inputs)).changes).toBe(false);

    const rotated = await checked(r, { ...inputs, rotation: 2 });
    expect(await r.diff(id, must(outs), rotated)).toMatchObject({ changes: true, replaces: [] });
    const { outs: after } = await r.update(id, must(outs), rotated);
    expect(after?.secret).not.toBe(outs?.secret);
    expect(after?.secret).toBe(live.secret);

    // Same rotation value again: permissions change, secret kept.
    const wider = await checked(r, {
      ...rotated,
      permissions: [
        {
          namespace: "apps",
          access: [
            { resource: "repository", action: "pull" },
            { resource: "artifact", action: "read" },
          ],
        },
      ],
    });
    const { outs: widened } = await r.update(id, must(after), wider);
    expect(widened?.secret).toBe(after?.secret);
    expect(live.permissions[0]?.access.map((a) => a.action).sort()).toEqual(["pull", "read"]);

    await r.delete(id, must(widened));
    expect(fake.state.robots.size).toBe(0);
    expect(await r.read(id, widened)).toEqual({});
  });

  test("drift on refresh, replacement on a new name or project", async () => {
    await project("apps");
    const inputs = await checked(r, {
      connection: connectionOf(fake),
      name: "ci",
      permissions: pull,
    });
    const { id, outs } = await r.create(inputs);
    must(fake.state.robots.get(Number(id))).disable = true;
    const read = await r.read(id, outs);
    expect(read.props?.disabled).toBe(true);
    expect((await r.diff(id, must(read.props), inputs)).changes).toBe(true);
    expect((await r.diff(id, must(outs), { ...inputs, name: "ci2" })).replaces).toEqual(["name"]);
    const other = [{ namespace: "web", access: must(pull[0]).access }];
    expect((await r.diff(id, must(outs), { ...inputs, permissions: other })).replaces).toEqual([
      "project",
    ]);
  });

  test("adopts an existing robot and refreshes its secret (the old one cannot be read)", async () => {
    await project("apps");
    const first = await r.create(
      await checked(r, { connection: connectionOf(fake), name: "ci", permissions: pull }),
    );
    const adopted = await r.create(
      await checked(r, { connection: connectionOf(fake), name: "ci", permissions: pull }),
    );
    expect(adopted.id).toBe(first.id);
    expect(fake.state.robots.size).toBe(1);
    expect(adopted.outs?.secret).not.toBe(first.outs?.secret);
    expect(adopted.outs?.secret).toBe(fake.state.robots.get(Number(first.id))?.secret);
  });

  test("system robot pulling from several projects; a custom robot prefix does not show as drift", async () => {
    fake.state.robotPrefix = "bot@";
    await project("apps");
    await project("web");
    const inputs = await checked(r, {
      connection: connectionOf(fake),
      name: "k8s-pull",
      level: "system",
      permissions: [
        { namespace: "web", access: [{ resource: "repository", action: "pull" }] },
        { namespace: "apps", access: [{ resource: "repository", action: "pull" }] },
      ],
    });
    expect(inputs.permissions.map((p) => p.namespace)).toEqual(["apps", "web"]);
    const { id, outs } = await r.create(inputs);
    expect(outs?.fullName).toBe("bot@k8s-pull");
    const read = await r.read(id, outs);
    expect(read.props?.name).toBe("k8s-pull");
    expect((await r.diff(id, must(read.props), inputs)).changes).toBe(false);
  });

  test("Harbor's refusal names the robot and the reason", async () => {
    await project("apps");
    const inputs = await checked(r, {
      connection: connectionOf(fake),
      name: "ci",
      permissions: [{ namespace: "apps", access: [{ resource: "repository", action: "fly" }] }],
    });
    await expect(r.create(inputs)).rejects.toThrow(
      'Harbor POST /robots (robot "ci"): HTTP 400 BAD_REQUEST: bad request permission: repository:fly',
    );
  });
});

describe("RegistryEndpoint", () => {
  const g = providers.RegistryEndpoint;
  const ecr = () => ({
    connection: connectionOf(fake),
    name: "ecr-sa-east-1",
    type: "aws-ecr",
    url: "https://api.ecr.sa-east-1.amazonaws.com",
    accessKey: "AKIAEXAMPLE",
    accessSecret: "first-secret",
  });

  test("the access secret is sent, never kept in outputs; a rotation is a diff", async () => {
    const inputs = await checked(g, ecr());
    const { id, outs } = await g.create(inputs);
    const live = must(fake.state.registries.get(Number(id)));
    expect(live.credential?.access_secret).toBe("first-secret");
    expect(JSON.stringify(outs)).not.toContain("first-secret");
    expect(outs?.accessSecretHash).toMatch(/^sha256:/);

    const read = await g.read(id, outs);
    expect(JSON.stringify(read)).not.toContain("first-secret");
    expect((await g.diff(id, must(read.props), inputs)).changes).toBe(false);

    const rotated = await checked(g, { ...ecr(), accessSecret: "second-secret" });
    expect((await g.diff(id, must(read.props), rotated)).changes).toBe(true);
    const { outs: after } = await g.update(id, must(read.props), rotated);
    expect(live.credential?.access_secret).toBe("second-secret");
    expect((await g.diff(id, must(after), rotated)).changes).toBe(false);

    live.url = "https://api.ecr.us-east-1.amazonaws.com";
    const drift = await g.read(id, after);
    expect((await g.diff(id, must(drift.props), rotated)).changes).toBe(true);
    expect((await g.diff(id, must(after), { ...rotated, type: "harbor" })).replaces).toEqual([
      "type",
    ]);

    await g.delete(id, must(after));
    expect(fake.state.registries.size).toBe(0);
  });

  test("adopts by name after a 409 and applies the credentials", async () => {
    const first = await g.create(await checked(g, ecr()));
    const again = await g.create(await checked(g, { ...ecr(), accessSecret: "new" }));
    expect(again.id).toBe(first.id);
    expect(fake.state.registries.size).toBe(1);
    expect(fake.state.registries.get(Number(first.id))?.credential?.access_secret).toBe("new");
  });

  test("an ECR URL Harbor's adapter would refuse fails check offline", async () => {
    const r = await g.check({} as never, { ...ecr(), url: "https://ecr.example.com" } as never);
    expect(r.failures?.[0]?.property).toBe("url");
    expect(JSON.stringify(r.failures)).not.toContain("first-secret");
  });
});

describe("ReplicationPolicy", () => {
  const rp = providers.ReplicationPolicy;

  async function withRegistry() {
    await project("apps");
    const g = providers.RegistryEndpoint;
    const reg = await g.create(
      await checked(g, {
        connection: connectionOf(fake),
        name: "ecr",
        type: "aws-ecr",
        url: "https://api.ecr.sa-east-1.amazonaws.com",
        accessKey: "AKIA",
        accessSecret: "s",
      }),
    );
    return reg;
  }

  test("pull from ECR on a schedule; filters in any order are no diff; executions on demand", async () => {
    fake.state.executionMs = 60_000;
    const reg = await withRegistry();
    const inputs = await checked(rp, {
      connection: connectionOf(fake),
      name: "ecr-apps",
      sourceRegistryId: must(reg.outs).registryId,
      destinationNamespace: "apps",
      repositories: "apps/**",
      tags: "v*",
      schedule: "0  0 */2 * * *",
    });
    expect(inputs.schedule).toBe("0 0 */2 * * *");
    const { id, outs } = await rp.create(inputs);
    const live = must(fake.state.policies.get(Number(id)));
    expect(live.trigger).toEqual({
      type: "scheduled",
      trigger_settings: { cron: "0 0 */2 * * *" },
    });
    expect(live.src_registry).toEqual({ id: must(reg.outs).registryId });
    expect(live.dest_registry).toBeNull();
    expect(outs?.lastExecutionId).toBeUndefined();

    const read = await rp.read(id, outs);
    expect((await rp.diff(id, must(read.props), inputs)).changes).toBe(false);

    const run = await checked(rp, { ...inputs, executionTrigger: "2026-12-01" });
    const { outs: ran } = await rp.update(id, must(read.props), run);
    expect(fake.state.executions.size).toBe(1);
    expect(ran?.lastExecutionId).toBe([...fake.state.executions.keys()][0]);
    // The same trigger value again starts nothing.
    await rp.update(id, must(ran), run);
    expect(fake.state.executions.size).toBe(1);

    const manual = await checked(rp, { ...run, schedule: "manual", enabled: false });
    const { outs: off } = await rp.update(id, must(ran), manual);
    expect(live.trigger.type).toBe("manual");
    expect(live.enabled).toBe(false);
    await expect(
      rp.update(id, must(off), await checked(rp, { ...manual, executionTrigger: "again" })),
    ).rejects.toThrow(/HTTP 412 PRECONDITION: the policy \d+ is disabled/);

    // Harbor refuses to delete a policy while an execution runs.
    await expect(rp.delete(id, must(off))).rejects.toThrow(/412 PRECONDITION.*running executions/);
    for (const e of fake.state.executions.values()) e.status = "Succeed";
    await rp.delete(id, must(off));
    expect(fake.state.policies.size).toBe(0);
  });

  test("Harbor's cron rules are checked offline", async () => {
    const base = {
      connection: connectionOf(fake),
      name: "x",
      sourceRegistryId: 1,
      destinationNamespace: "apps",
    };
    for (const schedule of ["0 * * * *", "* 0 * * * *", "0 * * * * *"]) {
      const r = await rp.check({} as never, { ...base, schedule } as never);
      expect(r.failures?.map((f) => f.property)).toEqual(["schedule"]);
    }
  });

  test("a registry still used by a policy cannot be deleted, and says why", async () => {
    const reg = await withRegistry();
    await rp.create(
      await checked(rp, {
        connection: connectionOf(fake),
        name: "p",
        sourceRegistryId: must(reg.outs).registryId,
        destinationNamespace: "apps",
      }),
    );
    await expect(providers.RegistryEndpoint.delete(reg.id, must(reg.outs))).rejects.toThrow(
      /412 PRECONDITION.*remove the replication policies that use it first/,
    );
  });
});

describe("RetentionPolicy and ImmutableTagRule", () => {
  const rt = providers.RetentionPolicy;
  const im = providers.ImmutableTagRule;

  test("retention: create attaches to the project, read shows no diff, update, drift, delete", async () => {
    await project("apps");
    const inputs = await checked(rt, {
      connection: connectionOf(fake),
      project: "apps",
      schedule: "0 0 3 * * *",
      rules: [
        { template: "latestPushedK", count: 10 },
        { template: "nDaysSinceLastPull", count: 30, tags: "release-*", untagged: true },
      ],
    });
    const { id, outs } = await rt.create(inputs);
    expect(fake.state.projectByName("apps")?.metadata["retention_id"]).toBe(id);
    const live = must(fake.state.retentions.get(Number(id)));
    expect(live.rules[1]?.params).toEqual({ nDaysSinceLastPull: 30 });
    expect(live.rules[1]?.tag_selectors[0]?.extras).toBe('{"untagged":true}');

    const read = await rt.read(id, outs);
    expect((await rt.diff(id, must(read.props), inputs)).changes).toBe(false);

    const next = await checked(rt, { ...inputs, rules: [{ template: "latestPushedK", count: 5 }] });
    const { outs: updated } = await rt.update(id, must(read.props), next);
    expect(live.rules).toHaveLength(1);

    must(live.rules[0]).params = { latestPushedK: 50 };
    const drift = await rt.read(id, updated);
    expect((await rt.diff(id, must(drift.props), next)).changes).toBe(true);

    await rt.delete(id, must(updated));
    expect(fake.state.retentions.size).toBe(0);
    expect(fake.state.projectByName("apps")?.metadata["retention_id"]).toBeUndefined();
  });

  test("retention adopts the project's existing policy instead of failing", async () => {
    await project("apps");
    const first = await rt.create(
      await checked(rt, {
        connection: connectionOf(fake),
        project: "apps",
        rules: [{ template: "always" }],
      }),
    );
    const again = await rt.create(
      await checked(rt, {
        connection: connectionOf(fake),
        project: "apps",
        rules: [{ template: "latestPushedK", count: 3 }],
      }),
    );
    expect(again.id).toBe(first.id);
    expect(fake.state.retentions.size).toBe(1);
    expect(fake.state.retentions.get(Number(first.id))?.rules[0]?.template).toBe("latestPushedK");
  });

  test("retention rules need a count where the template takes one", async () => {
    const r = await rt.check(
      {} as never,
      {
        connection: connectionOf(fake),
        project: "apps",
        rules: [{ template: "latestPushedK" }],
      } as never,
    );
    expect(r.failures?.map((f) => f.property)).toEqual(["rules[0].count"]);
  });

  test("immutability: create, read, toggle, adopt, replace on a new pattern, delete", async () => {
    await project("apps");
    const inputs = await checked(im, {
      connection: connectionOf(fake),
      project: "apps",
      tags: "v*",
    });
    const { id, outs } = await im.create(inputs);
    const read = await im.read(id, outs);
    expect((await im.diff(id, must(read.props), inputs)).changes).toBe(false);

    const off = await checked(im, { ...inputs, disabled: true });
    expect(await im.diff(id, must(outs), off)).toMatchObject({ changes: true, replaces: [] });
    const { outs: updated } = await im.update(id, must(outs), off);
    expect(fake.state.immutableRules.get(Number(id))?.disabled).toBe(true);
    expect((await im.diff(id, must(updated), { ...off, tags: "release-*" })).replaces).toEqual([
      "tags",
    ]);

    const adopted = await im.create(inputs);
    expect(adopted.id).toBe(id);
    expect(fake.state.immutableRules.size).toBe(1);

    await im.delete(id, must(updated));
    expect(fake.state.immutableRules.size).toBe(0);
    expect(await im.read(id, updated)).toEqual({});
  });

  test("rules of a project that does not exist fail with a clear message", async () => {
    await expect(
      im.create(
        await checked(im, { connection: connectionOf(fake), project: "ghost", tags: "v*" }),
      ),
    ).rejects.toThrow('Harbor project "ghost" does not exist; declare it before its rules');
  });
});

describe("system settings", () => {
  test("GC schedule: create, read, update, drift, delete back to none", async () => {
    const gc = providers.GcSchedule;
    const inputs = await checked(gc, { connection: connectionOf(fake), schedule: "0 0 4 * * 6" });
    const { id, outs } = await gc.create(inputs);
    expect(fake.state.gc?.schedule).toEqual({ type: "Custom", cron: "0 0 4 * * 6" });
    expect(fake.state.gc?.parameters).toEqual({ delete_untagged: true, workers: 1 });
    const read = await gc.read(id, outs);
    expect((await gc.diff(id, must(read.props), inputs)).changes).toBe(false);
    const next = await checked(gc, { ...inputs, workers: 3 });
    await gc.update(id, must(outs), next);
    expect(fake.state.gc?.parameters["workers"]).toBe(3);
    fake.state.gc = undefined;
    const drift = await gc.read(id, next);
    expect(drift.props?.schedule).toBe("none");
    expect((await gc.diff(id, must(drift.props), next)).changes).toBe(true);
    await gc.create(next); // an existing schedule is updated, a missing one created
    await gc.create(next);
    await gc.delete(id, next);
    expect(fake.state.gc).toBeUndefined();
  });

  test("CVE allowlist: normalised, read back without diff, emptied on delete", async () => {
    const a = providers.CveAllowlist;
    const inputs = await checked(a, {
      connection: connectionOf(fake),
      items: ["cve-2024-3094", "CVE-2023-44487", "CVE-2024-3094"],
    });
    expect(inputs.items).toEqual(["CVE-2023-44487", "CVE-2024-3094"]);
    const { id, outs } = await a.create(inputs);
    expect(fake.state.allowlist.items.map((i) => i.cve_id)).toEqual(inputs.items);
    fake.state.allowlist.items.reverse();
    const read = await a.read(id, outs);
    expect((await a.diff(id, must(read.props), inputs)).changes).toBe(false);
    await a.delete(id, must(outs));
    expect(fake.state.allowlist.items).toEqual([]);
    const bad = await a.check(
      {} as never,
      { connection: connectionOf(fake), items: ["nope"] } as never,
    );
    expect(bad.failures?.[0]?.property).toBe("items");
  });

  test("default scanner: adopts the chart's immutable Trivy and leaves it on delete", async () => {
    const s = providers.DefaultScanner;
    const trivy = fake.state.addChartTrivy();
    trivy.is_default = false;
    const inputs = await checked(s, {
      connection: connectionOf(fake),
      url: "http://harbor-trivy:8080",
    });
    const { id, outs } = await s.create(inputs);
    expect(id).toBe(trivy.uuid);
    expect(outs?.adopted).toBe(true);
    expect(trivy.is_default).toBe(true);
    const read = await s.read(id, outs);
    expect((await s.diff(id, must(read.props), inputs)).changes).toBe(false);
    await s.delete(id, must(outs));
    expect(fake.state.scanners.has(trivy.uuid)).toBe(true);
  });

  test("default scanner: registers one when Harbor has none, removes it on delete", async () => {
    const s = providers.DefaultScanner;
    const inputs = await checked(s, {
      connection: connectionOf(fake),
      name: "Trivy",
      url: "http://trivy.scanning:8080",
    });
    const { id, outs } = await s.create(inputs);
    expect(fake.state.scanners.get(id)?.is_default).toBe(true);
    const read = await s.read(id, outs);
    expect((await s.diff(id, must(read.props), inputs)).changes).toBe(false);
    must(fake.state.scanners.get(id)).url = "http://elsewhere:8080";
    const drift = await s.read(id, outs);
    expect((await s.diff(id, must(drift.props), inputs)).changes).toBe(true);
    await s.update(id, must(drift.props), inputs);
    expect(fake.state.scanners.get(id)?.url).toBe("http://trivy.scanning:8080");
    await s.delete(id, must(outs));
    expect(fake.state.scanners.size).toBe(0);
  });
});
