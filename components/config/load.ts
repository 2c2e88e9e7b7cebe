/**
 * The one place that reads `pulumi.Config`: everything else receives validated, typed values.
 */
import * as pulumi from "@pulumi/pulumi";
import { CONFIG_NAMESPACE } from "./issues";
import {
  OPTIONAL_SECRET_KEYS,
  SECRET_KEYS,
  type SecretKey,
  type StackConfig,
  sectionSchemas,
} from "./schema";
import { parseStackConfig, type RawStackConfig } from "./validate";

export type StackSecrets = Record<SecretKey, pulumi.Output<string>>;

export type OptionalSecrets = Partial<
  Record<(typeof OPTIONAL_SECRET_KEYS)[number], pulumi.Output<string>>
>;

export interface LoadedStack {
  config: StackConfig;
  secrets: StackSecrets;
  /** The optional secret keys that are set (a layer may hand one to what must match it). */
  optionalSecrets?: OptionalSecrets;
}

/**
 * Reads, validates and types the current stack's configuration; throws one
 * `ConfigValidationError` listing every problem (a `RunError`: Pulumi prints it without a stack
 * trace).
 */
export function loadStack(): LoadedStack {
  const cfg = new pulumi.Config(CONFIG_NAMESPACE);
  const raw: RawStackConfig = {};
  for (const key of Object.keys(sectionSchemas)) raw[key] = cfg.getObject<unknown>(key);
  // Every other key of the namespace too, so that a misspelled section is reported, not ignored.
  const secretNames: ReadonlySet<string> = new Set([...SECRET_KEYS, ...OPTIONAL_SECRET_KEYS]);
  const prefix = `${CONFIG_NAMESPACE}:`;
  const otherNamespaceKeys: string[] = [];
  for (const fullKey of Object.keys(pulumi.runtime.allConfig())) {
    if (!fullKey.startsWith(prefix)) {
      otherNamespaceKeys.push(fullKey);
      continue;
    }
    const key = fullKey.slice(prefix.length);
    if (key in raw || secretNames.has(key)) continue;
    raw[key] = cfg.get(key);
  }
  const secrets: Partial<StackSecrets> = {};
  for (const key of SECRET_KEYS) {
    const value = cfg.getSecret(key);
    if (value !== undefined) secrets[key] = value;
  }
  const optionalSecrets: OptionalSecrets = {};
  for (const key of OPTIONAL_SECRET_KEYS) {
    const value = cfg.getSecret(key);
    if (value !== undefined) optionalSecrets[key] = value;
  }
  const config = parseStackConfig(
    raw,
    new Set(Object.keys(secrets) as SecretKey[]),
    otherNamespaceKeys,
  );
  return { config, secrets: secrets as StackSecrets, optionalSecrets };
}
