/**
 * Robot account. Harbor returns the secret only when it is created or refreshed, so it is kept
 * in state as a secret output (`additionalSecretOutputs`) and carried forward by `read` and
 * `update`. A new value of the `rotation` input refreshes it (`PATCH /robots/{id}`); adopting an
 * existing robot refreshes it too, since its secret cannot be read back.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { HarborProvider, type InputChecker } from "./base";
import { deleteIfExists, getOrUndefined, harborRequest, isHarborError, listAll } from "./http";
import { requireProjectId } from "./project";
import type { ConnectedInputs, HarborConnection } from "./types";
import { hasUnknown, shortRobotName } from "./values";

export interface RobotAccess {
  resource: string;
  action: string;
}

/** `namespace` is a project name, `*` for every project, or `/` for system permissions. */
export interface RobotPermission {
  namespace: string;
  access: RobotAccess[];
}

export interface RobotInputs extends ConnectedInputs {
  /** Short name (`ci`); Harbor shows `robot$<project>+ci` or `robot$ci`. */
  name: string;
  /** `project`: one permission entry whose namespace is the project; `system`: any. */
  level: "project" | "system";
  permissions: RobotPermission[];
  description: string;
  /** Days until the robot expires; -1 never. */
  duration: number;
  disabled: boolean;
  /** Any new value refreshes the secret. */
  rotation?: string;
}

export interface RobotOutputs extends RobotInputs {
  robotId: number;
  /** The name to log in with, as Harbor reports it (`robot$apps+puller`). */
  fullName: string;
  secret: string;
}

export const ROBOT_NAME = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

interface HarborRobot {
  id: number;
  name: string;
  description?: string;
  level: string;
  duration?: number;
  disable?: boolean;
  secret?: string;
  permissions?: {
    kind: string;
    namespace: string;
    access?: { resource: string; action: string; effect?: string }[];
  }[];
}

const what = (r: { name: string }) => `robot "${r.name}"`;

function projectOf(r: Pick<RobotInputs, "level" | "permissions">): string | undefined {
  return r.level === "project" ? r.permissions[0]?.namespace : undefined;
}

/** Permissions in a canonical order, duplicates dropped (Harbor does not keep our order). */
export function normalizePermissions(perms: RobotPermission[]): RobotPermission[] {
  const byNs = new Map<string, Map<string, RobotAccess>>();
  for (const p of perms) {
    const access = byNs.get(p.namespace) ?? new Map<string, RobotAccess>();
    for (const a of p.access) access.set(`${a.resource}:${a.action}`, { ...a });
    byNs.set(p.namespace, access);
  }
  return [...byNs.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([namespace, access]) => ({
      namespace,
      access: [...access.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, v]) => v),
    }));
}

function harborPermissions(perms: RobotPermission[]) {
  return perms.map((p) => ({
    kind: p.namespace === "/" ? "system" : "project",
    namespace: p.namespace,
    access: p.access.map((a) => ({ resource: a.resource, action: a.action, effect: "allow" })),
  }));
}

function robotBody(inputs: RobotInputs) {
  return {
    name: inputs.name,
    description: inputs.description,
    level: inputs.level,
    duration: inputs.duration,
    disable: inputs.disabled,
    permissions: harborPermissions(inputs.permissions),
  };
}

function validPermission(p: unknown): p is RobotPermission {
  if (p === null || typeof p !== "object") return false;
  const { namespace, access } = p as Record<string, unknown>;
  return (
    typeof namespace === "string" &&
    namespace !== "" &&
    Array.isArray(access) &&
    access.length > 0 &&
    access.every(
      (a) =>
        a !== null &&
        typeof a === "object" &&
        typeof (a as RobotAccess).resource === "string" &&
        typeof (a as RobotAccess).action === "string",
    )
  );
}

export class RobotAccountProvider extends HarborProvider<RobotInputs, RobotOutputs> {
  protected readonly replaceKeys = ["name", "level", "project"];

  protected checkInputs(c: InputChecker): void {
    c.string("name", {
      pattern: ROBOT_NAME,
      hint: "must be lowercase letters, digits and . _ - (no robot$ prefix, no +)",
    });
    c.string("level", { default: "project", oneOf: ["project", "system"] });
    c.string("description", { default: "" });
    c.int("duration", { default: -1, min: -1 });
    if (c.bag["duration"] === 0) c.fail("duration", "must be -1 (never expires) or ≥ 1 day");
    c.bool("disabled", false);
    c.trigger("rotation");
    const perms = c.bag["permissions"];
    if (hasUnknown(perms)) return;
    if (!Array.isArray(perms) || perms.length === 0 || !perms.every(validPermission)) {
      return c.fail(
        "permissions",
        "must be a non-empty list of { namespace, access: [{ resource, action }] }",
      );
    }
    if (c.bag["level"] === "project" && new Set(perms.map((p) => p.namespace)).size !== 1) {
      return c.fail("permissions", "a project robot has permissions in exactly one project");
    }
    if (
      c.bag["level"] === "project" &&
      perms.some((p) => p.namespace === "*" || p.namespace === "/")
    ) {
      return c.fail("permissions", "a project robot's namespace is its project's name");
    }
    c.bag["permissions"] = normalizePermissions(perms);
  }

