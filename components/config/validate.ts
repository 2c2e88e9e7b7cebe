/**
 * Validation of a whole stack configuration: each config key is parsed on its own so a problem in
 * one key does not hide the problems in another, then the cross-field rules run on what parsed.
 */
import { z } from "./zod";
import { type ConfigIssue, ConfigValidationError, keyPath } from "./issues";
import {
  keysAt,
  knownConfigKeys,
  misspelledNamespaceMessage,
  unknownKeyMessage,
  unknownTopLevelKeyMessage,
} from "./keys";
import { checkRules } from "./rules";
import {
  OPTIONAL_SECRET_KEYS,
  SECRET_KEYS,
  type SecretKey,
  type StackConfig,
  sectionSchemas,
} from "./schema";

export type RawStackConfig = Partial<Record<string, unknown>>;

export interface ValidationResult {
  config: StackConfig | undefined;
  issues: ConfigIssue[];
}

function zodIssues(key: string, schema: z.ZodType, error: z.ZodError): ConfigIssue[] {
  return error.issues.flatMap((issue) => {
    const path = keyPath([key, ...issue.path]);
    if (issue.code === "unrecognized_keys") {
      // Named one by one, with the closest known key of that object as a suggestion.
      const known = keysAt(schema, issue.path);
      return issue.keys.map((unknown) => ({ path, message: unknownKeyMessage(unknown, known) }));
    }
    // A missing key fails as a wrong type, a wrong enum value or no union option: all "required".
    const missing =
      issue.input === undefined &&
      (issue.code === "invalid_type" ||
        issue.code === "invalid_value" ||
        issue.code === "invalid_union");
    const message = missing ? "is required" : issue.message;
    return [{ path, message }];
  });
}

/**
 * Validates raw config values (as `pulumi.Config#getObject` returns them) and the set of secret
 * keys that are present. `otherNamespaceKeys` are the stack's full keys outside `baremetal:`; one
 * whose namespace is a misspelling of it (`baremetl:site`) would be ignored, so it is reported. Returns the typed config only when there is no issue at all.
 */
export function validateStackConfig(
  raw: RawStackConfig,
  presentSecrets: ReadonlySet<SecretKey>,
  otherNamespaceKeys: readonly string[] = [],
): ValidationResult {
  const issues: ConfigIssue[] = [];
  for (const fullKey of otherNamespaceKeys) {
    const message = misspelledNamespaceMessage(fullKey);
    if (message) issues.push({ path: fullKey, message });
  }
  const known = new Set(knownConfigKeys());
  for (const key of Object.keys(raw)) {
    if (!known.has(key))
      issues.push({ path: keyPath([key]), message: unknownTopLevelKeyMessage(key) });
  }
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
    issues.push(...zodIssues(key, schema, parsed.error));
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
    if (raw[key] !== undefined) {
      // A secret in the stack file's plain text is readable by anyone who can read the repository.
      issues.push({
        path: keyPath([key]),
        message: `is given in plain text; remove it from the stack file and set it with \`pulumi config set --secret ${key}\``,
      });
    } else if (!presentSecrets.has(key)) {
      issues.push({
        path: keyPath([key]),
        message: `is required (set it with \`pulumi config set --secret ${key}\`)`,
      });
    }
  }
  for (const key of OPTIONAL_SECRET_KEYS) {
    if (raw[key] !== undefined) {
      issues.push({
        path: keyPath([key]),
        message: `is given in plain text; remove it from the stack file and set it with \`pulumi config set --secret ${key}\``,
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
  otherNamespaceKeys: readonly string[] = [],
): StackConfig {
  const { config, issues } = validateStackConfig(raw, presentSecrets, otherNamespaceKeys);
  if (!config) throw new ConfigValidationError(issues);
  return config;
}
