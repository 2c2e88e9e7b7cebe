/**
 * One router of the VRRP pair: identity, trunk, VLAN interfaces and addresses, VRRP instances
 * with the gateway addresses, uplinks with failover, the firewall baseline in order, DNS, SNMP.
 */
import * as pulumi from "@pulumi/pulumi";
import * as ros from "../../providers/routeros";
import type { StackConfig } from "../config/schema";
import { ruleSlug } from "./ruleNames";
import { dnsRecords } from "./dns";
import { forwardRules, inputRules, natRules, type FirewallRule } from "./firewall";
import { LAN_LIST, OWNER_TAG, TRUNK_BRIDGE, WAN_LIST, netwatchScripts, planRouter } from "./plan";
import { routerSnmp } from "./routerSnmp";
import type { SnmpV3Credentials } from "./snmp";

export interface RouterNodeArgs {
  readonly config: StackConfig;
  readonly routerName: string;
  /** The SNMPv3 user both routers share (generated once by NetworkLayer); secret. */
  readonly snmp: pulumi.Output<SnmpV3Credentials>;
}

const owned = (text: string) => `${OWNER_TAG}: ${text}`;

export class RouterNode extends pulumi.ComponentResource {
  static readonly __pulumiType = "baremetal:network:Router";
  readonly dnsRecordCount: number;

