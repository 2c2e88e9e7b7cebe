/**
 * The one source of the RouterOS credential key names: the stack config schema
 * (components/config/secretKeys.ts, `SECRET_KEYS`) requires the password under this key, and every
 * provider reads it in `configure` at run time. Credentials are never inputs or captured values.
 */
import type { Config } from "@pulumi/pulumi/dynamic";
import { registry } from "./registry";

/** Namespace of the stack config keys (the Pulumi project name). */
export const ROUTEROS_CONFIG_NAMESPACE = "baremetal";
/** `baremetal:routerosUsername`: the REST user (not a secret). */
export const ROUTEROS_USERNAME_KEY = "routerosUsername";
/** `baremetal:routerosPassword`: its password, a secret. */
export const ROUTEROS_PASSWORD_KEY = "routerosPassword";
/** Environment fallbacks, for runs without stack config (conformance, benchmarks). */
export const ROUTEROS_USERNAME_ENV = "ROUTEROS_USERNAME";
export const ROUTEROS_PASSWORD_ENV = "ROUTEROS_PASSWORD";

/** `baremetal:<key>`, as the engine hands the whole stack config to `configure`. */
export function stackConfigKey(key: string): string {
  return `${ROUTEROS_CONFIG_NAMESPACE}:${key}`;
}

/**
 * Reads the username and the secret password from the stack configuration the engine hands to
 * `configure` (secrets arrive decrypted), falling back to the environment. Offline: it only
 * remembers them for this process.
 */
export function configureFrom(config: Config): void {
  const username =
    config.get(stackConfigKey(ROUTEROS_USERNAME_KEY)) ?? process.env[ROUTEROS_USERNAME_ENV];
  const password =
    config.get(stackConfigKey(ROUTEROS_PASSWORD_KEY)) ?? process.env[ROUTEROS_PASSWORD_ENV];
  if (username !== undefined && username !== "" && password !== undefined) {
    registry().credentials = { username, password };
  }
}

/** The message of a call made before credentials were configured. */
export function missingCredentials(): string {
  return (
    `RouterOS credentials are not configured: set ${stackConfigKey(ROUTEROS_USERNAME_KEY)} and ` +
    `the secret ${stackConfigKey(ROUTEROS_PASSWORD_KEY)}, or ${ROUTEROS_USERNAME_ENV} / ` +
    ROUTEROS_PASSWORD_ENV
  );
}
