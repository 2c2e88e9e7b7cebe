/** Credentials for every Harbor provider, read in `configure` (never captured, never stored). */
import type { Config } from "@pulumi/pulumi/dynamic";
import { harborRegistry } from "./registry";

/**
 * Reads `baremetal:harborUsername` (default `admin`) and the secret
 * `baremetal:harborAdminPassword` from the stack configuration the engine hands to `configure`
 * (secrets arrive decrypted), falling back to `HARBOR_USERNAME` / `HARBOR_PASSWORD` when the stack
 * does not set them (as the RouterOS providers do). Offline: it only remembers them for this
 * process.
 */
export function configureFrom(config: Config): void {
  const username =
    config.get("baremetal:harborUsername") || process.env["HARBOR_USERNAME"] || "admin";
  const password = config.get("baremetal:harborAdminPassword") || process.env["HARBOR_PASSWORD"];
  if (password !== undefined && password !== "") {
    harborRegistry().credentials = { username, password };
  }
}

export function credentials(): { username: string; password: string } {
  const creds = harborRegistry().credentials;
  if (!creds) {
    throw new Error(
      "Harbor credentials are not configured: set the secret baremetal:harborAdminPassword " +
        "(and baremetal:harborUsername unless it is admin), or HARBOR_USERNAME / HARBOR_PASSWORD",
    );
  }
  return creds;
}
