/**
 * The network layer: both routers of the VRRP pair, configured from the same plan so that
 * they differ only in their own addresses, VRRP priority and uplink.
 */
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import {
  SNMP_SECRET_LENGTH,
  snmpV3Credentials,
  type DnsRecord,
  type NetworkPlan,
  type SnmpV3Credentials,
} from "../plan";
import { RouterNode } from "./router";

export interface NetworkLayerArgs {
  /** The network slice of the data-center plan. */
  readonly plan: NetworkPlan;
}

export class NetworkLayer extends pulumi.ComponentResource {
  static readonly __pulumiType = "baremetal:network:NetworkLayer";
  readonly routers: Record<string, RouterNode>;
  /** The internal DNS records both routers serve. */
  readonly dnsRecords: DnsRecord[];
  /** The SNMPv3 user (authPriv, SHA1 + AES) that may walk both routers; secret. */
  public readonly snmp: pulumi.Output<SnmpV3Credentials>;

  constructor(name: string, args: NetworkLayerArgs, opts?: pulumi.ComponentResourceOptions) {
    super(NetworkLayer.__pulumiType, name, { site: args.plan.site }, opts);
    // Generated once for the pair, so one poller configuration walks either router.
    const generate = (role: string) =>
      new random.RandomPassword(
        `${name}-snmp-${role}`,
        // Letters and digits: safe in RouterOS, in snmp_exporter's YAML and on command lines.
        { length: SNMP_SECRET_LENGTH, special: false },
        { parent: this, additionalSecretOutputs: ["result"] },
      );
    const username = generate("username");
    const authPassword = generate("auth-password");
    const privPassword = generate("priv-password");
    this.snmp = pulumi.secret(
      pulumi
        .all([username.result, authPassword.result, privPassword.result])
        .apply(([user, auth, priv]) => snmpV3Credentials(user, auth, priv)),
    );
    this.routers = Object.fromEntries(
      args.plan.routers.map((router) => [
        router.router.name,
        new RouterNode(
          router.router.name,
          { plan: args.plan, routerName: router.router.name, snmp: this.snmp },
          { parent: this },
        ),
      ]),
    );
    this.dnsRecords = args.plan.dns.records;
    this.registerOutputs({ dnsRecords: this.dnsRecords, snmp: this.snmp });
  }
}
