/**
 * A project's tag retention policy (Harbor keeps one per project, referenced by the project's
 * `retention_id` metadata). Every rule says what to retain; anything no rule retains is deleted
 * when the policy runs. A rule always has a tag selector (terraform-provider-harbor #622).
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { HarborProvider, type InputChecker } from "./base";
import {
  deleteIfExists,
  getOrUndefined,
  harborRequest,
  idFromLocation,
  isHarborError,
} from "./http";
import { isStatus } from "./http";
import { findProject } from "./project";
import { selectionOf, selectorsOf, type HarborRuleSelectors, type Selection } from "./selectors";
import type { ConnectedInputs, HarborConnection } from "./types";
import { UNKNOWN, cronProblem, hasUnknown, normalizeCron } from "./values";

/** Templates and whether they take a count (the param is keyed by the template name). */
export const RETENTION_TEMPLATES = {
  latestPushedK: true,
  latestPulledN: true,
  latestActiveK: true,
  nDaysSinceLastPush: true,
  nDaysSinceLastPull: true,
  always: false,
} as const;
export type RetentionTemplate = keyof typeof RETENTION_TEMPLATES;

export interface RetentionRule extends Selection {
  template: RetentionTemplate;
  /** Images (latest…K/N) or days (nDaysSince…); not for `always`. */
  count?: number;
  /** Also apply to untagged artifacts. */
  untagged: boolean;
  disabled: boolean;
}

export interface RetentionInputs extends ConnectedInputs {
  /** Project name (changing it replaces the policy). */
  project: string;
  rules: RetentionRule[];
  /** 6-field cron, or "" to run only on demand. */
  schedule: string;
}

export interface RetentionOutputs extends RetentionInputs {
  retentionId: number;
  projectId: number;
}

interface HarborRetentionRule extends HarborRuleSelectors {
  disabled?: boolean;
  action?: string;
  template?: string;
  params?: Record<string, unknown> | null;
}

interface HarborRetention {
  id: number;
  algorithm?: string;
  rules?: HarborRetentionRule[] | null;
  trigger?: { kind?: string; settings?: { cron?: string } | null } | null;
  scope?: { level?: string; ref?: number } | null;
}

const what = (r: { project: string }) => `retention policy of project "${r.project}"`;

function policyBody(inputs: RetentionInputs, projectId: number) {
  return {
    algorithm: "or",
    rules: inputs.rules.map((r) => ({
      disabled: r.disabled,
      action: "retain",
      template: r.template,
      params: RETENTION_TEMPLATES[r.template] ? { [r.template]: r.count } : {},
      ...selectorsOf(r, { untagged: r.untagged }),
    })),
    trigger: { kind: "Schedule", settings: { cron: inputs.schedule }, references: {} },
    scope: { level: "project", ref: projectId },
  };
}

function normalizeRule(raw: unknown, index: number, c: InputChecker): RetentionRule | undefined {
  const at = `rules[${index}]`;
  if (raw === null || typeof raw !== "object") {
    c.fail(at, "must be an object");
    return undefined;
  }
  const r = raw as Record<string, unknown>;
  const template = r["template"];
  if (typeof template !== "string" || !(template in RETENTION_TEMPLATES)) {
    c.fail(`${at}.template`, `must be one of ${Object.keys(RETENTION_TEMPLATES).join(", ")}`);
    return undefined;
  }
  const t = template as RetentionTemplate;
  const count = r["count"];
  if (
    RETENTION_TEMPLATES[t] &&
    (typeof count !== "number" || !Number.isInteger(count) || count < 1)
  ) {
    c.fail(`${at}.count`, `is required by ${t}: a whole number ≥ 1`);
    return undefined;
  }
  const str = (k: string, d: string) => (typeof r[k] === "string" ? (r[k] as string) : d);
  const rule: RetentionRule = {
    template: t,
    repositories: str("repositories", "**"),
    repositoryDecoration:
      r["repositoryDecoration"] === "repoExcludes" ? "repoExcludes" : "repoMatches",
    tags: str("tags", "**"),
    tagDecoration: r["tagDecoration"] === "excludes" ? "excludes" : "matches",
    untagged: r["untagged"] === true,
    disabled: r["disabled"] === true,
  };
  if (RETENTION_TEMPLATES[t]) rule.count = count as number;
  if (rule.repositories === "" || rule.tags === "") {
    c.fail(at, "repositories and tags patterns must not be empty (use ** for all)");
  }
  return rule;
}

export class RetentionPolicyProvider extends HarborProvider<RetentionInputs, RetentionOutputs> {
  protected readonly replaceKeys = ["project"];

