/** Credentials for every RouterOS provider, read in `configure` (never captured, never stored). */
import type { Config } from "@pulumi/pulumi/dynamic";
import { registry } from "./registry";

/**
 * Reads `baremetal:routerosUsername` and the secret `baremetal:routerosPassword` from the stack
 * configuration the engine hands to `configure` (secrets arrive decrypted), falling back to
 * `ROUTEROS_USERNAME` / `ROUTEROS_PASSWORD`. Offline: it only remembers them for this process.
 */
export function configureFrom(config: Config): void {
  const username = config.get("baremetal:routerosUsername") ?? process.env["ROUTEROS_USERNAME"];
  const password = config.get("baremetal:routerosPassword") ?? process.env["ROUTEROS_PASSWORD"];
  if (username !== undefined && username !== "" && password !== undefined) {
    registry().credentials = { username, password };
  }
}
