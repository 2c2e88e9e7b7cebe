/**
 * Stack files as `validateStackConfig` receives them: the `baremetal:` keys stripped, values parsed
 * from the string form the Pulumi CLI hands to a program, secret keys listed apart.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { CONFIG_NAMESPACE } from "../../../components/config/issues";
import { SECRET_KEYS, type SecretKey } from "../../../components/config/schema";
import type { RawStackConfig } from "../../../components/config/validate";
import { readStackFile } from "../../offline/stackFile";

export type StackName = "production" | "staging";

export const REPO_ROOT = path.join(__dirname, "..", "..", "..");

export function stackFilePath(stack: StackName): string {
  return path.join(REPO_ROOT, `Pulumi.${stack}.yaml`);
}

const SECRET_NAMES: ReadonlySet<string> = new Set(SECRET_KEYS);

/** Every secret key, as when all of them have been set with `pulumi config set --secret`. */
export function allSecrets(): Set<SecretKey> {
  return new Set(SECRET_KEYS);
}

/** Parsed stack files by path, with the file content they were parsed from. */
const parsedFiles = new Map<string, { source: string; raw: RawStackConfig }>();

/**
 * Raw, non-secret config values of a stack file, keyed without the namespace: a fresh copy on
 * every call (callers may mutate it). The parse is kept per file content: the corpus asks for the
 * same two files hundreds of times.
 */
export function rawStackConfigFromFile(file: string): RawStackConfig {
  const source = readFileSync(file, "utf8");
  let parsed = parsedFiles.get(file);
  if (parsed?.source !== source) {
    parsed = { source, raw: parseStackFileValues(file) };
    parsedFiles.set(file, parsed);
  }
  return structuredClone(parsed.raw);
}

function parseStackFileValues(file: string): RawStackConfig {
  const { values } = readStackFile(file);
  const raw: Record<string, unknown> = {};
  const prefix = `${CONFIG_NAMESPACE}:`;
  for (const [key, value] of Object.entries(values)) {
    if (!key.startsWith(prefix)) continue;
    const name = key.slice(prefix.length);
    if (SECRET_NAMES.has(name)) continue;
    raw[name] = parseValue(value);
  }
  return raw;
}

/** A fresh copy of a real stack's raw config; callers may mutate it freely. */
export function rawStackConfig(stack: StackName): RawStackConfig {
  return rawStackConfigFromFile(stackFilePath(stack));
}

function parseValue(value: string): unknown {
  // Objects and lists arrive as JSON; plain strings stay as they are.
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

type Segment = string | number;

function describe(segments: readonly Segment[]): string {
  return segments.map(String).join(".");
}

/**
 * `"@k8s-1"` in a list is the index of the entry whose `name` (or datastore `id`) is `k8s-1`, so
 * that cases survive entries being added to the stack files.
 */
export function resolveSegment(node: unknown, segment: Segment): Segment {
  if (typeof segment !== "string" || !segment.startsWith("@")) return segment;
  const wanted = segment.slice(1);
  if (!Array.isArray(node)) throw new Error(`${segment} used on something that is not a list`);
  const index = node.findIndex(
    (entry: unknown) =>
      entry !== null &&
      typeof entry === "object" &&
      ((entry as Record<string, unknown>)["name"] ?? (entry as Record<string, unknown>)["id"]) ===
        wanted,
  );
  if (index < 0) throw new Error(`no entry named ${wanted}`);
  return index;
}

/** `segments` with every `@name` replaced by its index in `root`. */
export function resolvePath(root: unknown, segments: readonly Segment[]): Segment[] {
  const resolved: Segment[] = [];
  let node = root;
  for (const segment of segments) {
    const concrete = resolveSegment(node, segment);
    resolved.push(concrete);
    node =
      node !== null && typeof node === "object"
        ? (node as Record<string, unknown>)[String(concrete)]
        : undefined;
  }
  return resolved;
}

/**
 * A config key path written with `@name` list selectors (`guests[@k8s-1].ip`) as the key path
 * that validation reports (`baremetal:guests[8].ip`) for `root`.
 */
export function resolveKeyPath(root: unknown, template: string): string {
  const segments: Segment[] = [];
  for (const match of template.matchAll(/([^.[\]]+)|\[([^\]]+)\]/g)) {
    const [, key, selector] = match;
    if (key !== undefined) segments.push(key);
    else if (selector !== undefined) {
      segments.push(/^\d+$/.test(selector) ? Number(selector) : selector);
    }
  }
  const resolved = resolvePath(root, segments);
  return `${CONFIG_NAMESPACE}:${resolved
    .map((segment, i) =>
      typeof segment === "number" ? `[${segment}]` : i === 0 ? segment : `.${segment}`,
    )
    .join("")}`;
}

/** The container holding the last segment of `segments`, or an error naming the bad path. */
function parentOf(root: unknown, path: readonly Segment[]): Record<string, unknown> {
  const segments = resolvePath(root, path);
  let node = root;
  for (const segment of segments.slice(0, -1)) {
    if (node === null || typeof node !== "object") {
      throw new Error(`no container at ${describe(segments)}`);
    }
    node = (node as Record<string, unknown>)[String(segment)];
  }
  if (node === null || typeof node !== "object") {
    throw new Error(`no container at ${describe(segments)}`);
  }
  return node as Record<string, unknown>;
}

function last(root: unknown, path: readonly Segment[]): string {
  const key = resolvePath(root, path)[path.length - 1];
  if (key === undefined) throw new Error("empty path");
  return String(key);
}

/** The value at `segments`; throws when the path does not exist, so a case cannot silently miss. */
export function getAt(root: unknown, segments: readonly Segment[]): unknown {
  const parent = parentOf(root, segments);
  const key = last(root, segments);
  if (!(key in parent)) throw new Error(`nothing at ${describe(segments)}`);
  return parent[key];
}

/** Replaces the value at an existing path. */
export function setAt(root: unknown, segments: readonly Segment[], value: unknown): void {
  getAt(root, segments);
  parentOf(root, segments)[last(root, segments)] = value;
}

/** Adds a value at a path whose container exists. */
export function addAt(root: unknown, segments: readonly Segment[], value: unknown): void {
  parentOf(root, segments)[last(root, segments)] = value;
}

/** Removes an existing key (or array entry, shifting the rest). */
export function removeAt(root: unknown, segments: readonly Segment[]): void {
  getAt(root, segments);
  const parent = parentOf(root, segments);
  if (Array.isArray(parent)) parent.splice(Number(last(root, segments)), 1);
  else Reflect.deleteProperty(parent, last(root, segments));
}
