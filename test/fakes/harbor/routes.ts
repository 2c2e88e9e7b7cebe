/** Harbor's `/api/v2.0` handlers, over HarborState. */
import { randomBytes, randomUUID } from "node:crypto";
import {
  fail,
  type Filter,
  type HarborState,
  type ImmutableRule,
  type Permission,
  type Policy,
  type Project,
  type Registry,
  type Retention,
  type Robot,
  type Scanner,
  type Selector,
} from "./state";
import {
  ECR_URL,
  NAME,
  PROJECT_ACCESS,
  REGISTRY_TYPES,
  SEVERITIES,
  SYSTEM_ACCESS,
} from "./validate";
import { checkCron, isBoolString, requireString } from "./validate";

export interface Request {
  method: string;
  path: string;
  query: URLSearchParams;
  body: Record<string, unknown>;
  isResourceName: boolean;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type Body = Record<string, unknown>;
const ok = (body?: unknown): Reply => ({ status: 200, ...(body === undefined ? {} : { body }) });
const created = (location: string, body?: unknown): Reply => ({
  status: 201,
  headers: { location: `/api/v2.0${location}` },
  ...(body === undefined ? {} : { body }),
});

/** Harbor's paging: `page`, `page_size` (≤ 100), `X-Total-Count` and a `Link` header. */
function page<T>(items: T[], q: URLSearchParams): Reply {
  const size = Math.min(Number(q.get("page_size") ?? 10) || 10, 100);
  const p = Math.max(Number(q.get("page") ?? 1) || 1, 1);
  const slice = items.slice((p - 1) * size, p * size);
  const headers: Record<string, string> = { "x-total-count": String(items.length) };
  if (p * size < items.length)
    headers["link"] = `</api/v2.0?page=${p + 1}&page_size=${size}>; rel="next"`;
  return { status: 200, body: slice, headers };
}

/** `q=k=v,k2=v2` (exact matches only, which is all the fake needs to answer). */
function parseQ(q: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (q.get("q") ?? "").split(",")) {
    const i = part.indexOf("=");
    if (i > 0)
      out[part.slice(0, i).trim()] = part
        .slice(i + 1)
        .trim()
        .replace(/^~/, "");
  }
  return out;
}

function bool(v: unknown, fallback: boolean): boolean {
  return typeof v === "boolean" ? v : fallback;
}

// ---------------------------------------------------------------- projects and quotas

const PROJECT_META = [
  "public",
  "enable_content_trust",
  "enable_content_trust_cosign",
  "prevent_vul",
  "severity",
  "auto_scan",
  "auto_sbom_generation",
  "reuse_sys_cve_allowlist",
  "retention_id",
];

function checkMetadata(meta: unknown): Record<string, string> {
  if (meta === undefined || meta === null) return {};
  if (typeof meta !== "object") throw fail.badRequest("metadata must be an object");
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(meta as Body)) {
    if (!PROJECT_META.includes(k)) continue;
    if (typeof v !== "string")
      throw fail.badRequest(`metadata.${k} in body must be of type string`);
    out[k] = v;
  }
  if (out["public"] !== undefined && !isBoolString(out["public"])) {
    throw fail.badRequest(`invalid public metadata value ${out["public"]}`);
  }
  if (out["severity"] !== undefined && !SEVERITIES.includes(out["severity"])) {
    throw fail.badRequest(`invalid severity ${out["severity"]}`);
  }
  return out;
}

function quotaOf(s: HarborState, projectId: number) {
  return [...s.quotas.values()].find((q) => q.projectId === projectId);
}

