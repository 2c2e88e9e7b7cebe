/**
 * Runs every Harbor resource type's lifecycle through the provider code against a Harbor:
 * create, read (no diff), update, drift (an out-of-band change is seen on refresh), adopt (an
 * object made outside Pulumi is taken over, not duplicated), delete. Everything lives under one
 * random name prefix; whatever it created is removed and every system setting it touched (GC
 * schedule, CVE allowlist, default scanner) put back, even on failure.
 */
import { stepRecorder, type StepResult } from "./support/conformance";
import { providers, type ProviderName } from "../providers/harbor/providers";
import { harborRegistry } from "../providers/harbor/registry";
import { harborRequest, type Method } from "../providers/harbor/http";
import type { HarborConnection } from "../providers/harbor/types";

type Props = Record<string, unknown>;
interface AnyProvider {
  check(olds: Props, news: Props): Promise<{ inputs?: Props; failures?: unknown[] }>;
  create(inputs: Props): Promise<{ id: string; outs?: Props }>;
  read(id: string, props?: Props): Promise<{ id?: string; props?: Props }>;
  update(id: string, olds: Props, news: Props): Promise<{ outs?: Props }>;
  diff(id: string, olds: Props, news: Props): Promise<{ changes?: boolean }>;
  delete(id: string, props: Props): Promise<void>;
}

interface Case {
  type: ProviderName;
  create: Props;
  update: Props;
  /** Changes the object outside Pulumi. */
  drift?: (id: string, outs: Props) => Promise<void>;
  /** Makes an object outside Pulumi; returns the inputs that must adopt it and its id. */
  adopt?: () => Promise<{ inputs: Props; id: string }>;
}

