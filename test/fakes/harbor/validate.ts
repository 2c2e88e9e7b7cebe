/** Request validation the way Harbor's handlers do it (400 with a message naming the field). */
import { fail } from "./state";

export const NAME = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
export const SEVERITIES = ["none", "low", "medium", "high", "critical"];
export const REGISTRY_TYPES = [
  "harbor",
  "docker-hub",
  "docker-registry",
  "aws-ecr",
  "azure-acr",
  "ali-acr",
  "google-gcr",
  "huawei-SWR",
  "jfrog-artifactory",
  "quay",
  "gitlab",
  "dtr",
  "tencent-tcr",
  "github-ghcr",
  "volcengine-cr",
];
export const ECR_URL =
  /^https:\/\/(api|\d+\.dkr)\.ecr(-public|-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/?$/;

const CRUD = ["create", "read", "update", "delete", "list"];
/** Valid resource → actions of project-scoped robot permissions (src/common/rbac). */
export const PROJECT_ACCESS: Record<string, string[]> = {
  repository: ["pull", "push", "list", "read", "update", "delete"],
  artifact: ["read", "list", "create", "delete"],
  tag: ["create", "list", "delete"],
  scan: ["create", "read", "stop"],
  sbom: ["create", "read", "stop"],
  "artifact-label": ["create", "delete"],
  label: CRUD,
  "immutable-tag": CRUD,
  "tag-retention": [...CRUD, "operate"],
  "notification-policy": CRUD,
  metadata: CRUD,
  quota: ["read"],
  accessory: ["list"],
};
/** System-scoped (`kind: system`, namespace `/`). */
export const SYSTEM_ACCESS: Record<string, string[]> = {
  project: ["create", "list"],
  registry: CRUD,
  "replication-policy": CRUD,
  replication: ["create", "read", "list"],
  "scan-all": ["create", "read", "update", "stop"],
  "garbage-collection": ["create", "read", "update", "list", "stop"],
  robot: ["create", "read", "list", "delete"],
  user: CRUD,
  scanner: CRUD,
  label: CRUD,
  "audit-log": ["list"],
  quota: ["update"],
};

export function requireString(body: Record<string, unknown>, key: string): string {
  const v = body[key];
  if (typeof v !== "string" || v === "") throw fail.badRequest(`${key} in body is required`);
  return v;
}

/** robfig/cron with seconds, as Harbor's scheduler parses it; Harbor refuses every-second jobs. */
export function checkCron(cron: string, what: string): void {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 6 || !fields.every((f) => /^[\d*/,?LW#A-Za-z-]+$/.test(f))) {
    throw fail.badRequest(`invalid cron string for ${what}: ${cron}`);
  }
  if (fields[0] === "*") throw fail.badRequest(`the 1st field (seconds) of cron cannot be *`);
}

export function isBoolString(v: unknown): boolean {
  return v === "true" || v === "false";
}
