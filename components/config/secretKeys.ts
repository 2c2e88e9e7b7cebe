/**
 * The secret config keys, apart from the schema: the offline stack-file reader needs only these
 * names, and importing them from `schema.ts` would build every zod schema in a process that never
 * validates (the preview's own entry; the program validates in its bundle).
 */
import { ROUTEROS_PASSWORD_KEY } from "../../providers/routeros/credentials";

/**
 * Secret config keys; each must be set with `pulumi config set --secret`. The RouterOS password's
 * key is the provider's own constant: the providers read it at run time in `configure`.
 */
export const SECRET_KEYS = [
  "proxmoxApiToken",
  ROUTEROS_PASSWORD_KEY,
  "cloudflareApiToken",
  "sshPrivateKey",
] as const;
export type SecretKey = (typeof SECRET_KEYS)[number];

/**
 * Secret keys read only by a provider's `configure`, needed once that layer talks to its service
 * (the Harbor admin password, the MongoDB admin password): never required, never in plain text.
 */
export const OPTIONAL_SECRET_KEYS = [
  "harborAdminPassword",
  "mongodbAdminPassword",
  // The AWS replica set's keyfile: the data-center members join that set during the migration.
  "mongodbKeyfile",
] as const;
