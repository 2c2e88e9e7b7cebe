/**
 * The platform Harbor's content, configured through its API (providers/harbor): projects,
 * robot accounts, tag retention and immutability, GC schedule, CVE allowlist, default scanner,
 * optionally an ECR pull replication, and an image-pull Secret in each application namespace.
 *
 * It runs where the machine running `pulumi up` reaches Harbor's URL and trusts its certificate
 * (`baremetal:harbor.caFile`), with the admin password in `baremetal:harborAdminPassword`.
 */
import * as k8s from "../sdk/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { HarborSettings } from "../config/harborSettings";
import {
  CveAllowlist,
  DefaultScanner,
  GcSchedule,
  ImmutableTagRule,
  Project,
  RegistryEndpoint,
  ReplicationPolicy,
  RetentionPolicy,
  RobotAccount,
  type HarborConnection,
} from "../../providers/harbor";
import { accessOf, dockerConfigJson, ecrEndpoint, patternKey, pullProjects } from "./plan";

/** Pull from AWS ECR into a project; fed by the AWS layer (migration phase `replicate`). */
export interface EcrReplicationArgs {
  region: pulumi.Input<string>;
  /** IAM access key id and secret with ECR read permissions; both secret. */
  accessKeyId: pulumi.Output<string>;
  secretAccessKey: pulumi.Output<string>;
  /** Harbor project the images land in (declared in `baremetal:harbor.projects`). */
  destinationProject: string;
  /** Doublestar patterns on ECR repository names and tags. */
  repositories?: string;
  tags?: string;
  /** `manual` or a 6-field cron; default hourly. */
  schedule?: string;
  enabled: pulumi.Input<boolean>;
  /** A new value starts one replication run. */
  executionTrigger?: pulumi.Input<string>;
}

export interface HarborArgs {
  settings: HarborSettings;
  /** `https://<harbor hostname>`. */
  url: string;
  /** Registry host in image references and docker config (`harbor.example.com`). */
  registryHost: string;
  /** PEM of the CA that signed Harbor's certificate (the platform issuer's), if not public. */
  certificateAuthority?: pulumi.Input<string>;
  /** Provider of the cluster whose namespaces get the image-pull Secret. */
  kubernetesProvider?: k8s.Provider;
  ecrReplication?: EcrReplicationArgs;
  /** What must exist before Harbor answers (its Helm release). */
  dependsOn?: pulumi.Input<pulumi.Resource>[];
}

export class Harbor extends pulumi.ComponentResource {
  static readonly __pulumiType = "baremetal:harbor:Harbor";

  public readonly projects: Record<string, Project>;
  public readonly robots: Record<string, RobotAccount>;
  /** The pull-only robot behind the image-pull Secrets, when there are namespaces to serve. */
  public readonly pullRobot: RobotAccount | undefined;
  public readonly pullSecrets: Record<string, k8s.core.v1.Secret>;
  public readonly replication: ReplicationPolicy | undefined;

