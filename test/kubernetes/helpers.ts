/** Shared helpers for the Kubernetes tests under the offline engine. */
import * as pulumi from "@pulumi/pulumi";
import { SECRET_SIG, SIG_KEY, type RecordedResource } from "../../scripts/offline/engine";

/** Resolves an Output's value (or undefined if unknown) so a test can assert on it. */
export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply((v) => resolve(v)));
}

export function isSecret(output: pulumi.Output<unknown>): Promise<boolean> {
  return pulumi.isSecret(output);
}

/**
 * Every plain (non-secret) string in `value`, with its path. Strings inside a secret envelope are
 * skipped: they are what the engine would encrypt in state.
 */
export function plainStrings(value: unknown, path = ""): { path: string; value: string }[] {
  if (typeof value === "string") return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => plainStrings(v, `${path}[${i}]`));
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (record[SIG_KEY] === SECRET_SIG) return [];
    return Object.entries(record).flatMap(([k, v]) => plainStrings(v, `${path}.${k}`));
  }
  return [];
}

/** Plain strings of all registered inputs that contain one of `needles`. */
export function leakedSecrets(
  resources: readonly RecordedResource[],
  needles: readonly string[],
): string[] {
  return resources.flatMap((r) =>
    plainStrings(r.rawInputs)
      .filter((s) => needles.some((n) => s.value.includes(n)))
      .map((s) => `${r.type}::${r.name}${s.path}`),
  );
}

export function byTypeAndName(
  resources: readonly RecordedResource[],
  type: string,
  name: string,
): RecordedResource {
  const found = resources.find((r) => r.type === type && r.name === name);
  if (!found) throw new Error(`not registered: ${type} ${name}`);
  return found;
}
