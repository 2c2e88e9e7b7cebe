/**
 * Harbor v2 resources over the REST API (`/api/v2.0`), as Pulumi dynamic resources
 * (`pulumi-nodejs:dynamic/harbor:<Type>`). See README.md.
 *
 * Credentials: stack config `baremetal:harborUsername` (default `admin`) + secret
 * `baremetal:harborAdminPassword`, or env `HARBOR_USERNAME` / `HARBOR_PASSWORD`, read by the
 * providers' `configure`. Each resource takes `connection: { url, caFile?, insecure? }`.
 */
export type { HarborConnection } from "./types";
export {
  CveAllowlist,
  DefaultScanner,
  GcSchedule,
  ImmutableTagRule,
  Project,
  RegistryEndpoint,
  ReplicationPolicy,
  RetentionPolicy,
  RobotAccount,
} from "./resources";
export type {
  CveAllowlistArgs,
  DefaultScannerArgs,
  GcScheduleArgs,
  ImmutableTagRuleArgs,
  ProjectArgs,
  RegistryEndpointArgs,
  ReplicationPolicyArgs,
  RetentionPolicyArgs,
  RobotAccountArgs,
} from "./resources";
export type { RobotPermission, RobotAccess } from "./robot";
export type { RetentionRule, RetentionTemplate } from "./retention";
export { providers } from "./providers";
