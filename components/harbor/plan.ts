/**
 * Pure planning for the Harbor component: robot permissions from `resource:action` strings, the
 * projects the image-pull robot reads, stable child names from natural keys, the docker config
 * of an image-pull Secret. Unit-tested without mocks.
 */
import { createHash } from "node:crypto";
import type { HarborSettings } from "../config/harborSettings";

export interface Access {
  resource: string;
  action: string;
}

/** `["repository:pull", "artifact:read"]` → Harbor access entries. */
export function accessOf(pairs: readonly string[]): Access[] {
  return pairs.map((pair) => {
    const [resource = "", action = ""] = pair.split(":");
    return { resource, action };
  });
}

/** Projects the image-pull robot reads: every private one (public ones need no credentials). */
export function pullProjects(settings: HarborSettings): string[] {
  return settings.projects.filter((p) => !p.public).map((p) => p.name);
}

/**
 * A readable child-name part for a pattern (`v*` → `v-…`) with a short hash of the exact text, so
 * two patterns that read alike never share a name.
 */
export function patternKey(...parts: string[]): string {
  const text = parts.join(" ");
  const readable = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  const hash = createHash("sha256").update(text).digest("hex").slice(0, 6);
  return `${readable || "all"}-${hash}`;
}

/** `.dockerconfigjson` for a registry host and a robot's credentials. */
export function dockerConfigJson(host: string, username: string, password: string): string {
  const auth = Buffer.from(`${username}:${password}`, "utf8").toString("base64");
  return JSON.stringify({ auths: { [host]: { username, password, auth } } });
}

/** `https://harbor.example.com` for a hostname (the platform's Harbor ingress). */
export function harborUrl(hostname: string): string {
  return `https://${hostname}`;
}

/** Harbor's ECR endpoint for a region (the adapter parses the region from it). */
export function ecrEndpoint(region: string): string {
  return `https://api.ecr.${region}.amazonaws.com`;
}
