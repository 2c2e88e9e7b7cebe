/**
 * Key-path checks of Helm values against a chart's own values.yaml.
 *
 * Helm silently ignores a values key the chart never reads, so a typo or a key from another chart
 * version is a no-op nobody notices. Every key path we set must exist in the pinned chart's
 * values.yaml, unless it lies under a path the chart documents as free-form (annotations, config
 * maps passed through verbatim) or as a commented-out option; those are listed explicitly.
 */

export type KeyPath = readonly string[];

/** A path under which any key is accepted, with the reason it is legitimate. */
export interface FreeFormPath {
  readonly path: KeyPath;
  readonly reason: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * Leaf key paths of `values`. Arrays and scalars are leaves (list items are data, not keys);
 * an empty object is a leaf too.
 */
export function leafPaths(values: unknown, prefix: KeyPath = []): KeyPath[] {
  if (!isRecord(values) || Object.keys(values).length === 0) return [prefix];
  return Object.entries(values).flatMap(([key, child]) => leafPaths(child, [...prefix, key]));
}

/** Whether `path` names a key that exists in `reference` (keys are matched literally). */
export function hasPath(reference: unknown, path: KeyPath): boolean {
  let node: unknown = reference;
  for (const key of path) {
    if (!isRecord(node) || !Object.prototype.hasOwnProperty.call(node, key)) return false;
    node = node[key];
  }
  return true;
}

function startsWith(path: KeyPath, prefix: KeyPath): boolean {
  return prefix.length <= path.length && prefix.every((key, i) => path[i] === key);
}

/** Dotted key paths set in `values` that the chart does not know and no free-form entry covers. */
export function unknownKeyPaths(
  values: unknown,
  reference: unknown,
  freeForm: readonly FreeFormPath[] = [],
): string[] {
  return leafPaths(values)
    .filter((path) => path.length > 0)
    .filter((path) => !freeForm.some((f) => startsWith(path, f.path)))
    .filter((path) => !hasPath(reference, path))
    .map((path) => path.join("."));
}
