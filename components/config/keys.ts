/**
 * Which config keys a stack may set, and what to say about one it may not. A key in the
 * `baremetal:` namespace that nothing reads is a mistake (usually a misspelling) that would
 * otherwise be dropped in silence, so it is an error, with a suggestion when one is close.
 */
import { z } from "./zod";
import { CONFIG_NAMESPACE } from "./issues";
import { OPTIONAL_SECRET_KEYS, SECRET_KEYS, sectionSchemas } from "./schema";

/** Plain keys read outside the validated sections (declared in `Pulumi.yaml`). */
export const PLAIN_KEYS = ["routerosUsername", "harborUsername", "mongodbAdminUsername"] as const;

/** Every key of the namespace a stack may set: the sections, the secrets, the plain keys. */
export function knownConfigKeys(): string[] {
  return [...Object.keys(sectionSchemas), ...SECRET_KEYS, ...OPTIONAL_SECRET_KEYS, ...PLAIN_KEYS];
}

/** Edit distance (insertions, deletions, substitutions and swaps of neighbours). */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      const row = rows[i];
      if (row) row[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** The candidate closest to `key`, when it is close enough to be a likely misspelling. */
export function closest(key: string, candidates: Iterable<string>): string | undefined {
  const wanted = key.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const name of candidates) {
    const candidate = name.toLowerCase();
    const distance =
      candidate === wanted
        ? 0
        : candidate.startsWith(wanted) || wanted.startsWith(candidate)
          ? Math.min(editDistance(wanted, candidate), 2)
          : editDistance(wanted, candidate);
    if (!best || distance < best.distance) best = { name, distance };
  }
  if (!best) return undefined;
  const allowed = Math.max(2, Math.floor(Math.max(key.length, best.name.length) / 3));
  return best.distance <= allowed ? best.name : undefined;
}

/** `unknown key "kubernets"; did you mean "kubernetes"?` */
export function unknownKeyMessage(key: string, candidates: Iterable<string>): string {
  const suggestion = closest(key, candidates);
  return `unknown key "${key}"${suggestion ? `; did you mean "${suggestion}"?` : ""}`;
}

/** The message for a top-level key of the namespace that no section, secret or plain key has. */
export function unknownTopLevelKeyMessage(key: string): string {
  const suggestion = closest(key, knownConfigKeys());
  return (
    "is not a configuration key of this program" +
    (suggestion ? `; did you mean baremetal:${suggestion}?` : "")
  );
}

/**
 * For a full key of another namespace: a message when the namespace looks like a misspelling of
 * `baremetal` (`baremetl:site`, `Baremetal:site`), since nothing would read that key.
 */
export function misspelledNamespaceMessage(fullKey: string): string | undefined {
  const separator = fullKey.indexOf(":");
  if (separator < 0) return undefined;
  const namespace = fullKey.slice(0, separator);
  const name = fullKey.slice(separator + 1);
  if (
    namespace === CONFIG_NAMESPACE ||
    editDistance(namespace.toLowerCase(), CONFIG_NAMESPACE) > 3
  ) {
    return undefined;
  }
  const suggestion = closest(name, knownConfigKeys()) ?? name;
  return `is in namespace "${namespace}", which nothing reads; did you mean ${CONFIG_NAMESPACE}:${suggestion}?`;
}

/** Removes the wrappers that do not change an object's keys. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable) {
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodDefault || current instanceof z.ZodPrefault) {
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodPipe) {
      current = current.in as z.ZodType;
    } else return current;
  }
}

/** The schemas a value may have to satisfy: one, or every option of a union. */
function expand(schema: z.ZodType): z.ZodType[] {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodUnion) return (inner.options as z.ZodType[]).flatMap(expand);
  return [inner];
}

/** The keys an object schema accepts at `path` (empty when it cannot tell). */
export function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let nodes = expand(schema);
  for (const segment of path) {
    const next: z.ZodType[] = [];
    for (const node of nodes) {
      if (node instanceof z.ZodArray && typeof segment === "number") {
        next.push(node.element as z.ZodType);
      } else if (node instanceof z.ZodObject && typeof segment === "string") {
        const child = (node.shape as Record<string, z.ZodType | undefined>)[segment];
        if (child) next.push(child);
      } else if (node instanceof z.ZodRecord) {
        next.push(node.valueType as z.ZodType);
      }
    }
    nodes = next.flatMap(expand);
  }
  const keys = new Set<string>();
  for (const node of nodes) {
    if (node instanceof z.ZodObject) for (const key of Object.keys(node.shape)) keys.add(key);
    if (node instanceof z.ZodRecord && node.keyType instanceof z.ZodEnum) {
      for (const key of node.keyType.options) keys.add(String(key));
    }
  }
  return [...keys];
}
