/**
 * Harbor project: visibility, storage quota, scan on push and the pull block for vulnerable
 * images. The quota lives in Harbor's quota API (`/quotas`), not in the project: `PUT /projects`
 * ignores `storage_limit` (terraform-provider-harbor #56, #152, #470), so it is set there.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { HarborProvider, type InputChecker } from "./base";
import { getOrUndefined, harborRequest, idFromLocation, isHarborError, isStatus } from "./http";
import type { ConnectedInputs, HarborConnection } from "./types";
import { SEVERITIES, UNKNOWN, metaBool, metaString, parseQuota, type Severity } from "./values";

export interface ProjectInputs extends ConnectedInputs {
  /** Project name: lowercase, unique in Harbor (changing it replaces the project). */
  name: string;
  public: boolean;
  /** Bytes (`-1` unlimited); `check` also accepts sizes such as `"50Gi"`. */
  storageQuota: number;
  /** Scan every pushed artifact (`auto_scan`). */
  autoScan: boolean;
  /** Block pulls of artifacts with vulnerabilities at or above `severity` (`prevent_vul`). */
  preventVulnerable: boolean;
  severity: Severity;
  /** Use the system CVE allowlist instead of a per-project one. */
  reuseSystemCveAllowlist: boolean;
}

export interface ProjectOutputs extends ProjectInputs {
  projectId: number;
}

export const PROJECT_NAME = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

interface HarborProject {
  project_id: number;
  name: string;
  metadata?: Record<string, string>;
}

interface HarborQuota {
  id: number;
  hard?: { storage?: number };
}

const what = (name: string) => `project "${name}"`;

/** Resolves a project by name (names may look numeric: `X-Is-Resource-Name`). */
export async function findProject(
  conn: HarborConnection,
  name: string,
): Promise<HarborProject | undefined> {
  return getOrUndefined<HarborProject>(conn, `/projects/${encodeURIComponent(name)}`, what(name), {
    "X-Is-Resource-Name": "true",
  });
}

/** The project's id, or a clear error when it does not exist (yet). */
export async function requireProjectId(conn: HarborConnection, name: string): Promise<number> {
  const p = await findProject(conn, name);
  if (!p) throw new Error(`Harbor ${what(name)} does not exist; declare it before its rules`);
  return p.project_id;
}

function metadata(inputs: ProjectInputs): Record<string, string> {
  return {
    public: metaString(inputs.public),
    auto_scan: metaString(inputs.autoScan),
    prevent_vul: metaString(inputs.preventVulnerable),
    severity: inputs.severity,
    reuse_sys_cve_allowlist: metaString(inputs.reuseSystemCveAllowlist),
  };
}

async function quotaOf(conn: HarborConnection, projectId: number): Promise<HarborQuota> {
  const reply = await harborRequest(
    conn,
    "GET",
    `/quotas?reference=project&reference_id=${projectId}`,
    { idempotent: true, what: `quota of project ${projectId}` },
  );
  const [quota] = Array.isArray(reply.data) ? (reply.data as HarborQuota[]) : [];
  if (!quota) throw new Error(`Harbor has no quota for project ${projectId}`);
  return quota;
}

async function setQuota(conn: HarborConnection, projectId: number, bytes: number): Promise<void> {
  const quota = await quotaOf(conn, projectId);
  if (quota.hard?.storage === bytes) return;
  await harborRequest(conn, "PUT", `/quotas/${quota.id}`, {
    body: { hard: { storage: bytes } },
    idempotent: true,
    what: `quota of project ${projectId}`,
  });
}

export class ProjectProvider extends HarborProvider<ProjectInputs, ProjectOutputs> {
  protected readonly replaceKeys = ["name"];

  protected checkInputs(c: InputChecker): void {
    c.string("name", { pattern: PROJECT_NAME, hint: "must be a lowercase Harbor project name" });
    c.bool("public", false);
    c.bool("autoScan", true);
    c.bool("preventVulnerable", false);
    c.string("severity", { default: "high", oneOf: SEVERITIES });
    c.bool("reuseSystemCveAllowlist", true);
    if (c.bag["storageQuota"] === UNKNOWN) return;
    const quota = parseQuota(c.bag["storageQuota"]);
    if (typeof quota === "string") c.fail("storageQuota", quota);
    else c.bag["storageQuota"] = quota;
  }

