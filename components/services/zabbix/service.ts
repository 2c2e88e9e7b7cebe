/** The Zabbix role: its database password, Admin password, certificate and the routers. */
import type * as command from "@pulumi/command";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { issueServerCertificate } from "../certificates";
import { requireDataDir, type ServiceContext } from "../context";
import { applyProvisioning } from "../guestSteps";
import { zabbixProvisioning, type MonitoredRouter, type SnmpV3Credentials } from "./render";

export const ZABBIX_STEPS = ["install", "database", "server", "routers"] as const;

export interface ZabbixServiceArgs {
  readonly context: ServiceContext;
  readonly listenPort: number;
  readonly routers: readonly MonitoredRouter[];
  /** The routers' SNMPv3 user (network layer), secret. */
  readonly snmp: pulumi.Output<SnmpV3Credentials>;
}

export class ZabbixService extends pulumi.ComponentResource {
  static readonly __pulumiType = "baremetal:services:ZabbixService";
  /** The step commands, in order. */
  readonly steps: command.remote.Command[];
  /** Password of the frontend's `Admin` user (secret). */
  readonly adminPassword: pulumi.Output<string>;

  constructor(name: string, args: ZabbixServiceArgs, opts?: pulumi.ComponentResourceOptions) {
    super(ZabbixService.__pulumiType, name, { guest: args.context.guest.guest }, opts);
    const { guest } = args.context;
    const dataDir = requireDataDir(guest, "zabbix");
    const password = (key: string) =>
      pulumi.secret(
        new random.RandomPassword(
          `${name}-${key}-password`,
          { length: 32, special: false, minUpper: 1, minLower: 1, minNumeric: 1 },
          { parent: this, additionalSecretOutputs: ["result", "bcryptHash"] },
        ).result,
      );
    const dbPassword = password("database");
    this.adminPassword = password("admin");
    const cert = issueServerCertificate(this, name, guest, args.context.ca);
    const provisioning = pulumi
      .all([
        dbPassword,
        this.adminPassword,
        cert.certPem,
        cert.keyPem,
        args.context.caBundle,
        args.snmp,
      ])
      .apply(([db, admin, certPem, keyPem, caPem, snmp]) =>
        zabbixProvisioning({
          guest: guest.guest,
          fqdn: guest.fqdn,
          dataDir,
          listenPort: args.listenPort,
          tls: { certPem, keyPem, caPem },
          dbPassword: db,
          adminPassword: admin,
          routers: args.routers,
          snmp,
        }),
      );
    this.steps = applyProvisioning(
      this,
      guest,
      args.context.access,
      { steps: ZABBIX_STEPS },
      provisioning,
      args.context.dependsOn,
    );
    this.registerOutputs({ adminPassword: this.adminPassword });
  }
}
