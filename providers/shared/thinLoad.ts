/**
 * Loads a `__provider` text as the dynamic-provider host does: a fresh CommonJS module whose
 * `require` resolves from the repository root (the project directory the host runs in), then
 * `exports.handler()`. Tests and the serialization checks use it to exercise the exact text that
 * goes into state, in whatever process they run.
 */
import * as fs from "node:fs";
import Module from "node:module";
import * as path from "node:path";
import { thinProviderText, thinSpec, type ThinFamily, type ThinProviderSpec } from "./thinText";

/** Node's module internals that `require-from-string` (the host's loader) relies on too. */
interface ModuleInternals {
  _nodeModulePaths(from: string): string[];
}
interface LoadableModule {
  filename: string;
  paths: string[];
  exports: { handler?: () => unknown };
  _compile(code: string, filename: string): void;
}

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "Pulumi.yaml"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no Pulumi.yaml above ${from}`);
  }
}

/** The provider object a stored `__provider` text yields, loaded from the project directory. */
export function loadProviderText<P = unknown>(text: string, projectDir = findRoot(__dirname)): P {
  const ModuleClass = Module as unknown as (new (id: string) => LoadableModule) & ModuleInternals;
  const loaded = new ModuleClass("dynamic-provider");
  loaded.filename = path.join(projectDir, "dynamic-provider.js");
  loaded.paths = ModuleClass._nodeModulePaths(projectDir);
  loaded._compile(text, loaded.filename);
  const handler = loaded.exports.handler;
  if (typeof handler !== "function") throw new Error("a provider text must export handler()");
  return handler() as P;
}

/** The thin provider of `spec`, exactly as the host builds it from the text in state. */
export function loadThinProvider<P = unknown>(spec: ThinProviderSpec): P {
  return loadProviderText<P>(thinProviderText(spec));
}

/**
 * The thin providers of `names` in `family`, each built from its stored text as the host builds
 * it, on first use and once: a read-only record keyed by name.
 */
export function loadedThinProviders<N extends string, P>(
  family: ThinFamily,
  names: readonly N[],
): Readonly<Record<N, P>> {
  const loaded = new Map<N, P>();
  const load = (name: N): P => {
    let provider = loaded.get(name);
    if (provider === undefined) {
      provider = loadThinProvider<P>(thinSpec(family, name));
      loaded.set(name, provider);
    }
    return provider;
  };
  return Object.freeze(
    Object.defineProperties(
      {},
      Object.fromEntries(names.map((name) => [name, { enumerable: true, get: () => load(name) }])),
    ),
  ) as Readonly<Record<N, P>>;
}