  constructor(name: string, args: HarborArgs, opts?: pulumi.ComponentResourceOptions) {
    super(
      Harbor.__pulumiType,
      name,
      { url: args.url, projects: args.settings.projects.map((p) => p.name) },
      opts,
    );
    const { settings } = args;
    // A CA file named in the stack wins over the program's own CA certificate.
    const connection: pulumi.Output<HarborConnection> = pulumi
      .output(args.certificateAuthority)
      .apply((caPem) => ({
        url: args.url,
        ...(settings.caFile ? { caFile: settings.caFile } : caPem ? { caPem } : {}),
        ...(settings.insecure ? { insecure: true } : {}),
      }));
    const base: pulumi.CustomResourceOptions = {
      parent: this,
      ...(args.dependsOn ? { dependsOn: args.dependsOn } : {}),
    };
    /** `base`, also waiting for these resources. */
    const after = (...resources: pulumi.Resource[]): pulumi.CustomResourceOptions => ({
      parent: this,
      dependsOn: [...(args.dependsOn ?? []), ...resources],
    });

    this.projects = {};
    for (const p of settings.projects) {
      const project = new Project(
        `${name}-project-${p.name}`,
        {
          connection,
          name: p.name,
          public: p.public,
          storageQuota: p.storageQuota,
          autoScan: p.autoScan,
          preventVulnerable: p.preventVulnerable,
          severity: p.severity,
        },
        base,
      );
      this.projects[p.name] = project;
      const inProject = after(project);
      if (p.retention) {
        new RetentionPolicy(
          `${name}-retention-${p.name}`,
          {
            connection,
            project: p.name,
            schedule: p.retention.schedule ?? "",
            rules: p.retention.rules.map((r) => ({
              template: r.template,
              ...(r.count !== undefined ? { count: r.count } : {}),
              repositories: r.repositories,
              tags: r.tags,
              untagged: r.untagged,
            })),
          },
          inProject,
        );
      }
      for (const rule of p.immutableTags) {
        new ImmutableTagRule(
          `${name}-immutable-${p.name}-${patternKey(rule.repositories, rule.tags)}`,
          { connection, project: p.name, repositories: rule.repositories, tags: rule.tags },
          inProject,
        );
      }
    }
    const projectDeps = (names: string[]) =>
      names.map((n) => this.projects[n]).filter((p): p is Project => p !== undefined);

    this.robots = {};
    for (const r of settings.robots) {
      this.robots[`${r.project}+${r.name}`] = new RobotAccount(
        `${name}-robot-${r.project}+${r.name}`,
        {
          connection,
          name: r.name,
          level: "project",
          description: r.description,
          permissions: [{ namespace: r.project, access: accessOf(r.access) }],
          ...(r.rotation !== undefined ? { rotation: r.rotation } : {}),
        },
        after(...projectDeps([r.project])),
      );
    }

    new GcSchedule(`${name}-gc`, { connection, ...settings.garbageCollection }, base);
    new CveAllowlist(
      `${name}-cve-allowlist`,
      {
        connection,
        items: settings.cveAllowlist.items,
        ...(settings.cveAllowlist.expiresAt !== undefined
          ? { expiresAt: settings.cveAllowlist.expiresAt }
          : {}),
      },
      base,
    );
    new DefaultScanner(`${name}-scanner`, { connection, ...settings.scanner }, base);

    // Image pulls from private projects: one system robot that may only pull, its credentials in
    // a dockerconfigjson Secret per application namespace.
    const pull = settings.imagePull;
    const privateProjects = pullProjects(settings);
    this.pullSecrets = {};
    this.pullRobot = undefined;
    if (pull.namespaces.length > 0 && privateProjects.length > 0) {
      if (!args.kubernetesProvider) {
        throw new Error("[kubernetesProvider] is required by [settings.imagePull.namespaces]");
      }
      const robot = new RobotAccount(
        `${name}-robot-${pull.robotName}`,
        {
          connection,
          name: pull.robotName,
          level: "system",
          description: "Image pulls from the Kubernetes cluster",
          permissions: privateProjects.map((namespace) => ({
            namespace,
            access: accessOf(["repository:pull"]),
          })),
          ...(pull.rotation !== undefined ? { rotation: pull.rotation } : {}),
        },
        after(...projectDeps(privateProjects)),
      );
      this.pullRobot = robot;
      const config = pulumi.secret(
        pulumi
          .all([robot.fullName, robot.secret])
          .apply(([user, secret]) => dockerConfigJson(args.registryHost, user, secret)),
      );
      const k8sOpts = { parent: this, provider: args.kubernetesProvider };
      for (const namespace of pull.namespaces) {
        // Application namespaces may also be made by Argo CD: server-side apply makes this an
        // upsert, and the namespace (with whatever runs in it) outlives this resource.
        const ns = new k8s.core.v1.Namespace(
          `${name}-ns-${namespace}`,
          { metadata: { name: namespace } },
          { ...k8sOpts, retainOnDelete: true },
        );
        this.pullSecrets[namespace] = new k8s.core.v1.Secret(
          `${name}-pull-${namespace}`,
          {
            metadata: { name: pull.secretName, namespace },
            type: "kubernetes.io/dockerconfigjson",
            stringData: { ".dockerconfigjson": config },
          },
          { ...k8sOpts, dependsOn: [ns], additionalSecretOutputs: ["data", "stringData"] },
        );
      }
    }

    this.replication = undefined;
    const ecr = args.ecrReplication;
    if (ecr) {
      if (!settings.projects.some((p) => p.name === ecr.destinationProject)) {
        throw new Error(
          `[ecrReplication.destinationProject] "${ecr.destinationProject}" is not a project in baremetal:harbor.projects`,
        );
      }
      const registry = new RegistryEndpoint(
        `${name}-ecr`,
        {
          connection,
          name: "aws-ecr",
          type: "aws-ecr",
          url: pulumi.output(ecr.region).apply(ecrEndpoint),
          accessKey: pulumi.secret(ecr.accessKeyId),
          accessSecret: pulumi.secret(ecr.secretAccessKey),
          description: "AWS ECR, source of the images while the platform leaves AWS",
        },
        base,
      );
      this.replication = new ReplicationPolicy(
        `${name}-ecr-pull`,
        {
          connection,
          name: `ecr-to-${ecr.destinationProject}`,
          sourceRegistryId: registry.registryId,
          destinationNamespace: ecr.destinationProject,
          repositories: ecr.repositories ?? "**",
          tags: ecr.tags ?? "**",
          schedule: ecr.schedule ?? "0 0 * * * *",
          override: true,
          enabled: ecr.enabled,
          ...(ecr.executionTrigger !== undefined ? { executionTrigger: ecr.executionTrigger } : {}),
        },
        after(...projectDeps([ecr.destinationProject])),
      );
    }

    this.registerOutputs({
      projects: Object.keys(this.projects),
      robots: Object.fromEntries(Object.entries(this.robots).map(([k, r]) => [k, r.fullName])),
    });
  }
}
