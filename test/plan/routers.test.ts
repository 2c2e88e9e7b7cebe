/** The router plan, firewall baseline and DNS records, derived from the real stack configs. */
import { parseStackConfig } from "../../components/config/validate";
import type { StackConfig } from "../../components/config/schema";
import { dnsRecords, ingressAddress } from "../../components/plan/dns";
import { forwardRules, inputRules, natRules } from "../../components/plan/firewall";
import {
  DEGRADED_PRIORITY,
  netwatchScripts,
  planRouter,
  vrrpId,
} from "../../components/plan/routers";
import { allSecrets, rawStackConfig } from "../support/stackConfig";

const production: StackConfig = parseStackConfig(rawStackConfig("production"), allSecrets());
const staging: StackConfig = parseStackConfig(rawStackConfig("staging"), allSecrets());

function router(config: StackConfig, name: string) {
  const found = config.routers.find((r) => r.name === name);
  if (!found) throw new Error(name);
  return found;
}

describe("router plan", () => {
  const primary = planRouter(production, router(production, "rtr-1"));
  const backup = planRouter(production, router(production, "rtr-2"));

  test("both routers serve every network with the same virtual address and VRRP id", () => {
    expect(primary.vrrp.map((v) => [v.network, v.vrid, v.virtualAddress])).toEqual(
      backup.vrrp.map((v) => [v.network, v.vrid, v.virtualAddress]),
    );
    expect(primary.vrrp.find((v) => v.network === "services")).toMatchObject({
      interface: "vlan20-services",
      virtualAddress: "10.20.0.1/32",
      priority: 200,
    });
    expect(backup.vrrp.every((v) => v.priority === 100)).toBe(true);
  });

  test("each router addresses every VLAN with its own address and the network's prefix", () => {
    expect(primary.addresses.map((a) => a.address)).toEqual([
      "10.10.0.2/24",
      "10.20.0.2/24",
      "10.30.0.2/24",
      "10.40.0.2/24",
    ]);
    expect(backup.addresses.map((a) => a.address)).toEqual([
      "10.10.0.3/24",
      "10.20.0.3/24",
      "10.30.0.3/24",
      "10.40.0.3/24",
    ]);
  });

  test("uplink failover: a recursive default route through the probe target, and the peer as last resort", () => {
    expect(primary.uplinks).toHaveLength(1);
    expect(primary.uplinks[0]?.probeRoute).toEqual({
      dstAddress: "1.1.1.1/32",
      gateway: "198.51.100.1",
      scope: 10,
    });
    expect(primary.uplinks[0]?.defaultRoute).toEqual({
      dstAddress: "0.0.0.0/0",
      gateway: "1.1.1.1",
      distance: 1,
      targetScope: 11,
      checkGateway: "ping",
    });
    expect(backup.uplinks[0]?.defaultRoute.distance).toBe(2);
    // The fallback is worse than every uplink, so it is used only when the own uplinks are down.
    expect(primary.peerFallback).toEqual({
      dstAddress: "0.0.0.0/0",
      gateway: "10.10.0.3",
      distance: 12,
    });
    expect(backup.peerFallback?.gateway).toBe("10.10.0.2");
  });

  test("a failed uplink lowers the router's VRRP priority below the peer's, and recovery restores it", () => {
    const uplink = primary.uplinks[0]?.uplink;
    if (!uplink) throw new Error("no uplink");
    const scripts = netwatchScripts(primary, uplink);
    expect(scripts.down).toContain(`priority=${DEGRADED_PRIORITY}`);
    expect(scripts.up).toContain("priority=200");
    expect(DEGRADED_PRIORITY).toBeLessThan(router(production, "rtr-2").vrrpPriority);
  });

  test("VRRP ids fold VLAN ids into 1..255 unless configured", () => {
    const network = {
      name: "n",
      vlanId: 300,
      cidr: "10.0.0.0/24",
      gateway: "10.0.0.1",
      purpose: "services" as const,
    };
    expect(vrrpId(network)).toBe(45);
    expect(vrrpId({ ...network, vlanId: 255 })).toBe(255);
    expect(vrrpId({ ...network, vlanId: 256 })).toBe(1);
    expect(vrrpId({ ...network, vrrpId: 7 })).toBe(7);
  });
});