function projects(s: HarborState, r: Request, rest: string[]): Reply {
  const [ref, sub, subId] = rest;
  if (ref === undefined) {
    if (r.method === "GET") {
      const name = r.query.get("name");
      const all = [...s.projects.values()].filter((p) => !name || p.name.includes(name));
      return page(all, r.query);
    }
    if (r.method === "POST") {
      const name = requireString(r.body, "project_name");
      if (!NAME.test(name) || name.length > 255) {
        throw fail.badRequest(`project name is not in lower case or contains illegal characters`);
      }
      if (s.projectByName(name)) throw fail.conflict(`The project named ${name} already exists`);
      const metadata = checkMetadata(r.body["metadata"]);
      delete metadata["retention_id"];
      const limit = r.body["storage_limit"];
      if (
        limit !== undefined &&
        limit !== null &&
        (typeof limit !== "number" || limit < -1 || limit === 0)
      ) {
        throw fail.badRequest(`invalid storage_limit ${String(limit)}`);
      }
      const p = s.addProject(name, metadata, typeof limit === "number" ? limit : -1);
      return created(`/projects/${p.project_id}`);
    }
    throw fail.badRequest(`method ${r.method} is not allowed`);
  }
  const project = s.resolveProject(decodeURIComponent(ref), r.isResourceName);
  if (sub === undefined) {
    if (r.method === "GET") return ok(renderProject(project));
    if (r.method === "PUT") {
      const metadata = checkMetadata(r.body["metadata"]);
      const rid = metadata["retention_id"];
      if (rid !== undefined && rid !== project.metadata["retention_id"]) {
        throw fail.badRequest(
          "the retention_id in the request's payload doesn't match the project's",
        );
      }
      Object.assign(project.metadata, metadata);
      return ok();
    }
    if (r.method === "DELETE") {
      if (project.repo_count > 0) {
        throw fail.precondition(
          `the project ${project.name} contains repositories, can not be deleted`,
        );
      }
      s.projects.delete(project.project_id);
      const q = quotaOf(s, project.project_id);
      if (q) s.quotas.delete(q.id);
      for (const rule of s.immutableRules.values()) {
        if (rule.project_id === project.project_id) s.immutableRules.delete(rule.id);
      }
      for (const ret of s.retentions.values()) {
        if (ret.scope.ref === project.project_id) s.retentions.delete(ret.id);
      }
      for (const robot of s.robots.values()) {
        if (robot.projectId === project.project_id) s.robots.delete(robot.id);
      }
      return ok();
    }
  }
  if (sub === "immutabletagrules") return immutableRules(s, r, project, subId);
  throw fail.notFound(`no route ${r.method} ${r.path}`);
}

function renderProject(p: Project) {
  const { repo_count, ...rest } = p;
  return { ...rest, repo_count, deleted: false, owner_name: "admin", metadata: { ...p.metadata } };
}

function quotas(s: HarborState, r: Request, rest: string[]): Reply {
  const [id] = rest;
  if (id === undefined && r.method === "GET") {
    const refId = Number(r.query.get("reference_id"));
    const all = [...s.quotas.values()]
      .filter(
        (q) =>
          r.query.get("reference") !== "project" ||
          !r.query.has("reference_id") ||
          q.projectId === refId,
      )
      .map((q) => ({
        id: q.id,
        ref: { id: q.projectId },
        hard: { ...q.hard },
        used: { ...q.used },
      }));
    return page(all, r.query);
  }
  const quota = s.quotas.get(Number(id));
  if (!quota) throw fail.notFound(`quota ${id} not found`);
  if (r.method === "GET")
    return ok({ id: quota.id, ref: { id: quota.projectId }, hard: quota.hard, used: quota.used });
  if (r.method === "PUT") {
    const storage = (r.body["hard"] as Body | undefined)?.["storage"];
    if (
      typeof storage !== "number" ||
      !Number.isInteger(storage) ||
      storage < -1 ||
      storage === 0
    ) {
      throw fail.badRequest("hard.storage must be -1 or a positive number of bytes");
    }
    quota.hard.storage = storage;
    return ok();
  }
  throw fail.badRequest(`method ${r.method} is not allowed`);
}

// ---------------------------------------------------------------- robots

function checkPermissions(s: HarborState, level: string, perms: unknown): Permission[] {
  if (!Array.isArray(perms) || perms.length === 0)
    throw fail.badRequest("permissions are required");
  const out: Permission[] = [];
  for (const p of perms as Body[]) {
    const kind = String(p["kind"] ?? "");
    const namespace = String(p["namespace"] ?? "");
    const table =
      kind === "system" ? SYSTEM_ACCESS : kind === "project" ? PROJECT_ACCESS : undefined;
    if (!table) throw fail.badRequest(`bad request permission kind: ${kind}`);
    if (kind === "project" && namespace !== "*" && !s.projectByName(namespace)) {
      throw fail.badRequest(`project ${namespace} not found`);
    }
    const access = ((p["access"] as Body[] | undefined) ?? []).map((a) => {
      const resource = String(a["resource"]);
      const action = String(a["action"]);
      if (!table[resource]?.includes(action)) {
        throw fail.badRequest(`bad request permission: ${resource}:${action}`);
      }
      return { resource, action, effect: String(a["effect"] ?? "allow") };
    });
    out.push({ kind, namespace, access });
  }
  if (
    level === "project" &&
    (out.length !== 1 || out[0]?.kind !== "project" || out[0].namespace === "*")
  ) {
    throw fail.badRequest("a project level robot must have exactly one project permission");
  }
  return out;
}