  constructor(name: string, args: RouterNodeArgs, opts?: pulumi.ComponentResourceOptions) {
    super(RouterNode.__pulumiType, name, { router: args.routerName }, opts);
    const { config } = args;
    const router = config.routers.find((r) => r.name === args.routerName);
    if (!router)
      throw new Error(`internal error: router ${args.routerName} should have been validated`);
    const plan = planRouter(config, router);
    const connection: ros.RouterConnection = {
      url: router.restUrl,
      ...(router.caFile ? { caFile: router.caFile } : {}),
      ...(router.insecure ? { insecure: true } : {}),
      ...(router.allowInsecureHttp ? { allowInsecureHttp: true } : {}),
    };
    const parent = { parent: this };
    const base = { router: connection };
    const id = (suffix: string) => `${router.name}-${suffix}`;

    new ros.SystemIdentity(id("identity"), { ...base, name: router.name }, parent);

    const bridge = new ros.Bridge(
      id("bridge"),
      { ...base, name: TRUNK_BRIDGE, comment: owned("server trunk") },
      parent,
    );
    new ros.BridgePort(
      id("bridge-port"),
      {
        ...base,
        bridge: bridge.name,
        interface: router.trunkInterface,
        comment: owned("server trunk"),
      },
      parent,
    );
    const lan = new ros.InterfaceList(
      id("list-lan"),
      { ...base, name: LAN_LIST, comment: owned("internal VLANs") },
      parent,
    );
    const wan = new ros.InterfaceList(
      id("list-wan"),
      { ...base, name: WAN_LIST, comment: owned("uplinks") },
      parent,
    );
    // The firewall matches interface lists; its rules wait for every membership below.
    const members: ros.InterfaceListMember[] = [];
    const listMember = (
      name: string,
      args: ros.InterfaceListMemberArgs,
      opts: pulumi.CustomResourceOptions,
    ) => {
      const member = new ros.InterfaceListMember(name, args, opts);
      members.push(member);
      return member;
    };

    for (const vlan of plan.vlans) {
      const net = vlan.network.name;
      const vlanIf = new ros.Vlan(
        id(`vlan-${net}`),
        {
          ...base,
          name: vlan.name,
          vlanId: vlan.network.vlanId,
          interface: bridge.name,
          comment: owned(`${net} (${vlan.network.purpose})`),
        },
        parent,
      );
      const address = plan.addresses.find((a) => a.key === net);
      if (address) {
        new ros.IpAddress(
          id(`address-${net}`),
          { ...base, address: address.address, interface: vlanIf.name, comment: owned(net) },
          parent,
        );
      }
      listMember(id(`lan-${net}`), { ...base, list: lan.name, interface: vlanIf.name }, parent);
      const vrrp = plan.vrrp.find((v) => v.network === net);
      if (!vrrp) continue;
      const vrrpIf = new ros.VrrpInterface(
        id(`vrrp-${net}`),
        {
          ...base,
          name: vrrp.name,
          interface: vlanIf.name,
          vrid: vrrp.vrid,
          priority: vrrp.priority,
          version: 3,
          preemptionMode: true,
          comment: owned(`gateway of ${net}`),
        },
        parent,
      );
      new ros.IpAddress(
        id(`gateway-${net}`),
        {
          ...base,
          address: vrrp.virtualAddress,
          interface: vrrpIf.name,
          comment: owned(`gateway of ${net}`),
        },
        parent,
      );
      listMember(
        id(`lan-vrrp-${net}`),
        { ...base, list: lan.name, interface: vrrpIf.name },
        parent,
      );
    }

    for (const uplink of plan.uplinks) {
      const u = uplink.uplink.name;
      new ros.IpAddress(
        id(`address-${u}`),
        {
          ...base,
          address: uplink.address.address,
          interface: uplink.address.interface,
          comment: owned(u),
        },
        parent,
      );
      listMember(
        id(`wan-${u}`),
        { ...base, list: wan.name, interface: uplink.address.interface },
        parent,
      );
      new ros.IpRoute(
        id(`probe-${u}`),
        { ...base, ...uplink.probeRoute, comment: owned(`${u} probe path`) },
        parent,
      );
      new ros.IpRoute(
        id(`default-${u}`),
        { ...base, ...uplink.defaultRoute, comment: owned(`${u} default`) },
        parent,
      );
      const scripts = netwatchScripts(plan, uplink.uplink);
      new ros.Netwatch(
        id(`netwatch-${u}`),
        {
          ...base,
          host: uplink.uplink.probeTarget,
          type: "icmp",
          interval: "10s",
          timeout: "1s",
          upScript: scripts.up,
          downScript: scripts.down,
          comment: owned(`${u} health`),
        },
        parent,
      );
    }
    if (plan.peerFallback) {
      new ros.IpRoute(
        id("default-via-peer"),
        { ...base, ...plan.peerFallback, comment: owned(`default via ${plan.peer.name}`) },
        parent,
      );
    }

    const rule = (r: FirewallRule) => ({
      ...base,
      chain: r.chain,
      comment: r.comment,
      action: r.action,
      ...(r.connectionState ? { connectionState: r.connectionState } : {}),
      ...(r.protocol ? { protocol: r.protocol } : {}),
      ...(r.dstPort ? { dstPort: r.dstPort } : {}),
      ...(r.srcAddress ? { srcAddress: r.srcAddress } : {}),
      ...(r.dstAddress ? { dstAddress: r.dstAddress } : {}),
      ...(r.inInterfaceList ? { inInterfaceList: r.inInterfaceList } : {}),
      ...(r.outInterfaceList ? { outInterfaceList: r.outInterfaceList } : {}),
    });
    const slug = (comment: string) => ruleSlug(comment.replace(`${OWNER_TAG}: `, ""));
    const chains = [
      { table: "filter" as const, chain: "input", rules: inputRules(config) },
      { table: "filter" as const, chain: "forward", rules: forwardRules(config) },
      { table: "nat" as const, chain: "srcnat", rules: natRules() },
    ];
    const chainResources: ros.FirewallChain[] = [];
    for (const chain of chains) {
      // Rules are created one after another in evaluation order, each appended to the chain:
      // a final drop can never land before the accept that lets this program reach the router
      // (and on destroy the drop goes first).
      const created: (ros.NatRule | ros.FirewallFilterRule)[] = [];
      for (const r of chain.rules) {
        const previous = created.at(-1);
        const opts = { ...parent, dependsOn: previous ? [previous] : members };
        created.push(
          chain.table === "nat"
            ? new ros.NatRule(id(`nat-${slug(r.comment)}`), rule(r), opts)
            : new ros.FirewallFilterRule(id(`filter-${slug(r.comment)}`), rule(r), opts),
        );
      }
      // The chain resource keeps the declared order with `move` and reports foreign rules.
      const chainResource = new ros.FirewallChain(
        id(`chain-${chain.chain}`),
        {
          ...base,
          table: chain.table,
          chain: chain.chain,
          rules: created.map((c) => c.comment),
          removeUndeclared: config.firewall.removeUndeclared,
        },
        parent,
      );
      if (chain.chain === "input") chainResources.push(chainResource);
    }

    new ros.DnsSettings(
      id("dns"),
      { ...base, servers: config.firewall.dnsUpstreams, allowRemoteRequests: true },
      parent,
    );
    const records = dnsRecords(config);
    for (const record of records) {
      new ros.DnsStaticRecord(
        id(`dns-${record.name}`),
        {
          ...base,
          name: record.name,
          type: "A",
          address: record.address,
          ttl: "5m",
          comment: owned("placement"),
        },
        parent,
      );
    }
    routerSnmp({
      config,
      router: connection,
      prefix: router.name,
      credentials: args.snmp,
      firewall: chainResources,
      parent: this,
    });
    this.dnsRecordCount = records.length;
    this.registerOutputs({ dnsRecords: records.length });
  }
}
