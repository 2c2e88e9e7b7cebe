/**
 * What the Harbor fake stores, shaped like Harbor's API models (swagger `api/v2.0/swagger.yaml`):
 * ids are sequential integers (scanners: UUIDs), project metadata values are strings, quotas are
 * bytes, robot secrets exist only in the replies that create or refresh them, registry secrets
 * are stored but never returned.
 */
export class HarborFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const fail = {
  badRequest: (m: string) => new HarborFailure(400, "BAD_REQUEST", m),
  notFound: (m: string) => new HarborFailure(404, "NOT_FOUND", m),
  conflict: (m: string) => new HarborFailure(409, "CONFLICT", m),
  forbidden: (m: string) => new HarborFailure(403, "FORBIDDEN", m),
  precondition: (m: string) => new HarborFailure(412, "PRECONDITION", m),
};

export interface Project {
  project_id: number;
  name: string;
  metadata: Record<string, string>;
  creation_time: string;
  /** Repositories pushed (set by tests); Harbor refuses to delete a non-empty project. */
  repo_count: number;
}

export interface Quota {
  id: number;
  projectId: number;
  hard: { storage: number };
  used: { storage: number };
}

export interface Access {
  resource: string;
  action: string;
  effect: string;
}
export interface Permission {
  kind: string;
  namespace: string;
  access: Access[];
}

export interface Robot {
  id: number;
  name: string;
  description: string;
  level: string;
  duration: number;
  disable: boolean;
  editable: boolean;
  expires_at: number;
  permissions: Permission[];
  /** Kept to check logins; never part of a GET reply. */
  secret: string;
  projectId?: number;
}

export interface Registry {
  id: number;
  name: string;
  type: string;
  url: string;
  description: string;
  insecure: boolean;
  credential?: { type: string; access_key: string; access_secret: string };
  status: string;
}

export interface Filter {
  type: string;
  value: unknown;
  decoration?: string;
}

export interface Policy {
  id: number;
  name: string;
  description: string;
  src_registry: { id: number } | null;
  dest_registry: { id: number } | null;
  dest_namespace: string;
  dest_namespace_replace_count: number;
  trigger: { type: string; trigger_settings: { cron: string } };
  filters: Filter[];
  replicate_deletion: boolean;
  override: boolean;
  enabled: boolean;
  speed: number;
}

export interface Execution {
  id: number;
  policy_id: number;
  status: string;
  trigger: string;
  start_time: string;
}

export interface Selector {
  kind: string;
  decoration: string;
  pattern: string;
  extras?: string;
}

export interface RetentionRule {
  id: number;
  priority: number;
  disabled: boolean;
  action: string;
  template: string;
  params: Record<string, unknown>;
  tag_selectors: Selector[];
  scope_selectors: { repository: Selector[] };
}

export interface Retention {
  id: number;
  algorithm: string;
  rules: RetentionRule[];
  trigger: { kind: string; settings: { cron: string }; references: Record<string, unknown> };
  scope: { level: string; ref: number };
}

export interface ImmutableRule {
  id: number;
  project_id: number;
  priority: number;
  disabled: boolean;
  action: string;
  template: string;
  tag_selectors: Selector[];
  scope_selectors: { repository: Selector[] };
}

export interface Scanner {
  uuid: string;
  name: string;
  description: string;
  url: string;
  auth: string;
  access_credential: string;
  skip_certVerify: boolean;
  use_internal_addr: boolean;
  disabled: boolean;
  is_default: boolean;
  immutable: boolean;
}

export interface GcSchedule {
  id: number;
  schedule: { type: string; cron: string };
  parameters: Record<string, unknown>;
}

export class HarborState {
  private seq = 0;
  readonly projects = new Map<number, Project>();
  readonly quotas = new Map<number, Quota>();
  readonly robots = new Map<number, Robot>();
  readonly registries = new Map<number, Registry>();
  readonly policies = new Map<number, Policy>();
  readonly executions = new Map<number, Execution>();
  readonly retentions = new Map<number, Retention>();
  readonly immutableRules = new Map<number, ImmutableRule>();
  readonly scanners = new Map<string, Scanner>();
  gc: GcSchedule | undefined;
  allowlist: { items: { cve_id: string }[]; expires_at: number | null } = {
    items: [],
    expires_at: null,
  };
  /** How long a replication execution runs before it succeeds. */
  executionMs = 100;
  /** Harbor's `robot_name_prefix` configuration. */
  robotPrefix = "robot$";

  nextId(): number {
    return ++this.seq;
  }

  projectByName(name: string): Project | undefined {
    return [...this.projects.values()].find((p) => p.name === name);
  }

  /** `{project_name_or_id}`: numeric means id unless `X-Is-Resource-Name: true`. */
  resolveProject(ref: string, isName: boolean): Project {
    const p =
      !isName && /^\d+$/.test(ref) ? this.projects.get(Number(ref)) : this.projectByName(ref);
    if (!p) throw fail.notFound(`project ${ref} not found`);
    return p;
  }

  /** A project as the UI or a person would create it, for adopt and drift tests. */
  addProject(name: string, metadata: Record<string, string> = {}, storage = -1): Project {
    const project: Project = {
      project_id: this.nextId(),
      name,
      metadata: { public: "false", ...metadata },
      creation_time: new Date().toISOString(),
      repo_count: 0,
    };
    this.projects.set(project.project_id, project);
    const quota: Quota = {
      id: this.nextId(),
      projectId: project.project_id,
      hard: { storage },
      used: { storage: 0 },
    };
    this.quotas.set(quota.id, quota);
    return project;
  }

  /** The Trivy registration the Helm chart makes (`trivy.enabled`): immutable, default. */
  addChartTrivy(): Scanner {
    const s: Scanner = {
      uuid: "0a3f7c1e-8d6b-4e0a-9c55-7f2d4b1e9a01",
      name: "Trivy",
      description: "The Trivy scanner adapter",
      url: "http://harbor-trivy:8080",
      auth: "",
      access_credential: "",
      skip_certVerify: false,
      use_internal_addr: true,
      disabled: false,
      is_default: true,
      immutable: true,
    };
    this.scanners.set(s.uuid, s);
    return s;
  }
}