function renderRobot(r: Robot) {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    level: r.level,
    duration: r.duration,
    disable: r.disable,
    editable: r.editable,
    expires_at: r.expires_at,
    secret: "",
    permissions: r.permissions.map((p) => ({ ...p, access: p.access.map((a) => ({ ...a })) })),
  };
}

function robots(s: HarborState, r: Request, rest: string[]): Reply {
  const [id] = rest;
  if (id === undefined) {
    if (r.method === "GET") {
      const q = parseQ(r.query);
      const all = [...s.robots.values()]
        .filter((b) => !q["Level"] || b.level === q["Level"])
        .filter((b) => !q["ProjectID"] || String(b.projectId) === q["ProjectID"])
        .filter((b) => !q["name"] || b.name.includes(q["name"]))
        .map(renderRobot);
      return page(all, r.query);
    }
    if (r.method === "POST") {
      const name = requireString(r.body, "name");
      if (!NAME.test(name))
        throw fail.badRequest(`robot name is not in lower case or contains illegal characters`);
      const level = requireString(r.body, "level");
      if (level !== "project" && level !== "system")
        throw fail.badRequest(`bad request level: ${level}`);
      const duration = r.body["duration"] ?? -1;
      if (typeof duration !== "number" || !(duration === -1 || duration >= 1)) {
        throw fail.badRequest(`bad request error duration input: ${String(duration)}`);
      }
      const permissions = checkPermissions(s, level, r.body["permissions"]);
      const project =
        level === "project" ? s.projectByName(permissions[0]?.namespace ?? "") : undefined;
      const fullName = project
        ? `${s.robotPrefix}${project.name}+${name}`
        : `${s.robotPrefix}${name}`;
      if ([...s.robots.values()].some((b) => b.name === fullName)) {
        throw fail.conflict(`robot account ${fullName} already exists`);
      }
      const robot: Robot = {
        id: s.nextId(),
        name: fullName,
        description: String(r.body["description"] ?? ""),
        level,
        duration,
        disable: bool(r.body["disable"], false),
        editable: true,
        expires_at: duration === -1 ? -1 : Math.floor(Date.now() / 1000) + duration * 86400,
        permissions,
        // Harbor ignores a secret in RobotCreate and always generates one (harbor #22899).
        secret: newSecret(),
        ...(project ? { projectId: project.project_id } : {}),
      };
      s.robots.set(robot.id, robot);
      return created(`/robots/${robot.id}`, {
        id: robot.id,
        name: robot.name,
        secret: robot.secret,
        creation_time: new Date().toISOString(),
        expires_at: robot.expires_at,
      });
    }
    throw fail.badRequest(`method ${r.method} is not allowed`);
  }
  const robot = s.robots.get(Number(id));
  if (!robot) throw fail.notFound(`robot ${id} not found`);
  if (r.method === "GET") return ok(renderRobot(robot));
  if (r.method === "PUT") {
    if (r.body["name"] !== robot.name) throw fail.badRequest("cannot update the name of robot");
    if (r.body["level"] !== robot.level) throw fail.badRequest("cannot update the level of robot");
    const permissions = checkPermissions(s, robot.level, r.body["permissions"]);
    if (
      robot.level === "project" &&
      s.projectByName(permissions[0]?.namespace ?? "")?.project_id !== robot.projectId
    ) {
      throw fail.badRequest("cannot update the project of robot");
    }
    const duration = r.body["duration"] ?? robot.duration;
    if (typeof duration !== "number" || !(duration === -1 || duration >= 1)) {
      throw fail.badRequest(`bad request error duration input: ${String(duration)}`);
    }
    Object.assign(robot, {
      description: String(r.body["description"] ?? ""),
      disable: bool(r.body["disable"], false),
      duration,
      permissions,
    });
    return ok();
  }
  if (r.method === "PATCH") {
    const secret = r.body["secret"];
    if (secret === undefined || secret === "") {
      robot.secret = newSecret();
      return ok({ secret: robot.secret });
    }
    if (typeof secret !== "string" || !/^(?=.*[a-z])(?=.*[A-Z])(?=.*\d).{8,128}$/.test(secret)) {
      throw fail.badRequest(
        "the secret must be 8-128 characters with at least 1 uppercase, 1 lowercase and 1 number",
      );
    }
    robot.secret = secret;
    return ok({ secret: "" });
  }
  if (r.method === "DELETE") {
    s.robots.delete(robot.id);
    return ok();
  }
  throw fail.badRequest(`method ${r.method} is not allowed`);
}

