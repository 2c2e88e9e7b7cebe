/**
 * Validation of a whole stack configuration: each config key is parsed on its own so a problem in
 * one key does not hide the problems in another, then the cross-field rules run on what parsed.
 */
import { z } from "zod";
import { type ConfigIssue, ConfigValidationError, keyPath } from "./issues";
import { checkRules } from "./rules";
import { SECRET_KEYS, type SecretKey, type StackConfig, sectionSchemas } from "./schema";

export type RawStackConfig = Partial<Record<string, unknown>>;

export interface ValidationResult {
  config: StackConfig | undefined;
  issues: ConfigIssue[];
}

function zodIssues(key: string, error: z.ZodError): ConfigIssue[] {
  return error.issues.map((issue) => ({
    path: keyPath([key, ...issue.path]),
    message:
      issue.code === "invalid_type" && issue.input === undefined ? "is required" : issue.message,
  }));
}

/**
 * Validates raw config values (as `pulumi.Config#getObject` returns them) and the set of secret
 * keys that are present. Returns the typed config only when there is no issue at all.
 */
export function validateStackConfig(
  raw: RawStackConfig,
  presentSecrets: ReadonlySet<SecretKey>,
): ValidationResult {
  const issues: ConfigIssue[] = [];
  const sections: Record<string, unknown> = {};
  const partial = new Set<string>();
  const originalIndex: Record<string, number[]> = {};
  for (const [key, schema] of Object.entries(sectionSchemas)) {
    const value = raw[key];
    // zod drops each issue's `input` unless asked to keep it; `zodIssues` needs it to tell a
    // missing value from a wrong one.
    const parsed = schema.safeParse(value, { reportInput: true });
    if (parsed.success) {
      sections[key] = parsed.data;
      continue;
    }
    issues.push(...zodIssues(key, parsed.error));
    // Keep the valid entries of a list so the cross-field rules still check them.
    if (schema instanceof z.ZodArray && Array.isArray(value)) {
      const kept = value
        .map((entry, index) => ({ index, parsed: schema.element.safeParse(entry) }))
        .filter((entry) => entry.parsed.success);
      sections[key] = kept.map((entry) => entry.parsed.data);
      originalIndex[key] = kept.map((entry) => entry.index);
      partial.add(key);
    }
  }
  for (const key of SECRET_KEYS) {
    if (!presentSecrets.has(key)) {
      issues.push({
        path: keyPath([key]),
        message: "is required (set it with `pulumi config set --secret`)",
      });
    }
  }
  issues.push(...checkRules({ ...(sections as Partial<StackConfig>), partial, originalIndex }));
  return { config: issues.length === 0 ? (sections as unknown as StackConfig) : undefined, issues };
}

/** Like `validateStackConfig`, but throws a `ConfigValidationError` listing every issue. */
export function parseStackConfig(
  raw: RawStackConfig,
  presentSecrets: ReadonlySet<SecretKey>,
): StackConfig {
  const { config, issues } = validateStackConfig(raw, presentSecrets);
  if (!config) throw new ConfigValidationError(issues);
  return config;
}
