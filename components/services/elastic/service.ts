/** The Elasticsearch and Kibana roles. */
import type * as command from "@pulumi/command";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { issueServerCertificate } from "../certificates";
import { requireDataDir, type ServiceContext } from "../context";
import { applyProvisioning } from "../guestSteps";
import { elasticsearchProvisioning, kibanaProvisioning } from "./render";

export const ELASTICSEARCH_STEPS = {
  hostSteps: ["sysctl"],
  steps: ["install", "configure"],
} as const;
export const KIBANA_STEPS = ["install", "configure"] as const;

function generated(parent: pulumi.Resource, name: string, length = 32): pulumi.Output<string> {
  return pulumi.secret(
    new random.RandomPassword(
      name,
      { length, special: false, minUpper: 1, minLower: 1, minNumeric: 1 },
      { parent, additionalSecretOutputs: ["result", "bcryptHash"] },
    ).result,
  );
}

export interface ElasticsearchServiceArgs {
  readonly context: ServiceContext;
  readonly version: string;
  readonly clusterName: string;
  readonly memoryGb: number;
  readonly httpPort: number;
  /** The platform's shipper user (`elastic.username`, platform credential `elasticsearchPassword`). */
  readonly shipper: { username: string; password: pulumi.Output<string> };
}

export class ElasticsearchService extends pulumi.ComponentResource {
  static readonly __pulumiType = "baremetal:services:ElasticsearchService";
  readonly steps: command.remote.Command[];
  /** Password of the `elastic` superuser (secret). */
  readonly elasticPassword: pulumi.Output<string>;
  /** Password of `kibana_system`, for Kibana (secret). */
  readonly kibanaSystemPassword: pulumi.Output<string>;

  constructor(
    name: string,
    args: ElasticsearchServiceArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super(ElasticsearchService.__pulumiType, name, { guest: args.context.guest.guest }, opts);
    const { guest } = args.context;
    const dataDir = requireDataDir(guest, "elasticsearch");
    this.elasticPassword = generated(this, `${name}-elastic-password`);
    this.kibanaSystemPassword = generated(this, `${name}-kibana-system-password`);
    const cert = issueServerCertificate(this, name, guest, args.context.ca, true);
    const provisioning = pulumi
      .all([
        this.elasticPassword,
        this.kibanaSystemPassword,
        args.shipper.password,
        cert.certPem,
        cert.keyPem,
        args.context.caBundle,
      ])
      .apply(([elastic, kibana, shipper, certPem, keyPem, caPem]) =>
        elasticsearchProvisioning({
          guest: guest.guest,
          ip: guest.ip,
          dataDir,
          memoryGb: args.memoryGb,
          clusterName: args.clusterName,
          version: args.version,
          httpPort: args.httpPort,
          tls: { certPem, keyPem, caPem },
          elasticPassword: elastic,
          kibanaSystemPassword: kibana,
          shipper: { username: args.shipper.username, password: shipper },
        }),
      );
    this.steps = applyProvisioning(
      this,
      guest,
      args.context.access,
      ELASTICSEARCH_STEPS,
      provisioning,
      args.context.dependsOn,
    );
    this.registerOutputs({ elasticPassword: this.elasticPassword });
  }
}

export interface KibanaServiceArgs {
  readonly context: ServiceContext;
  readonly version: string;
  readonly port: number;
  readonly elasticsearchUrl: string;
  readonly kibanaSystemPassword: pulumi.Output<string>;
}

export class KibanaService extends pulumi.ComponentResource {
  static readonly __pulumiType = "baremetal:services:KibanaService";
  readonly steps: command.remote.Command[];

  constructor(name: string, args: KibanaServiceArgs, opts?: pulumi.ComponentResourceOptions) {
    super(KibanaService.__pulumiType, name, { guest: args.context.guest.guest }, opts);
    const { guest } = args.context;
    const encryptionKey = generated(this, `${name}-encryption-key`, 48);
    const cert = issueServerCertificate(this, name, guest, args.context.ca);
    const provisioning = pulumi
      .all([
        args.kibanaSystemPassword,
        encryptionKey,
        cert.certPem,
        cert.keyPem,
        args.context.caBundle,
      ])
      .apply(([kibanaSystem, key, certPem, keyPem, caPem]) =>
        kibanaProvisioning({
          guest: guest.guest,
          ip: guest.ip,
          fqdn: guest.fqdn,
          version: args.version,
          port: args.port,
          elasticsearchUrl: args.elasticsearchUrl,
          tls: { certPem, keyPem, caPem },
          kibanaSystemPassword: kibanaSystem,
          encryptionKey: key,
        }),
      );
    this.steps = applyProvisioning(
      this,
      guest,
      args.context.access,
      { steps: KIBANA_STEPS },
      provisioning,
      args.context.dependsOn,
    );
    this.registerOutputs({});
  }
}