function newSecret(): string {
  return randomBytes(24).toString("base64url");
}

// ---------------------------------------------------------------- registries

function renderRegistry(reg: Registry) {
  return {
    ...reg,
    credential: reg.credential
      ? { type: reg.credential.type, access_key: reg.credential.access_key, access_secret: "*****" }
      : { type: "basic", access_key: "", access_secret: "" },
  };
}

function registries(s: HarborState, r: Request, rest: string[]): Reply {
  const [id] = rest;
  if (id === undefined) {
    if (r.method === "GET") {
      const name = parseQ(r.query)["name"] ?? r.query.get("name");
      const all = [...s.registries.values()]
        .filter((g) => !name || g.name.includes(name))
        .map(renderRegistry);
      return page(all, r.query);
    }
    if (r.method === "POST") {
      const name = requireString(r.body, "name");
      const type = requireString(r.body, "type");
      const url = requireString(r.body, "url");
      if (!REGISTRY_TYPES.includes(type))
        throw fail.badRequest(`adapter factory for ${type} not found`);
      if (type === "aws-ecr" && !ECR_URL.test(url)) throw fail.badRequest(`bad aws url: ${url}`);
      if ([...s.registries.values()].some((g) => g.name === name)) {
        throw fail.conflict(`registry ${name} already exists`);
      }
      const cred = r.body["credential"] as Body | undefined;
      const reg: Registry = {
        id: s.nextId(),
        name,
        type,
        url: url.replace(/\/+$/, ""),
        description: String(r.body["description"] ?? ""),
        insecure: bool(r.body["insecure"], false),
        status: "healthy",
        ...(cred
          ? {
              credential: {
                type: String(cred["type"] ?? "basic"),
                access_key: String(cred["access_key"] ?? ""),
                access_secret: String(cred["access_secret"] ?? ""),
              },
            }
          : {}),
      };
      s.registries.set(reg.id, reg);
      return created(`/registries/${reg.id}`);
    }
    throw fail.badRequest(`method ${r.method} is not allowed`);
  }
  const reg = s.registries.get(Number(id));
  if (!reg) throw fail.notFound(`registry ${id} not found`);
  if (r.method === "GET") return ok(renderRegistry(reg));
  if (r.method === "PUT") {
    const b = r.body;
    if (typeof b["name"] === "string" && b["name"] !== reg.name) {
      if ([...s.registries.values()].some((g) => g.name === b["name"])) {
        throw fail.conflict(`registry ${String(b["name"])} already exists`);
      }
      reg.name = b["name"];
    }
    if (typeof b["url"] === "string") {
      if (reg.type === "aws-ecr" && !ECR_URL.test(b["url"]))
        throw fail.badRequest(`bad aws url: ${b["url"]}`);
      reg.url = b["url"].replace(/\/+$/, "");
    }
    if (typeof b["description"] === "string") reg.description = b["description"];
    if (typeof b["insecure"] === "boolean") reg.insecure = b["insecure"];
    if (typeof b["access_key"] === "string") {
      reg.credential = {
        type: String(b["credential_type"] ?? "basic"),
        access_key: b["access_key"],
        // Harbor keeps the old secret when the update leaves it out.
        access_secret:
          typeof b["access_secret"] === "string"
            ? b["access_secret"]
            : (reg.credential?.access_secret ?? ""),
      };
    }
    return ok();
  }
  if (r.method === "DELETE") {
    if (
      [...s.policies.values()].some(
        (p) => p.src_registry?.id === reg.id || p.dest_registry?.id === reg.id,
      )
    ) {
      throw fail.precondition(
        `the registry ${reg.id} is referenced by replication policies, can not be deleted`,
      );
    }
    s.registries.delete(reg.id);
    return ok();
  }
  throw fail.badRequest(`method ${r.method} is not allowed`);
}

// ---------------------------------------------------------------- replication