  protected checkInputs(c: InputChecker): void {
    c.string("project", {
      pattern: /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/,
      hint: "must be a project name",
    });
    c.string("schedule", { default: "" });
    const schedule = c.bag["schedule"];
    if (typeof schedule === "string" && schedule !== "" && schedule !== UNKNOWN) {
      const problem = cronProblem(schedule);
      if (problem) c.fail("schedule", problem);
      else c.bag["schedule"] = normalizeCron(schedule);
    }
    const rules = c.bag["rules"];
    if (hasUnknown(rules)) return;
    if (!Array.isArray(rules) || rules.length === 0 || rules.length > 15) {
      return c.fail("rules", "must be a list of 1 to 15 rules");
    }
    c.bag["rules"] = rules.map((r, i) => normalizeRule(r, i, c));
  }

  protected desired(p: RetentionInputs): Record<string, unknown> {
    return { project: p.project, rules: p.rules, schedule: p.schedule };
  }

  private async projectOf(conn: HarborConnection, project: string) {
    const p = await findProject(conn, project);
    if (!p)
      throw new Error(`Harbor project "${project}" does not exist; declare it before its rules`);
    const rid = Number(p.metadata?.["retention_id"] ?? Number.NaN);
    return {
      projectId: p.project_id,
      retentionId: Number.isInteger(rid) && rid > 0 ? rid : undefined,
    };
  }

  async create(inputs: RetentionInputs): Promise<dynamic.CreateResult<RetentionOutputs>> {
    const conn = inputs.connection;
    const { projectId, retentionId: existing } = await this.projectOf(conn, inputs.project);
    // One policy per project: adopt the project's policy (e.g. made in the UI) if it has one.
    let retentionId = existing;
    for (let attempt = 0; retentionId === undefined; attempt++) {
      try {
        const reply = await harborRequest(conn, "POST", "/retentions", {
          body: policyBody(inputs, projectId),
          idempotent: false,
          what: what(inputs),
        });
        retentionId = Number(idFromLocation(reply.location, what(inputs)));
      } catch (e) {
        if (!isHarborError(e)) throw e;
        const already = e.status === 400 && /already has/i.test(e.message);
        if (!already && !(e.ambiguous && attempt < 2)) throw e;
        retentionId = (await this.projectOf(conn, inputs.project)).retentionId;
        if (retentionId === undefined && already) throw e;
      }
    }
    if (existing !== undefined) await this.put(conn, retentionId, projectId, inputs);
    return { id: String(retentionId), outs: { ...inputs, retentionId, projectId } };
  }

  private async put(
    conn: HarborConnection,
    id: number,
    projectId: number,
    inputs: RetentionInputs,
  ) {
    await harborRequest(conn, "PUT", `/retentions/${id}`, {
      body: { ...policyBody(inputs, projectId), id },
      idempotent: true,
      what: what(inputs),
    });
  }

  async read(id: string, props?: RetentionOutputs): Promise<dynamic.ReadResult<RetentionOutputs>> {
    if (!props) throw new Error("Harbor resources cannot be imported; declare them to adopt");
    const live = await getOrUndefined<HarborRetention>(
      props.connection,
      `/retentions/${id}`,
      what(props),
    );
    if (!live) return {};
    const rules: RetentionRule[] = (live.rules ?? []).map((r) => {
      const { extras, ...selection } = selectionOf(r);
      const template = (r.template ?? "always") as RetentionTemplate;
      const rule: RetentionRule = {
        template,
        ...selection,
        untagged: extras["untagged"] === true,
        disabled: r.disabled === true,
      };
      const count = r.params?.[template];
      if (RETENTION_TEMPLATES[template] && count !== undefined) rule.count = Number(count);
      return rule;
    });
    const inputs: RetentionInputs = {
      connection: props.connection,
      project: props.project,
      rules,
      schedule: normalizeCron(live.trigger?.settings?.cron ?? ""),
    };
    return {
      id,
      props: { ...inputs, retentionId: live.id, projectId: live.scope?.ref ?? props.projectId },
      inputs: inputs as RetentionOutputs, // the SDK types ReadResult.inputs as Outputs
    };
  }

  async update(
    id: string,
    olds: RetentionOutputs,
    news: RetentionInputs,
  ): Promise<dynamic.UpdateResult<RetentionOutputs>> {
    try {
      await this.put(news.connection, Number(id), olds.projectId, news);
    } catch (e) {
      if (isStatus(e, 404)) {
        throw new Error(
          `Harbor ${what(news)} (id ${id}) no longer exists: run \`pulumi refresh\` so it is recreated`,
          { cause: e },
        );
      }
      throw e;
    }
    return { outs: { ...news, retentionId: Number(id), projectId: olds.projectId } };
  }

  async delete(id: string, props: RetentionOutputs): Promise<void> {
    await deleteIfExists(props.connection, `/retentions/${id}`, what(props));
  }
}