describe("firewall baseline", () => {
  test("input: established first, management only from the admin network, drop last", () => {
    const rules = inputRules(production);
    expect(rules[0]?.connectionState).toEqual(["established", "related", "untracked"]);
    expect(rules.at(-1)).toMatchObject({
      action: "drop",
      comment: "baremetal: input drop everything else",
    });
    const management = rules.filter((r) => r.dstPort === "22,443,8291,8729");
    expect(management).toEqual([
      expect.objectContaining({ srcAddress: "10.10.0.0/24", action: "accept" }),
    ]);
    expect(rules.some((r) => r.protocol === "vrrp" && r.action === "accept")).toBe(true);
  });

  test("forward: the declared inter-VLAN policy sits between the stateful rules and the final drop", () => {
    const rules = forwardRules(production);
    const comments = rules.map((r) => r.comment);
    expect(comments[0]).toBe("baremetal: forward accept established");
    expect(comments.at(-1)).toBe("baremetal: forward drop everything else");
    const apps = rules.find(
      (r) => r.comment === "baremetal: forward apps and scrapers to data services",
    );
    expect(apps).toMatchObject({
      srcAddress: "10.30.0.0/24",
      dstAddress: "10.20.0.0/24",
      protocol: "tcp",
    });
    expect(new Set(comments).size).toBe(comments.length);
  });

  test("forward: a toProxmoxHosts rule admits each host's management address, nothing else of the network", () => {
    const rules = forwardRules(production).filter((r) => r.dstPort === "8006");
    expect(rules.map((r) => [r.comment, r.srcAddress, r.dstAddress, r.protocol])).toEqual(
      production.hosts.map((host) => [
        `baremetal: forward CSI plugin to the Proxmox API ${host.name}`,
        "10.30.0.0/24",
        host.managementIp,
        "tcp",
      ]),
    );
    const wholeNetwork = {
      ...production,
      firewall: {
        ...production.firewall,
        forward: production.firewall.forward.map(({ toProxmoxHosts: _, ...rule }) => rule),
      },
    };
    expect(
      forwardRules(wholeNetwork)
        .filter((r) => r.dstPort === "8006")
        .map((r) => r.dstAddress),
    ).toEqual(["10.10.0.0/24"]);
  });

  test("outbound NAT masquerades to the uplinks only", () => {
    expect(natRules()).toEqual([
      expect.objectContaining({ chain: "srcnat", action: "masquerade", outInterfaceList: "WAN" }),
    ]);
  });
});

describe("internal DNS", () => {
  test("a record for every router, host and guest, following the placement", () => {
    const records = dnsRecords(production);
    const byName = new Map(records.map((r) => [r.name, r.address]));
    expect(byName.get("rtr-1.sp1.internal.example.com")).toBe("10.10.0.2");
    expect(byName.get("pve-05.sp1.internal.example.com")).toBe("10.10.0.15");
    expect(byName.get("mongo-2.sp1.internal.example.com")).toBe("10.20.0.12");
    for (const guest of production.guests)
      expect(byName.get(`${guest.name}.sp1.internal.example.com`)).toBe(guest.ip);
    expect(new Set(records.map((r) => r.name)).size).toBe(records.length);
  });

  test("platform names point at the API's virtual address in production and the node in staging", () => {
    expect(ingressAddress(production)).toBe("10.30.0.10");
    expect(
      new Map(dnsRecords(production).map((r) => [r.name, r.address])).get(
        "harbor.sp1.internal.example.com",
      ),
    ).toBe("10.30.0.10");
    const stagingRecords = new Map(dnsRecords(staging).map((r) => [r.name, r.address]));
    expect(stagingRecords.get("k8s.stg.sp1.internal.example.com")).toBe("10.130.0.11");
    expect(stagingRecords.get("grafana.stg.sp1.internal.example.com")).toBe("10.130.0.11");
  });

  test("moving a guest moves its record", () => {
    const moved = {
      ...production,
      guests: production.guests.map((g) => (g.name === "redis-1" ? { ...g, ip: "10.20.0.99" } : g)),
    };
    expect(
      dnsRecords(moved).find((r) => r.name === "redis-1.sp1.internal.example.com")?.address,
    ).toBe("10.20.0.99");
  });
});

test("SNMP is accepted only from the monitoring networks, before the final drop", () => {
  const rules = inputRules(production);
  const snmp = rules.filter((r) => r.dstPort === "161");
  // Zabbix in services; snmp_exporter runs on the Kubernetes nodes.
  expect(snmp).toEqual([
    expect.objectContaining({ protocol: "udp", srcAddress: "10.20.0.0/24", action: "accept" }),
    expect.objectContaining({ protocol: "udp", srcAddress: "10.30.0.0/24", action: "accept" }),
  ]);
  expect(snmp.map((r) => r.comment)).toEqual([
    "baremetal: input snmp from services",
    "baremetal: input snmp from kubernetes",
  ]);
  expect(rules.findIndex((r) => r.dstPort === "161")).toBeLessThan(rules.length - 1);
  const quiet = { ...production, firewall: { ...production.firewall, monitoringFrom: [] } };
  expect(inputRules(quiet).some((r) => r.dstPort === "161")).toBe(false);
});
