/** Helpers over an offline preview result for stack-level assertions. */
import type { RecordedResource } from "../../scripts/offline/engine";
import type { PreviewResult } from "../../scripts/offline/preview";

export function ofType(result: PreviewResult, type: string): RecordedResource[] {
  return result.resources.filter((r) => r.type === type);
}

export function named(result: PreviewResult, type: string, name: string): RecordedResource {
  const found = result.resources.find((r) => r.type === type && r.name === name);
  if (!found) throw new Error(`no ${type} named ${name} was registered`);
  return found;
}

/** `(type, name, parent type::name)` of every resource: the identity that URNs are made of. */
export function identity(result: PreviewResult): string[] {
  const byUrn = new Map(result.resources.map((r) => [r.urn, r]));
  return result.resources
    .map((r) => {
      const parent = r.parentUrn ? byUrn.get(r.parentUrn) : undefined;
      return `${r.type} :: ${r.name} <- ${parent ? `${parent.type}::${parent.name}` : "(root)"}`;
    })
    .sort();
}

export const SECRET_ENVELOPE_KEY = "4dabf18193072939515e22adb298388d";

/** Every path in `value` where `needle` appears as plain (not secret-wrapped) text. */
export function plaintextOccurrences(value: unknown, needle: string, path = ""): string[] {
  if (typeof value === "string") return value.includes(needle) ? [path] : [];
  if (Array.isArray(value))
    return value.flatMap((v, i) => plaintextOccurrences(v, needle, `${path}[${i}]`));
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (SECRET_ENVELOPE_KEY in record) return [];
    return Object.entries(record).flatMap(([k, v]) =>
      plaintextOccurrences(v, needle, `${path}.${k}`),
    );
  }
  return [];
}
