/**
 * The Harbor dynamic resources (`pulumi-nodejs:dynamic/harbor:<Type>`). Each hands Pulumi the thin
 * provider of its type (thin.ts); outputs are `declare`d and every computed one is seeded with
 * `undefined` so it resolves (pulumi-dynamic §6). Names are unique in Harbor, so replacements
 * delete first.
 */
import * as pulumi from "@pulumi/pulumi";
import type { ProviderName } from "./providers";
import type { RetentionRule } from "./retention";
import type { RobotPermission } from "./robot";
import type { Severity } from "./values";
import type { HarborConnection } from "./types";
import { ThinDynamicResource } from "../shared/thinResource";
import { HARBOR } from "./thin";

type In<T> = pulumi.Input<T>;

export interface ConnectionArgs {
  connection: In<HarborConnection>;
}

abstract class HarborResource extends ThinDynamicResource {
  declare readonly connection: pulumi.Output<HarborConnection>;

  protected constructor(
    type: ProviderName,
    name: string,
    props: Record<string, unknown>,
    opts: pulumi.CustomResourceOptions | undefined,
    secretOutputs: string[] = [],
  ) {
    const extra: pulumi.CustomResourceOptions = {
      hideDiffs: ["__provider"],
      deleteBeforeReplace: true,
    };
    if (secretOutputs.length > 0) extra.additionalSecretOutputs = secretOutputs;
    super(HARBOR, type, name, props, pulumi.mergeOptions(opts, extra));
  }
}

export interface ProjectArgs extends ConnectionArgs {
  name: In<string>;
  public?: In<boolean>;
  /** Bytes, -1 (unlimited, the default) or a size such as `"50Gi"`. */
  storageQuota?: In<number | string>;
  autoScan?: In<boolean>;
  preventVulnerable?: In<boolean>;
  severity?: In<Severity>;
  reuseSystemCveAllowlist?: In<boolean>;
}

export class Project extends HarborResource {
  declare readonly name: pulumi.Output<string>;
  declare readonly projectId: pulumi.Output<number>;
  declare readonly storageQuota: pulumi.Output<number>;

  constructor(name: string, args: ProjectArgs, opts?: pulumi.CustomResourceOptions) {
    super("Project", name, { projectId: undefined, ...args }, opts);
  }
}

export interface RobotAccountArgs extends ConnectionArgs {
  name: In<string>;
  level?: In<"project" | "system">;
  permissions: In<In<RobotPermission>[]>;
  description?: In<string>;
  duration?: In<number>;
  disabled?: In<boolean>;
  /** Change it (a date, a counter) to get a new secret. */
  rotation?: In<string | number>;
}

export class RobotAccount extends HarborResource {
  declare readonly robotId: pulumi.Output<number>;
  declare readonly fullName: pulumi.Output<string>;
  /** Secret in state; Harbor shows it only at creation and refresh. */
  declare readonly secret: pulumi.Output<string>;

  constructor(name: string, args: RobotAccountArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      "RobotAccount",
      name,
      { robotId: undefined, fullName: undefined, secret: undefined, ...args },
      opts,
      ["secret"],
    );
  }
}

export interface RegistryEndpointArgs extends ConnectionArgs {
  name: In<string>;
  type: In<string>;
  url: In<string>;
  accessKey?: In<string>;
  /** Pass a secret Output; it never reaches this resource's outputs. */
  accessSecret?: In<string>;
  insecure?: In<boolean>;
  description?: In<string>;
}

export class RegistryEndpoint extends HarborResource {
  declare readonly registryId: pulumi.Output<number>;
  declare readonly accessSecretHash: pulumi.Output<string>;

  constructor(name: string, args: RegistryEndpointArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      "RegistryEndpoint",
      name,
      { registryId: undefined, accessSecretHash: undefined, ...args },
      opts,
      ["accessSecretHash"],
    );
  }
}

export interface ReplicationPolicyArgs extends ConnectionArgs {
  name: In<string>;
  description?: In<string>;
  sourceRegistryId: In<number>;
  destinationNamespace: In<string>;
  destinationNamespaceReplaceCount?: In<number>;
  repositories?: In<string>;
  tags?: In<string>;
  tagDecoration?: In<"matches" | "excludes">;
  /** `manual` or a 6-field cron. */
  schedule?: In<string>;
  override?: In<boolean>;
  enabled?: In<boolean>;
  speed?: In<number>;
  /** A new value starts one execution. */
  executionTrigger?: In<string | number>;
}

export class ReplicationPolicy extends HarborResource {
  declare readonly policyId: pulumi.Output<number>;
  declare readonly lastExecutionId: pulumi.Output<number | undefined>;

  constructor(name: string, args: ReplicationPolicyArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      "ReplicationPolicy",
      name,
      { policyId: undefined, lastExecutionId: undefined, ...args },
      opts,
    );
  }
}

export interface RetentionPolicyArgs extends ConnectionArgs {
  project: In<string>;
  rules: In<In<Partial<RetentionRule> & Pick<RetentionRule, "template">>[]>;
  schedule?: In<string>;
}

export class RetentionPolicy extends HarborResource {
  declare readonly retentionId: pulumi.Output<number>;
  declare readonly projectId: pulumi.Output<number>;

  constructor(name: string, args: RetentionPolicyArgs, opts?: pulumi.CustomResourceOptions) {
    super("RetentionPolicy", name, { retentionId: undefined, projectId: undefined, ...args }, opts);
  }
}

export interface ImmutableTagRuleArgs extends ConnectionArgs {
  project: In<string>;
  repositories?: In<string>;
  repositoryDecoration?: In<"repoMatches" | "repoExcludes">;
  tags: In<string>;
  tagDecoration?: In<"matches" | "excludes">;
  disabled?: In<boolean>;
}

export class ImmutableTagRule extends HarborResource {
  declare readonly ruleId: pulumi.Output<number>;

  constructor(name: string, args: ImmutableTagRuleArgs, opts?: pulumi.CustomResourceOptions) {
    super("ImmutableTagRule", name, { ruleId: undefined, projectId: undefined, ...args }, opts);
  }
}

export interface GcScheduleArgs extends ConnectionArgs {
  /** 6-field cron or `none`. */
  schedule: In<string>;
  deleteUntagged?: In<boolean>;
  workers?: In<number>;
}

export class GcSchedule extends HarborResource {
  declare readonly schedule: pulumi.Output<string>;

  constructor(name: string, args: GcScheduleArgs, opts?: pulumi.CustomResourceOptions) {
    super("GcSchedule", name, { ...args }, opts);
  }
}

export interface CveAllowlistArgs extends ConnectionArgs {
  items: In<In<string>[]>;
  /** Unix seconds. */
  expiresAt?: In<number>;
}

export class CveAllowlist extends HarborResource {
  declare readonly items: pulumi.Output<string[]>;

  constructor(name: string, args: CveAllowlistArgs, opts?: pulumi.CustomResourceOptions) {
    super("CveAllowlist", name, { ...args }, opts);
  }
}

export interface DefaultScannerArgs extends ConnectionArgs {
  name?: In<string>;
  url: In<string>;
  description?: In<string>;
  skipCertVerify?: In<boolean>;
  useInternalAddr?: In<boolean>;
}

export class DefaultScanner extends HarborResource {
  declare readonly scannerId: pulumi.Output<string>;
  declare readonly adopted: pulumi.Output<boolean>;

  constructor(name: string, args: DefaultScannerArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      "DefaultScanner",
      name,
      { scannerId: undefined, adopted: undefined, isDefault: true, ...args },
      opts,
    );
  }
}