  protected desired(p: ProjectInputs): Record<string, unknown> {
    return {
      name: p.name,
      public: p.public,
      storageQuota: p.storageQuota,
      autoScan: p.autoScan,
      preventVulnerable: p.preventVulnerable,
      severity: p.severity,
      reuseSystemCveAllowlist: p.reuseSystemCveAllowlist,
    };
  }

  async create(inputs: ProjectInputs): Promise<dynamic.CreateResult<ProjectOutputs>> {
    const conn = inputs.connection;
    const projectId = await this.createOrAdopt(inputs);
    await setQuota(conn, projectId, inputs.storageQuota);
    return { id: String(projectId), outs: { ...inputs, projectId } };
  }

  /**
   * POST, or adopt the project with the same name: after a 409 (it exists, e.g. created in the
   * UI) and after a lost reply (the POST may have been applied), look it up by name.
   */
  private async createOrAdopt(inputs: ProjectInputs): Promise<number> {
    const conn = inputs.connection;
    const adopt = async (): Promise<number | undefined> => {
      const found = await findProject(conn, inputs.name);
      if (!found) return undefined;
      await this.put(conn, found.project_id, inputs);
      return found.project_id;
    };
    for (let attempt = 0; ; attempt++) {
      try {
        const reply = await harborRequest(conn, "POST", "/projects", {
          body: {
            project_name: inputs.name,
            metadata: metadata(inputs),
            storage_limit: inputs.storageQuota,
          },
          idempotent: false,
          what: what(inputs.name),
        });
        return Number(idFromLocation(reply.location, what(inputs.name)));
      } catch (e) {
        if (!isHarborError(e)) throw e;
        const conflict = e.status === 409;
        if (!conflict && !(e.ambiguous && attempt < 2)) throw e;
        const id = await adopt();
        if (id !== undefined) return id;
        if (conflict) throw e;
      }
    }
  }

  private async put(conn: HarborConnection, id: number, inputs: ProjectInputs): Promise<void> {
    await harborRequest(conn, "PUT", `/projects/${id}`, {
      body: { metadata: metadata(inputs) },
      idempotent: true,
      what: what(inputs.name),
    });
  }

  async read(id: string, props?: ProjectOutputs): Promise<dynamic.ReadResult<ProjectOutputs>> {
    if (!props) throw new Error("Harbor resources cannot be imported; declare them to adopt");
    const conn = props.connection;
    // A project deleted and re-created under the same name has a new id (terraform #478).
    const live =
      (await getOrUndefined<HarborProject>(conn, `/projects/${id}`, what(props.name))) ??
      (await findProject(conn, props.name));
    if (!live) return {};
    const quota = await quotaOf(conn, live.project_id);
    const m = live.metadata ?? {};
    const severity = SEVERITIES.find((s) => s === m["severity"]) ?? props.severity;
    const inputs: ProjectInputs = {
      connection: conn,
      name: live.name,
      public: metaBool(m["public"], false),
      storageQuota: quota.hard?.storage ?? -1,
      autoScan: metaBool(m["auto_scan"], false),
      preventVulnerable: metaBool(m["prevent_vul"], false),
      severity,
      reuseSystemCveAllowlist: metaBool(m["reuse_sys_cve_allowlist"], false),
    };
    return {
      id: String(live.project_id),
      props: { ...inputs, projectId: live.project_id },
      inputs: inputs as ProjectOutputs, // the SDK types ReadResult.inputs as Outputs
    };
  }

  async update(
    id: string,
    _olds: ProjectOutputs,
    news: ProjectInputs,
  ): Promise<dynamic.UpdateResult<ProjectOutputs>> {
    const projectId = Number(id);
    try {
      await this.put(news.connection, projectId, news);
    } catch (e) {
      if (isStatus(e, 404)) {
        throw new Error(
          `Harbor ${what(news.name)} (id ${id}) no longer exists (deleted outside Pulumi): run ` +
            "`pulumi refresh` so it is recreated",
          { cause: e },
        );
      }
      throw e;
    }
    await setQuota(news.connection, projectId, news.storageQuota);
    return { outs: { ...news, projectId } };
  }

  async delete(id: string, props: ProjectOutputs): Promise<void> {
    try {
      await harborRequest(props.connection, "DELETE", `/projects/${id}`, {
        idempotent: true,
        what: what(props.name),
      });
    } catch (e) {
      if (isStatus(e, 404)) return;
      if (isStatus(e, 412)) {
        throw new Error(
          `${e.message} — Harbor deletes only empty projects: delete its repositories first ` +
            "(or keep the project with `retainOnDelete`)",
          { cause: e },
        );
      }
      throw e;
    }
  }
}