export async function runConformance(conn: HarborConnection): Promise<StepResult[]> {
  const raw = async (method: Method, path: string, body?: unknown) =>
    harborRequest(conn, method, path, {
      ...(body !== undefined ? { body } : {}),
      idempotent: method !== "POST",
    });
  const get = async <T>(path: string) => (await raw("GET", path)).data as T;
  const { results, step, expect } = stepRecorder(() => harborRegistry().requestsSent);

  const tag = Math.random().toString(36).slice(2, 7);
  const prefix = `conformance-${tag}`;
  const project = `${prefix}-apps`;
  const adoptProject = `${prefix}-adopt`;
  // Cleanup, run in reverse: each removes what a step made outside the provider's own delete.
  const cleanups: (() => Promise<unknown>)[] = [];
  const removeLater = (path: string) =>
    cleanups.push(() => raw("DELETE", path).catch(() => undefined));

  // What is put back at the end.
  const gcBefore = await get<{ schedule?: { type?: string; cron?: string }; parameters?: Props }>(
    "/system/gc/schedule",
  );
  const allowlistBefore = await get<Props>("/system/CVEAllowlist");
  const scanners = await get<{ uuid: string; is_default?: boolean; url: string }[]>("/scanners");
  const defaultScanner = scanners.find((s) => s.is_default);
  cleanups.push(async () => {
    await raw("PUT", "/system/CVEAllowlist", {
      items: allowlistBefore["items"] ?? [],
      expires_at: allowlistBefore["expires_at"] ?? null,
    });
    const type = gcBefore.schedule?.type;
    await raw(
      "PUT",
      "/system/gc/schedule",
      type && type !== "None"
        ? { schedule: gcBefore.schedule, parameters: gcBefore.parameters ?? {} }
        : { schedule: { type: "None" } },
    ).catch(() => undefined);
    if (defaultScanner)
      await raw("PATCH", `/scanners/${defaultScanner.uuid}`, { is_default: true });
  });

  const connection = conn;
  const projectId = async (name: string) =>
    (await raw("GET", `/projects/${encodeURIComponent(name)}`).catch(() => undefined))?.data as
      { project_id: number; metadata?: Record<string, string> } | undefined;
  const rawProject = async (name: string) => {
    const reply = await raw("POST", "/projects", {
      project_name: name,
      metadata: { public: "false" },
    });
    const id = String(reply.location?.split("/").pop());
    removeLater(`/projects/${id}`);
    return id;
  };
  let registryId = 0;
  const pull = (ns: string) => [
    { namespace: ns, access: [{ resource: "repository", action: "pull" }] },
  ];

  const cases: Case[] = [
    {
      type: "Project",
      create: { name: project, storageQuota: "1Gi", autoScan: true },
      update: { storageQuota: "2Gi", preventVulnerable: true, severity: "critical" },
      drift: async (id) => {
        await raw("PUT", `/projects/${id}`, { metadata: { auto_scan: "false" } });
      },
      adopt: async () => ({
        inputs: { name: adoptProject, storageQuota: -1 },
        id: await rawProject(adoptProject),
      }),
    },
    {
      type: "RobotAccount",
      create: { name: `${prefix}-puller`, permissions: pull(project) },
      update: { rotation: "1", description: "conformance" },
      drift: async (id) => {
        const live = await get<Props>(`/robots/${id}`);
        await raw("PUT", `/robots/${id}`, { ...live, disable: true });
      },
      adopt: async () => {
        const reply = await raw("POST", "/robots", {
          name: `${prefix}-adopted`,
          level: "project",
          duration: -1,
          permissions: [
            { kind: "project", namespace: adoptProject, access: pull(adoptProject)[0]?.access },
          ],
        });
        const id = String((reply.data as { id: number }).id);
        removeLater(`/robots/${id}`);
        return { inputs: { name: `${prefix}-adopted`, permissions: pull(adoptProject) }, id };
      },
    },
    {
      type: "RegistryEndpoint",
      create: { name: `${prefix}-hub`, type: "docker-hub", url: "https://hub.docker.com" },
      update: { description: "conformance" },
      drift: async (id) => {
        await raw("PUT", `/registries/${id}`, { description: "changed outside" });
      },
      adopt: async () => {
        const reply = await raw("POST", "/registries", {
          name: `${prefix}-hub-adopted`,
          type: "docker-hub",
          url: "https://hub.docker.com",
        });
        const id = String(reply.location?.split("/").pop());
        removeLater(`/registries/${id}`);
        return {
          inputs: {
            name: `${prefix}-hub-adopted`,
            type: "docker-hub",
            url: "https://hub.docker.com",
          },
          id,
        };
      },
    },
    {
      type: "ReplicationPolicy",
      // Filters that match nothing upstream: executions finish at once and copy nothing.
      create: {
        name: `${prefix}-pull`,
        sourceRegistryId: 0,
        destinationNamespace: project,
        repositories: `library/${prefix}-none`,
        schedule: "0 0 3 * * *",
      },
      update: { schedule: "manual", executionTrigger: "1" },
      drift: async (id) => {
        const live = await get<Props>(`/replication/policies/${id}`);
        await raw("PUT", `/replication/policies/${id}`, { ...live, override: !live["override"] });
      },
    },
    {
      type: "RetentionPolicy",
      create: {
        project,
        rules: [{ template: "latestPushedK", count: 10 }],
        schedule: "0 0 2 * * *",
      },
      update: { rules: [{ template: "nDaysSinceLastPull", count: 30, untagged: true }] },
      drift: async (id) => {
        const live = await get<Props>(`/retentions/${id}`);
        await raw("PUT", `/retentions/${id}`, {
          ...live,
          trigger: { kind: "Schedule", settings: { cron: "0 0 5 * * *" }, references: {} },
        });
      },
      adopt: async () => {
        const p = await projectId(adoptProject);
        const reply = await raw("POST", "/retentions", {
          algorithm: "or",
          rules: [
            {
              disabled: false,
              action: "retain",
              template: "always",
              params: {},
              tag_selectors: [{ kind: "doublestar", decoration: "matches", pattern: "**" }],
              scope_selectors: {
                repository: [{ kind: "doublestar", decoration: "repoMatches", pattern: "**" }],
              },
            },
          ],
          trigger: { kind: "Schedule", settings: { cron: "" }, references: {} },
          scope: { level: "project", ref: p?.project_id },
        });
        const id = String(reply.location?.split("/").pop());
        return { inputs: { project: adoptProject, rules: [{ template: "always" }] }, id };
      },
    },
    {
      type: "ImmutableTagRule",
      create: { project, tags: "v*" },
      update: { disabled: true },
      drift: async (id, outs) => {
        const pid = Number(outs["projectId"]);
        const rules = await get<Props[]>(`/projects/${pid}/immutabletagrules`);
        const live = rules.find((r) => String(r["id"]) === id) ?? {};
        await raw("PUT", `/projects/${pid}/immutabletagrules/${id}`, { ...live, disabled: false });
      },
      adopt: async () => {
        const p = await projectId(adoptProject);
        const reply = await raw("POST", `/projects/${p?.project_id}/immutabletagrules`, {
          disabled: false,
          action: "immutable",
          template: "immutable_template",
          tag_selectors: [{ kind: "doublestar", decoration: "matches", pattern: "release-*" }],
          scope_selectors: {
            repository: [{ kind: "doublestar", decoration: "repoMatches", pattern: "**" }],
          },
        });
        const id = String(reply.location?.split("/").pop());
        return { inputs: { project: adoptProject, tags: "release-*" }, id };
      },
    },
    {
      type: "GcSchedule",
      create: { schedule: "0 0 4 * * 6" },
      update: { workers: 2, deleteUntagged: false },
      drift: async () => {
        await raw("PUT", "/system/gc/schedule", {
          schedule: { type: "Custom", cron: "0 0 1 * * 0" },
          parameters: { delete_untagged: false, workers: 2 },
        });
      },
    },
    {
      type: "CveAllowlist",
      create: { items: ["CVE-2024-3094"] },
      update: { items: ["CVE-2024-3094", "CVE-2021-44228"] },
      drift: async () => {
        await raw("PUT", "/system/CVEAllowlist", {
          items: [{ cve_id: "CVE-2000-0001" }],
          expires_at: null,
        });
      },
    },
    {
      type: "DefaultScanner",
      create: {
        name: `${prefix}-scanner`,
        url: "http://conformance-scanner.invalid:8080",
        isDefault: false,
      },
      update: { isDefault: true, description: "conformance" },
      drift: async (id) => {
        if (defaultScanner)
          await raw("PATCH", `/scanners/${defaultScanner.uuid}`, { is_default: true });
        else
          await raw("PUT", `/scanners/${id}`, {
            name: `${prefix}-scanner`,
            url: "http://elsewhere:8080",
          });
      },
    },
  ];

  const live: { c: Case; id: string; outs: Props }[] = [];
  try {
    for (const c of cases) {
      const p = providers[c.type] as unknown as AnyProvider;
      if (c.type === "ReplicationPolicy") c.create["sourceRegistryId"] = registryId;
      let inputs: Props = {};
      let id = "";
      let outs: Props = {};
      const checkedInputs = async (news: Props) => {
        const r = await p.check({}, { connection, ...news });
        if (r.failures?.length) throw new Error(`check failed: ${JSON.stringify(r.failures)}`);
        return r.inputs ?? {};
      };
      const created = await step(c.type, "create", async () => {
        inputs = await checkedInputs(c.create);
        const r = await p.create(inputs);
        id = r.id;
        outs = r.outs ?? {};
        live.push({ c, id, outs });
        if (c.type === "RegistryEndpoint") registryId = Number(outs["registryId"]);
      });
      if (!created) continue;
      const entry = live[live.length - 1] as { c: Case; id: string; outs: Props };
      await step(c.type, "read", async () => {
        const r = await p.read(id, outs);
        expect(r.id === id, `read returned id ${String(r.id)}, expected ${id}`);
        const d = await p.diff(id, r.props ?? {}, inputs);
        expect(d.changes === false, "read back differs from what was declared (perpetual diff)");
      });
      await step(c.type, "update", async () => {
        const news = await checkedInputs({ ...c.create, ...c.update });
        const d = await p.diff(id, outs, news);
        expect(d.changes === true, "the update shows no diff");
        const r = await p.update(id, outs, news);
        outs = r.outs ?? {};
        entry.outs = outs;
        inputs = news;
        const back = await p.read(id, outs);
        const after = await p.diff(id, back.props ?? {}, news);
        expect(after.changes === false, "the update did not take effect");
      });
      if (c.drift) {
        const drift = c.drift;
        await step(c.type, "drift", async () => {
          await drift(id, outs);
          const r = await p.read(id, outs);
          const d = await p.diff(id, r.props ?? {}, inputs);
          expect(d.changes === true, "an out-of-band change was not seen on refresh");
          outs = (await p.update(id, r.props ?? {}, inputs)).outs ?? {};
          entry.outs = outs;
        });
      }
      if (c.adopt) {
        const adopt = c.adopt;
        await step(c.type, "adopt", async () => {
          const made = await adopt();
          const adoptInputs = await checkedInputs(made.inputs);
          const r = await p.create(adoptInputs);
          expect(r.id === made.id, `created ${r.id} instead of adopting ${made.id}`);
          // The adopted project holds the other types' adopted objects; cleanup removes it last.
          if (c.type !== "Project") await p.delete(r.id, r.outs ?? {});
        });
      }
    }
  } finally {
    for (const { c, id, outs } of live.reverse()) {
      const p = providers[c.type] as unknown as AnyProvider;
      await step(c.type, "delete", async () => {
        if (c.type === "ReplicationPolicy") await waitForExecutions(raw, Number(id));
        // Harbor keeps one default scanner: hand the role back before removing ours.
        if (c.type === "DefaultScanner" && defaultScanner) {
          await raw("PATCH", `/scanners/${defaultScanner.uuid}`, { is_default: true });
        }
        await p.delete(id, outs);
        const gone = await p.read(id, outs);
        const singleton = c.type === "GcSchedule" || c.type === "CveAllowlist";
        expect(singleton || gone.id === undefined, "still there after delete");
      });
    }
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  }
  return results;
}

/** Harbor refuses to delete a policy while an execution runs; the conformance ones copy nothing. */
async function waitForExecutions(
  raw: (m: Method, p: string) => Promise<{ data: unknown }>,
  policyId: number,
): Promise<void> {
  for (let i = 0; i < 120; i++) {
    const runs = (await raw("GET", `/replication/executions?policy_id=${policyId}`)).data as {
      status: string;
    }[];
    if (!runs.some((r) => r.status === "InProgress")) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
}