function checkPolicy(s: HarborState, b: Body): Omit<Policy, "id"> {
  const name = requireString(b, "name");
  const src = b["src_registry"] as { id?: number } | null | undefined;
  const dest = b["dest_registry"] as { id?: number } | null | undefined;
  const srcId = src?.id ?? 0;
  const destId = dest?.id ?? 0;
  if (srcId > 0 === destId > 0) {
    throw fail.badRequest(
      "either src_registry or dest_registry should be empty and the other one shouldn't be empty",
    );
  }
  const remote = s.registries.get(srcId || destId);
  if (!remote) throw fail.badRequest(`registry ${srcId || destId} not found`);
  const trigger = (b["trigger"] as Body | undefined) ?? { type: "manual" };
  const type = String(trigger["type"] ?? "manual");
  if (!["manual", "event_based", "scheduled"].includes(type)) {
    throw fail.badRequest(`invalid trigger type: ${type}`);
  }
  const cron = String((trigger["trigger_settings"] as Body | undefined)?.["cron"] ?? "");
  if (type === "scheduled") {
    checkCron(cron, "replication policy");
    if (cron.trim().split(/\s+/)[1] === "*")
      throw fail.badRequest("the 2nd field (minute) of cron cannot be *");
  }
  if (remote.type === "aws-ecr" && type === "event_based") {
    throw fail.badRequest("the adapter aws-ecr doesn't support event_based trigger");
  }
  const filters = ((b["filters"] as Body[] | null | undefined) ?? []).map((f): Filter => {
    const ftype = String(f["type"]);
    if (!["name", "tag", "label", "resource"].includes(ftype))
      throw fail.badRequest(`invalid filter type: ${ftype}`);
    if (remote.type === "aws-ecr" && (ftype === "label" || ftype === "resource")) {
      throw fail.badRequest(`the adapter aws-ecr doesn't support the ${ftype} filter`);
    }
    const decoration = f["decoration"];
    if (decoration !== undefined && ftype !== "tag" && ftype !== "label") {
      throw fail.badRequest(`only tag and label filters support decoration`);
    }
    return {
      type: ftype,
      value: f["value"],
      ...(typeof decoration === "string" ? { decoration } : {}),
    };
  });
  const count = b["dest_namespace_replace_count"];
  return {
    name,
    description: String(b["description"] ?? ""),
    src_registry: srcId ? { id: srcId } : null,
    dest_registry: destId ? { id: destId } : null,
    dest_namespace: String(b["dest_namespace"] ?? ""),
    dest_namespace_replace_count: typeof count === "number" ? count : -1,
    trigger: { type, trigger_settings: { cron: type === "scheduled" ? cron : "" } },
    // Harbor stores filters as it likes; the fake reverses them so order-dependent clients show up.
    filters: filters.reverse(),
    replicate_deletion: bool(b["replicate_deletion"], false),
    override: bool(b["override"], false),
    enabled: bool(b["enabled"], false),
    speed: typeof b["speed"] === "number" ? b["speed"] : -1,
  };
}

/** Executions finish `executionMs` after they start. */
function settleExecutions(s: HarborState): void {
  const now = Date.now();
  for (const e of s.executions.values()) {
    if (e.status === "InProgress" && now - Date.parse(e.start_time) >= s.executionMs) {
      e.status = "Succeed";
    }
  }
}