  protected desired(r: RobotInputs): Record<string, unknown> {
    return {
      name: r.name,
      level: r.level,
      project: hasUnknown(r.permissions) ? r.permissions : projectOf(r),
      permissions: r.permissions,
      description: r.description,
      duration: r.duration,
      disabled: r.disabled,
      rotation: r.rotation,
    };
  }

  /** The robot with this short name at this level (and project), whatever Harbor's prefix. */
  private async find(inputs: RobotInputs): Promise<HarborRobot | undefined> {
    const conn = inputs.connection;
    const project = projectOf(inputs);
    const q =
      project === undefined
        ? "Level=system"
        : `Level=project,ProjectID=${await requireProjectId(conn, project)}`;
    const robots = await listAll<HarborRobot>(conn, "/robots", { q }, what(inputs));
    return robots.find((r) => shortRobotName(r.name, project, inputs.name) === inputs.name);
  }

  private async refreshSecret(conn: HarborConnection, id: number, name: string): Promise<string> {
    // Repeating a refresh is harmless (the last secret wins), so a lost reply may be retried.
    const reply = await harborRequest(conn, "PATCH", `/robots/${id}`, {
      body: { secret: "" },
      idempotent: true,
      what: `robot "${name}"`,
    });
    const secret = (reply.data as { secret?: string } | undefined)?.secret;
    if (!secret) throw new Error(`Harbor refreshed robot "${name}" but returned no secret`);
    return secret;
  }

  private async put(conn: HarborConnection, live: HarborRobot, inputs: RobotInputs) {
    await harborRequest(conn, "PUT", `/robots/${live.id}`, {
      body: { ...robotBody(inputs), id: live.id, name: live.name, editable: true },
      idempotent: true,
      what: what(inputs),
    });
  }

  async create(inputs: RobotInputs): Promise<dynamic.CreateResult<RobotOutputs>> {
    const conn = inputs.connection;
    const adopt = async (): Promise<RobotOutputs | undefined> => {
      const live = await this.find(inputs);
      if (!live) return undefined;
      await this.put(conn, live, inputs);
      const secret = await this.refreshSecret(conn, live.id, inputs.name);
      return { ...inputs, robotId: live.id, fullName: live.name, secret };
    };
    for (let attempt = 0; ; attempt++) {
      try {
        const reply = await harborRequest(conn, "POST", "/robots", {
          body: robotBody(inputs),
          idempotent: false,
          what: what(inputs),
        });
        const created = reply.data as HarborRobot;
        if (!created?.id || !created.secret) {
          throw new Error(`Harbor created ${what(inputs)} but returned no id or secret`);
        }
        const outs = { ...inputs, robotId: created.id, fullName: created.name };
        return { id: String(created.id), outs: { ...outs, secret: created.secret } };
      } catch (e) {
        if (!isHarborError(e)) throw e;
        const conflict = e.status === 409;
        if (!conflict && !(e.ambiguous && attempt < 2)) throw e;
        const adopted = await adopt();
        if (adopted) return { id: String(adopted.robotId), outs: adopted };
        if (conflict) throw e;
      }
    }
  }

  async read(id: string, props?: RobotOutputs): Promise<dynamic.ReadResult<RobotOutputs>> {
    if (!props) throw new Error("Harbor resources cannot be imported; declare them to adopt");
    const live = await getOrUndefined<HarborRobot>(props.connection, `/robots/${id}`, what(props));
    // Gone: its secret is gone with it, so the next `up` creates a new robot.
    if (!live) return {};
    const project = live.level === "project" ? live.permissions?.[0]?.namespace : undefined;
    const inputs: RobotInputs = {
      connection: props.connection,
      name: shortRobotName(live.name, project, props.name),
      level: live.level === "system" ? "system" : "project",
      permissions: normalizePermissions(
        (live.permissions ?? []).map((p) => ({
          namespace: p.namespace,
          access: (p.access ?? []).map((a) => ({ resource: a.resource, action: a.action })),
        })),
      ),
      description: live.description ?? "",
      duration: live.duration ?? -1,
      disabled: live.disable === true,
      ...(props.rotation !== undefined ? { rotation: props.rotation } : {}),
    };
    return {
      id,
      props: { ...inputs, robotId: live.id, fullName: live.name, secret: props.secret },
      inputs: inputs as RobotOutputs, // the SDK types ReadResult.inputs as Outputs
    };
  }

  async update(
    id: string,
    olds: RobotOutputs,
    news: RobotInputs,
  ): Promise<dynamic.UpdateResult<RobotOutputs>> {
    const conn = news.connection;
    const live = await getOrUndefined<HarborRobot>(conn, `/robots/${id}`, what(news));
    if (!live) {
      throw new Error(
        `Harbor ${what(news)} (id ${id}) no longer exists (deleted outside Pulumi): run ` +
          "`pulumi refresh` so it is recreated",
      );
    }
    await this.put(conn, live, news);
    const secret =
      news.rotation !== olds.rotation
        ? await this.refreshSecret(conn, live.id, news.name)
        : olds.secret;
    return { outs: { ...news, robotId: live.id, fullName: live.name, secret } };
  }

  async delete(id: string, props: RobotOutputs): Promise<void> {
    await deleteIfExists(props.connection, `/robots/${id}`, what(props));
  }
}
