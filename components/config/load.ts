/**
 * The one place that reads `pulumi.Config`: everything else receives validated, typed values.
 */
import * as pulumi from "@pulumi/pulumi";
import { CONFIG_NAMESPACE } from "./issues";
import { SECRET_KEYS, type SecretKey, type StackConfig, sectionSchemas } from "./schema";
import { parseStackConfig, type RawStackConfig } from "./validate";

export type StackSecrets = Record<SecretKey, pulumi.Output<string>>;

export interface LoadedStack {
  config: StackConfig;
  secrets: StackSecrets;
}

/** Reads, validates and types the current stack's configuration; throws on any problem. */
export function loadStack(): LoadedStack {
  const cfg = new pulumi.Config(CONFIG_NAMESPACE);
  const raw: RawStackConfig = {};
  for (const key of Object.keys(sectionSchemas)) raw[key] = cfg.getObject<unknown>(key);
  const secrets: Partial<StackSecrets> = {};
  for (const key of SECRET_KEYS) {
    const value = cfg.getSecret(key);
    if (value !== undefined) secrets[key] = value;
  }
  const config = parseStackConfig(raw, new Set(Object.keys(secrets) as SecretKey[]));
  return { config, secrets: secrets as StackSecrets };
}