function replication(s: HarborState, r: Request, rest: string[]): Reply {
  settleExecutions(s);
  const [kind, id] = rest;
  if (kind === "policies") {
    if (id === undefined) {
      if (r.method === "GET") {
        const name = r.query.get("name") ?? parseQ(r.query)["name"];
        return page(
          [...s.policies.values()].filter((p) => !name || p.name.includes(name)),
          r.query,
        );
      }
      if (r.method === "POST") {
        const policy = checkPolicy(s, r.body);
        if ([...s.policies.values()].some((p) => p.name === policy.name)) {
          throw fail.conflict(`policy ${policy.name} already exists`);
        }
        const p: Policy = { id: s.nextId(), ...policy };
        s.policies.set(p.id, p);
        return created(`/replication/policies/${p.id}`);
      }
    }
    const policy = s.policies.get(Number(id));
    if (!policy) throw fail.notFound(`policy ${id} not found`);
    if (r.method === "GET") return ok(structuredClone(policy));
    if (r.method === "PUT") {
      const next = checkPolicy(s, r.body);
      if (next.name !== policy.name && [...s.policies.values()].some((p) => p.name === next.name)) {
        throw fail.conflict(`policy ${next.name} already exists`);
      }
      Object.assign(policy, next);
      return ok();
    }
    if (r.method === "DELETE") {
      if (
        [...s.executions.values()].some(
          (e) => e.policy_id === policy.id && e.status === "InProgress",
        )
      ) {
        throw fail.precondition(
          `the policy ${policy.id} has running executions, can not be deleted`,
        );
      }
      s.policies.delete(policy.id);
      return ok();
    }
  }
  if (kind === "executions") {
    if (id === undefined && r.method === "POST") {
      const policyId = Number(r.body["policy_id"]);
      const policy = s.policies.get(policyId);
      if (!policy) throw fail.notFound(`policy ${policyId} not found`);
      if (!policy.enabled) throw fail.precondition(`the policy ${policyId} is disabled`);
      const exec = {
        id: s.nextId(),
        policy_id: policyId,
        status: "InProgress",
        trigger: "manual",
        start_time: new Date().toISOString(),
      };
      s.executions.set(exec.id, exec);
      return created(`/replication/executions/${exec.id}`);
    }
    if (id === undefined && r.method === "GET") {
      const pid = r.query.get("policy_id");
      return page(
        [...s.executions.values()].filter((e) => !pid || String(e.policy_id) === pid),
        r.query,
      );
    }
    const exec = s.executions.get(Number(id));
    if (!exec) throw fail.notFound(`execution ${id} not found`);
    if (r.method === "GET") return ok({ ...exec });
    if (r.method === "PUT") {
      if (exec.status === "InProgress") exec.status = "Stopped";
      return ok();
    }
  }
  throw fail.notFound(`no route ${r.method} ${r.path}`);
}

// ---------------------------------------------------------------- retention and immutability

function checkSelectors(
  b: Body,
  tagDecorations: string[],
): Pick<ImmutableRule, "tag_selectors" | "scope_selectors"> {
  const tags = (b["tag_selectors"] as Selector[] | undefined) ?? [];
  const repos =
    ((b["scope_selectors"] as Body | undefined)?.["repository"] as Selector[] | undefined) ?? [];
  for (const t of tags) {
    if (t.kind !== "doublestar" || !tagDecorations.includes(t.decoration)) {
      throw fail.badRequest("empty selector kind or decoration");
    }
  }
  for (const t of repos) {
    if (t.kind !== "doublestar" || !["repoMatches", "repoExcludes"].includes(t.decoration)) {
      throw fail.badRequest("empty selector kind or decoration");
    }
  }
  return {
    tag_selectors: tags.map((t) => ({ ...t })),
    scope_selectors: { repository: repos.map((t) => ({ ...t })) },
  };
}

const TEMPLATES = [
  "latestPushedK",
  "latestPulledN",
  "latestActiveK",
  "nDaysSinceLastPush",
  "nDaysSinceLastPull",
  "lastXDays",
  "always",
  "nothing",
];

function checkRetention(s: HarborState, b: Body): Omit<Retention, "id"> {
  const scope = b["scope"] as { level?: string; ref?: number } | undefined;
  if (scope?.level !== "project" || !s.projects.get(Number(scope.ref))) {
    throw fail.badRequest("scope.ref must be an existing project");
  }
  const rules = ((b["rules"] as Body[] | undefined) ?? []).map((rule, i) => {
    const template = String(rule["template"]);
    if (!TEMPLATES.includes(template)) throw fail.badRequest(`invalid template ${template}`);
    if (rule["action"] !== "retain")
      throw fail.badRequest(`invalid action ${String(rule["action"])}`);
    return {
      id: i + 1,
      priority: i,
      disabled: bool(rule["disabled"], false),
      action: "retain",
      template,
      params: { ...((rule["params"] as Body | undefined) ?? {}) },
      ...checkSelectors(rule, ["matches", "excludes"]),
    };
  });
  if (rules.length > 15) throw fail.badRequest("a retention policy has at most 15 rules");
  const trigger = b["trigger"] as { kind?: string; settings?: { cron?: string } } | undefined;
  if (trigger?.kind !== "Schedule" || !trigger.settings)
    throw fail.badRequest("trigger settings are required");
  const cron = trigger.settings.cron ?? "";
  if (cron !== "") checkCron(cron, "retention");
  return {
    algorithm: String(b["algorithm"] ?? "or"),
    rules,
    trigger: { kind: "Schedule", settings: { cron }, references: {} },
    scope: { level: "project", ref: Number(scope.ref) },
  };
}

