/** The object-store role: Garage v2 with TLS in front, Harbor's bucket and key imported. */
import type * as command from "@pulumi/command";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { issueServerCertificate } from "../certificates";
import { requireDataDir, type ServiceContext } from "../context";
import { applyProvisioning } from "../guestSteps";
import { checkGarageRelease, type GarageRelease } from "../versions";
import { garageProvisioning } from "./render";

export const GARAGE_STEPS = ["install", "configure"] as const;

export interface GarageServiceArgs {
  readonly context: ServiceContext;
  readonly release: GarageRelease;
  readonly publicPort: number;
  readonly region: string;
  readonly bucket: string;
  /** Bytes Garage may use on the data disk. */
  readonly capacityBytes: number;
  /** Harbor's key (platform credentials `harborS3AccessKey` / `harborS3SecretKey`). */
  readonly harborKey: {
    accessKeyId: pulumi.Output<string>;
    secretAccessKey: pulumi.Output<string>;
  };
}

export class GarageService extends pulumi.ComponentResource {
  static readonly __pulumiType = "baremetal:services:GarageService";
  /** The step commands, in order. */
  readonly steps: command.remote.Command[];
  /** Bearer token of Garage's admin API (secret). */
  readonly adminToken: pulumi.Output<string>;

  constructor(name: string, args: GarageServiceArgs, opts?: pulumi.ComponentResourceOptions) {
    super(GarageService.__pulumiType, name, { guest: args.context.guest.guest }, opts);
    const { guest } = args.context;
    const dataDir = requireDataDir(guest, "garage");
    // A malformed pin fails the plan here, before any child is registered.
    checkGarageRelease(args.release, guest.guest);
    // Garage wants the RPC secret as 32 bytes in hex.
    const rpcSecret = pulumi.secret(
      new random.RandomBytes(
        `${name}-rpc-secret`,
        { length: 32 },
        { parent: this, additionalSecretOutputs: ["hex", "base64"] },
      ).hex,
    );
    this.adminToken = pulumi.secret(
      new random.RandomPassword(
        `${name}-admin-token`,
        { length: 32, special: false, minUpper: 1, minLower: 1, minNumeric: 1 },
        { parent: this, additionalSecretOutputs: ["result", "bcryptHash"] },
      ).result,
    );
    // Guards /metrics (Garage serves it to anyone without a token); nothing scrapes it yet.
    const metricsToken = pulumi.secret(
      new random.RandomPassword(
        `${name}-metrics-token`,
        { length: 32, special: false, minUpper: 1, minLower: 1, minNumeric: 1 },
        { parent: this, additionalSecretOutputs: ["result", "bcryptHash"] },
      ).result,
    );
    const cert = issueServerCertificate(this, name, guest, args.context.ca);
    const provisioning = pulumi
      .all([
        rpcSecret,
        this.adminToken,
        metricsToken,
        args.harborKey.accessKeyId,
        args.harborKey.secretAccessKey,
        cert.certPem,
        cert.keyPem,
        args.context.caBundle,
      ])
      .apply(([rpc, admin, metrics, accessKeyId, secretAccessKey, certPem, keyPem, caPem]) =>
        garageProvisioning({
          guest: guest.guest,
          fqdn: guest.fqdn,
          dataDir,
          publicPort: args.publicPort,
          region: args.region,
          bucket: args.bucket,
          capacity: String(args.capacityBytes),
          tls: { certPem, keyPem, caPem },
          release: args.release,
          rpcSecret: rpc,
          adminToken: admin,
          metricsToken: metrics,
          harborKey: { accessKeyId, secretAccessKey },
        }),
      );
    this.steps = applyProvisioning(
      this,
      guest,
      args.context.access,
      { steps: GARAGE_STEPS },
      provisioning,
      args.context.dependsOn,
    );
    this.registerOutputs({ adminToken: this.adminToken });
  }
}
