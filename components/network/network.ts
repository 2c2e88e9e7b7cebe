/**
 * The network layer: both routers of the VRRP pair, configured from the same plan so that
 * they differ only in their own addresses, VRRP priority and uplink.
 */
import * as pulumi from "@pulumi/pulumi";
import type { StackConfig } from "../config/schema";
import { dnsRecords, type DnsRecord } from "./dns";
import { RouterNode } from "./router";

export interface NetworkLayerArgs {
  readonly config: StackConfig;
}

export class NetworkLayer extends pulumi.ComponentResource {
  static readonly __pulumiType = "baremetal:network:NetworkLayer";
  readonly routers: Record<string, RouterNode>;
  /** The internal DNS records both routers serve. */
  readonly dnsRecords: DnsRecord[];

  constructor(name: string, args: NetworkLayerArgs, opts?: pulumi.ComponentResourceOptions) {
    super(NetworkLayer.__pulumiType, name, { site: args.config.site.name }, opts);
    this.routers = Object.fromEntries(
      args.config.routers.map((router) => [
        router.name,
        new RouterNode(
          router.name,
          { config: args.config, routerName: router.name },
          { parent: this },
        ),
      ]),
    );
    this.dnsRecords = dnsRecords(args.config);
    this.registerOutputs({ dnsRecords: this.dnsRecords });
  }
}
