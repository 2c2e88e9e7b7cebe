/** The Redis role: ACL passwords, the server certificate and the provisioning steps. */
import type * as command from "@pulumi/command";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { issueServerCertificate } from "../certificates";
import { requireDataDir, type ServiceContext } from "../context";
import { applyProvisioning } from "../guestSteps";
import { redisProvisioning } from "./render";

export const REDIS_STEPS = ["install", "configure"] as const;

export interface RedisServiceArgs {
  readonly context: ServiceContext;
  /** Harbor's ACL password; the platform generated it and stores it in `harbor-redis`. */
  readonly harborPassword: pulumi.Output<string>;
  readonly port: number;
  readonly exporterPort: number;
}

export class RedisService extends pulumi.ComponentResource {
  static readonly __pulumiType = "baremetal:services:RedisService";
  /** The step commands, in order. */
  readonly steps: command.remote.Command[];
  /** Password of the exporter's ACL user (secret). */
  readonly exporterPassword: pulumi.Output<string>;

  constructor(name: string, args: RedisServiceArgs, opts?: pulumi.ComponentResourceOptions) {
    super(RedisService.__pulumiType, name, { guest: args.context.guest.guest }, opts);
    const { guest } = args.context;
    const dataDir = requireDataDir(guest, "redis");
    const password = (user: string) =>
      pulumi.secret(
        new random.RandomPassword(
          `${name}-${user}-password`,
          { length: 32, special: false, minUpper: 1, minLower: 1, minNumeric: 1 },
          { parent: this, additionalSecretOutputs: ["result", "bcryptHash"] },
        ).result,
      );
    this.exporterPassword = password("exporter");
    const defaultPassword = password("default");
    const cert = issueServerCertificate(this, name, guest, args.context.ca);
    const provisioning = pulumi
      .all([
        args.harborPassword,
        this.exporterPassword,
        defaultPassword,
        cert.certPem,
        cert.keyPem,
        args.context.caBundle,
      ])
      .apply(([harbor, exporter, fallback, certPem, keyPem, caPem]) =>
        redisProvisioning({
          guest: guest.guest,
          ip: guest.ip,
          dataDir,
          port: args.port,
          exporterPort: args.exporterPort,
          tls: { certPem, keyPem, caPem },
          passwords: { harbor, exporter, default: fallback },
        }),
      );
    this.steps = applyProvisioning(
      this,
      guest,
      args.context.access,
      { steps: REDIS_STEPS },
      provisioning,
      args.context.dependsOn,
    );
    this.registerOutputs({ exporterPassword: this.exporterPassword });
  }
}
