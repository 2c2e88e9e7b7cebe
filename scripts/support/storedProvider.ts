/**
 * What every provider's plain-Node round trip checks about the text a resource stores as
 * `__provider` (scripts/*-serialization-check.ts): small, free of credentials, loading its runtime
 * package by name, and served, once loaded as the dynamic-provider host loads it, by the built
 * runtime bundle rather than by anything already in this process.
 */
import Module from "node:module";
import { loadProviderText } from "../../providers/shared/thinLoad";
import { thinProviderText, thinSpec, type ThinFamily } from "../../providers/shared/thinText";

/** A thin provider text is about 600 bytes; an implementation captured by value was 45–63 KB. */
export const STORED_TEXT_BUDGET = 4_096;

export interface StoredTextExpectations {
  /** The runtime package the text must load (`@baremetal/<name>-runtime`). */
  runtimePackage: string;
  /** The provider's type name, which the text must carry. */
  typeName: string;
  /** Values that must never appear in the text (passwords given to `configure` or as inputs). */
  secrets: readonly string[];
}

/** Throws with the first way `text` is not a stored provider we can ship. */
export function checkStoredText(text: string, expect: StoredTextExpectations): void {
  if (text.length > STORED_TEXT_BUDGET) {
    throw new Error(`stored provider over budget (${text.length} > ${STORED_TEXT_BUDGET} bytes)`);
  }
  if (expect.secrets.some((secret) => text.includes(secret))) {
    throw new Error("a secret is in the stored provider");
  }
  if (/password/i.test(text)) throw new Error("password text in the stored provider");
  if (!text.includes(`require(${JSON.stringify(expect.runtimePackage)})`)) {
    throw new Error(`the stored provider does not load ${expect.runtimePackage}`);
  }
  if (!text.includes(JSON.stringify(expect.typeName))) {
    throw new Error("the stored provider does not name its type");
  }
}

/**
 * Loads `text` as the host does and runs `first` on it with the runtime bundle dropped from the
 * module cache beforehand: the call must bring `bundlePath` back, which proves the loaded copy is
 * served by the built bundle, found by package name.
 */
export async function loadThroughBundle<P>(
  text: string,
  bundlePath: string,
  first: (provider: P) => Promise<unknown>,
): Promise<P> {
  const loaded = loadProviderText<P>(text);
  const moduleCache = (Module as unknown as { _cache: Record<string, unknown> })._cache;
  // The module cache is keyed by path; dropping the entry is how Node forgets a module.
  // eslint-disable-next-line @typescript-eslint/no-dynamic-delete
  delete moduleCache[bundlePath];
  await first(loaded);
  if (!(bundlePath in moduleCache)) {
    throw new Error(`calls did not go through the built runtime (${bundlePath})`);
  }
  return loaded;
}

export interface StoredProviderOptions<P> {
  /** The built runtime bundle (real path) that must serve the loaded copy. */
  bundlePath: string;
  /** Values that must never appear in the text. */
  secrets: readonly string[];
  /** The first call on the loaded copy (its `configure`). */
  first: (provider: P) => Promise<unknown>;
}

/**
 * The text a resource of `type` in `family` stores as `__provider` (providers/shared/thinText.ts),
 * checked (checkStoredText) and loaded as the host loads it (loadThroughBundle).
 */
export async function loadStoredProvider<P>(
  family: ThinFamily,
  type: string,
  options: StoredProviderOptions<P>,
): Promise<{ text: string; provider: P }> {
  const text = thinProviderText(thinSpec(family, type));
  checkStoredText(text, {
    runtimePackage: family.runtimePackage,
    typeName: type,
    secrets: options.secrets,
  });
  const provider = await loadThroughBundle(text, options.bundlePath, options.first);
  return { text, provider };
}