function retentions(s: HarborState, r: Request, rest: string[]): Reply {
  const [id] = rest;
  if (id === undefined && r.method === "POST") {
    const policy = checkRetention(s, r.body);
    const project = s.projects.get(policy.scope.ref) as Project;
    if (project.metadata["retention_id"]) {
      throw fail.badRequest(
        `project: ${project.project_id} already has retention policy: ${project.metadata["retention_id"]}`,
      );
    }
    const ret: Retention = { id: s.nextId(), ...policy };
    s.retentions.set(ret.id, ret);
    project.metadata["retention_id"] = String(ret.id);
    return created(`/retentions/${ret.id}`);
  }
  const ret = s.retentions.get(Number(id));
  if (!ret) throw fail.notFound(`retention policy ${id} not found`);
  if (r.method === "GET") return ok({ id: ret.id, ...structuredClone(policyOnly(ret)) });
  if (r.method === "PUT") {
    const next = checkRetention(s, r.body);
    if (next.scope.ref !== ret.scope.ref)
      throw fail.badRequest("cannot change the scope of a retention policy");
    Object.assign(ret, next);
    return ok();
  }
  if (r.method === "DELETE") {
    s.retentions.delete(ret.id);
    const project = s.projects.get(ret.scope.ref);
    if (project) delete project.metadata["retention_id"];
    return ok();
  }
  throw fail.badRequest(`method ${r.method} is not allowed`);
}

function policyOnly(ret: Retention): Omit<Retention, "id"> {
  return {
    algorithm: ret.algorithm,
    rules: ret.rules,
    trigger: ret.trigger,
    scope: ret.scope,
  };
}

function sameSelectors(
  a: Pick<ImmutableRule, "tag_selectors" | "scope_selectors">,
  b: typeof a,
): boolean {
  return (
    JSON.stringify([a.tag_selectors, a.scope_selectors]) ===
    JSON.stringify([b.tag_selectors, b.scope_selectors])
  );
}

function immutableRules(
  s: HarborState,
  r: Request,
  project: Project,
  id: string | undefined,
): Reply {
  const mine = () =>
    [...s.immutableRules.values()].filter((x) => x.project_id === project.project_id);
  if (id === undefined) {
    if (r.method === "GET")
      return page(
        mine().map((x) => structuredClone(x)),
        r.query,
      );
    if (r.method === "POST") {
      const selectors = checkSelectors(r.body, ["matches", "excludes"]);
      if (mine().length >= 15) throw fail.badRequest("a project has at most 15 immutability rules");
      if (mine().some((x) => sameSelectors(x, selectors)))
        throw fail.conflict("the immutable tag rule already exists");
      const rule: ImmutableRule = {
        id: s.nextId(),
        project_id: project.project_id,
        priority: 0,
        disabled: bool(r.body["disabled"], false),
        action: "immutable",
        template: "immutable_template",
        ...selectors,
      };
      s.immutableRules.set(rule.id, rule);
      return created(`/projects/${project.project_id}/immutabletagrules/${rule.id}`);
    }
  }
  const rule = s.immutableRules.get(Number(id));
  if (!rule || rule.project_id !== project.project_id)
    throw fail.notFound(`immutable rule ${id} not found`);
  if (r.method === "PUT") {
    const selectors = checkSelectors(r.body, ["matches", "excludes"]);
    if (mine().some((x) => x.id !== rule.id && sameSelectors(x, selectors))) {
      throw fail.conflict("the immutable tag rule already exists");
    }
    Object.assign(rule, selectors, { disabled: bool(r.body["disabled"], false) });
    return ok();
  }
  if (r.method === "DELETE") {
    s.immutableRules.delete(rule.id);
    return ok();
  }
  throw fail.badRequest(`method ${r.method} is not allowed`);
}

// ---------------------------------------------------------------- system settings and scanners

