/**
 * Reads a `Pulumi.<stack>.yaml` the way the Pulumi CLI hands it to a program: every value as a
 * string (objects as JSON), secure values as secrets. Secrets cannot be decrypted offline, so each
 * secret key gets an obvious placeholder.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { SECRET_KEYS } from "../../components/config/schema";
import { CONFIG_NAMESPACE } from "../../components/config/issues";

export interface OfflineConfig {
  /** Full keys (`baremetal:site`) to the string form the engine passes to programs. */
  values: Record<string, string>;
  /** Full keys that are secret. */
  secretKeys: string[];
  /** Secret keys that were given a placeholder because the file had no value (or a ciphertext). */
  placeholders: string[];
}

export function placeholderSecret(key: string): string {
  if (key === "sshPrivateKey") {
    return "-----BEGIN OPENSSH PRIVATE KEY-----\noffline-placeholder\n-----END OPENSSH PRIVATE KEY-----\n";
  }
  return `offline-placeholder-${key}`;
}

export function readStackFile(path: string): OfflineConfig {
  const document = (parse(readFileSync(path, "utf8")) ?? {}) as {
    config?: Record<string, unknown>;
  };
  const values: Record<string, string> = {};
  const secretKeys: string[] = [];
  const placeholders: string[] = [];
  for (const [key, value] of Object.entries(document.config ?? {})) {
    const isSecure = value !== null && typeof value === "object" && "secure" in value;
    if (isSecure) {
      secretKeys.push(key);
      placeholders.push(key);
      values[key] = placeholderSecret(key.split(":")[1] ?? key);
    } else {
      values[key] = typeof value === "string" ? value : JSON.stringify(value);
    }
  }
  for (const secret of SECRET_KEYS) {
    const key = `${CONFIG_NAMESPACE}:${secret}`;
    if (!(key in values)) {
      values[key] = placeholderSecret(secret);
      secretKeys.push(key);
      placeholders.push(key);
    }
  }
  return { values, secretKeys, placeholders };
}
