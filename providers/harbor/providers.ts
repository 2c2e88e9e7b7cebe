/**
 * The one provider instance per Harbor resource type (the implementations the runtime bundle
 * exports; resources hand Pulumi the thin providers in thin.ts instead).
 */
import { ImmutableTagRuleProvider } from "./immutable";
import { ProjectProvider } from "./project";
import { RegistryProvider } from "./registryEndpoint";
import { ReplicationPolicyProvider } from "./replication";
import { RetentionPolicyProvider } from "./retention";
import { RobotAccountProvider } from "./robot";
import { ScannerProvider } from "./scanner";
import { CveAllowlistProvider, GcScheduleProvider } from "./system";

export const providers = {
  Project: new ProjectProvider(),
  RobotAccount: new RobotAccountProvider(),
  RegistryEndpoint: new RegistryProvider(),
  ReplicationPolicy: new ReplicationPolicyProvider(),
  RetentionPolicy: new RetentionPolicyProvider(),
  ImmutableTagRule: new ImmutableTagRuleProvider(),
  GcSchedule: new GcScheduleProvider(),
  CveAllowlist: new CveAllowlistProvider(),
  DefaultScanner: new ScannerProvider(),
} as const;

export type ProviderName = keyof typeof providers;