function gcSchedule(s: HarborState, r: Request): Reply {
  if (r.method === "GET") return ok(s.gc ? structuredClone(s.gc) : {});
  const schedule = r.body["schedule"] as { type?: string; cron?: string } | undefined;
  const type = schedule?.type ?? "";
  if (!["Hourly", "Daily", "Weekly", "Custom", "Manual", "None", "Schedule"].includes(type)) {
    throw fail.badRequest(`invalid schedule type: ${type}`);
  }
  const cron = schedule?.cron ?? "";
  if (type === "Custom" || type === "Schedule") checkCron(cron, "GC");
  const params = (r.body["parameters"] as Body | undefined) ?? {};
  if (r.method === "POST") {
    if (s.gc) throw fail.conflict("a GC schedule already exists");
    if (type === "None") return created("/system/gc/schedule");
    s.gc = { id: s.nextId(), schedule: { type, cron }, parameters: { ...params } };
    return created("/system/gc/schedule");
  }
  if (r.method === "PUT") {
    if (type === "None") s.gc = undefined;
    else s.gc = { id: s.gc?.id ?? s.nextId(), schedule: { type, cron }, parameters: { ...params } };
    return ok();
  }
  throw fail.badRequest(`method ${r.method} is not allowed`);
}

function cveAllowlist(s: HarborState, r: Request): Reply {
  if (r.method === "GET") return ok({ id: 1, project_id: 0, ...structuredClone(s.allowlist) });
  if (r.method === "PUT") {
    const items = ((r.body["items"] as Body[] | undefined) ?? []).map((i) => {
      const id = String(i["cve_id"] ?? "").trim();
      if (id === "") throw fail.badRequest("empty CVE id in the allowlist");
      return { cve_id: id };
    });
    const expires = r.body["expires_at"];
    s.allowlist = { items, expires_at: typeof expires === "number" ? expires : null };
    return ok();
  }
  throw fail.badRequest(`method ${r.method} is not allowed`);
}

function scanners(s: HarborState, r: Request, rest: string[]): Reply {
  const [id] = rest;
  if (id === undefined) {
    if (r.method === "GET")
      return page(
        [...s.scanners.values()].map((x) => ({ ...x })),
        r.query,
      );
    if (r.method === "POST") {
      const name = requireString(r.body, "name");
      const url = requireString(r.body, "url");
      if ([...s.scanners.values()].some((x) => x.name === name))
        throw fail.conflict(`scanner ${name} already exists`);
      const scanner: Scanner = {
        uuid: randomUUID(),
        name,
        url,
        description: String(r.body["description"] ?? ""),
        auth: String(r.body["auth"] ?? ""),
        access_credential: String(r.body["access_credential"] ?? ""),
        skip_certVerify: bool(r.body["skip_certVerify"], false),
        use_internal_addr: bool(r.body["use_internal_addr"], false),
        disabled: bool(r.body["disabled"], false),
        is_default: false,
        immutable: false,
      };
      s.scanners.set(scanner.uuid, scanner);
      return created(`/scanners/${scanner.uuid}`);
    }
  }
  const scanner = s.scanners.get(String(id));
  if (!scanner) throw fail.notFound(`scanner ${id} not found`);
  if (r.method === "GET") return ok({ ...scanner });
  if (r.method === "PATCH") {
    if (r.body["is_default"] === true) {
      for (const x of s.scanners.values()) x.is_default = x.uuid === scanner.uuid;
    }
    return ok();
  }
  if (scanner.immutable)
    throw fail.forbidden(
      `registration ${scanner.uuid} is not allowed to update as it is immutable`,
    );
  if (r.method === "PUT") {
    Object.assign(scanner, {
      name: requireString(r.body, "name"),
      url: requireString(r.body, "url"),
      description: String(r.body["description"] ?? ""),
      skip_certVerify: bool(r.body["skip_certVerify"], false),
      use_internal_addr: bool(r.body["use_internal_addr"], false),
      disabled: bool(r.body["disabled"], false),
    });
    return ok();
  }
  if (r.method === "DELETE") {
    s.scanners.delete(scanner.uuid);
    return ok({ ...scanner });
  }
  throw fail.badRequest(`method ${r.method} is not allowed`);
}

export function routeRequest(s: HarborState, r: Request): Reply {
  const segments = r.path.split("/").filter(Boolean);
  const [head, ...rest] = segments;
  switch (head) {
    case "projects":
      return projects(s, r, rest);
    case "quotas":
      return quotas(s, r, rest);
    case "robots":
      return robots(s, r, rest);
    case "registries":
      return registries(s, r, rest);
    case "replication":
      return replication(s, r, rest);
    case "retentions":
      return retentions(s, r, rest);
    case "scanners":
      return scanners(s, r, rest);
    case "system":
      if (rest.join("/") === "gc/schedule") return gcSchedule(s, r);
      if (rest.join("/") === "CVEAllowlist") return cveAllowlist(s, r);
      break;
  }
  throw fail.notFound(`no route ${r.method} ${r.path}`);
}
