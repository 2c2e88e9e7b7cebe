import * as pulumi from "@pulumi/pulumi";
import * as ros from "../../providers/routeros";

const registered: { type: string; name: string; inputs: Record<string, unknown> }[] = [];

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs });
        return { id: `mocked::${args.name}`, state: { ...args.inputs, routerosId: "*1" } };
      },
      call: (args) => {
        throw new Error(`Mock not implemented: ${args.token}`);
      },
    },
    "baremetal",
    "test",
  );
});

const router = { url: "https://10.0.0.1" };
const output = <T>(o: pulumi.Output<T>) => new Promise<T>((resolve) => o.apply(resolve));

test("every resource registers under pulumi-nodejs:dynamic/routeros:<Type> with its outputs", async () => {
  const resources: [pulumi.CustomResource, string][] = [
    [new ros.Bridge("br", { router, name: "bridge1" }), "Bridge"],
    [new ros.Vlan("v10", { router, name: "vlan10", vlanId: 10, interface: "bridge1" }), "Vlan"],
    [
      new ros.VrrpInterface("vr", { router, name: "vrrp1", interface: "vlan10", password: "pw" }),
      "VrrpInterface",
    ],
    [new ros.InterfaceList("wan", { router, name: "WAN" }), "InterfaceList"],
    [
      new ros.InterfaceListMember("wan1", { router, list: "WAN", interface: "ether1" }),
      "InterfaceListMember",
    ],
    [
      new ros.IpAddress("vip", { router, address: "10.0.10.1/24", interface: "vrrp1" }),
      "IpAddress",
    ],
    [
      new ros.IpRoute("uplink-a", { router, gateway: "198.51.100.1", checkGateway: "ping" }),
      "IpRoute",
    ],
    [new ros.Netwatch("nw", { router, host: "198.51.100.1" }), "Netwatch"],
    [
      new ros.FirewallFilterRule("est", {
        router,
        chain: "input",
        action: "accept",
        comment: "est",
      }),
      "FirewallFilterRule",
    ],
    [
      new ros.NatRule("masq", { router, chain: "srcnat", action: "masquerade", comment: "masq" }),
      "NatRule",
    ],
    [
      new ros.AddressListEntry("bastion", { router, list: "mgmt", address: "203.0.113.7" }),
      "AddressListEntry",
    ],
    [
      new ros.DnsStaticRecord("api", { router, name: "api.internal", address: "10.0.0.5" }),
      "DnsStaticRecord",
    ],
    [new ros.DnsSettings("dns", { router, servers: ["1.1.1.1"] }), "DnsSettings"],
    [new ros.SystemIdentity("id", { router, name: "r1" }), "SystemIdentity"],
    [
      new ros.FirewallChain("input", { router, table: "filter", chain: "input", rules: ["est"] }),
      "FirewallChain",
    ],
    [new ros.SnmpSettings("snmp", { router, enabled: true, location: "sp1" }), "SnmpSettings"],
    [
      new ros.SnmpCommunity("monitoring", {
        router,
        name: "monitoring",
        security: "private",
        authenticationPassword: pulumi.secret("auth-password"),
        encryptionPassword: pulumi.secret("priv-password"),
      }),
      "SnmpCommunity",
    ],
  ];
  for (const [resource, type] of resources) {
    const urn = await output(resource.urn);
    expect(urn).toContain(`pulumi-nodejs:dynamic/routeros:${type}`);
  }
  const vlan = resources[1]?.[0] as ros.Vlan;
  expect(await output(vlan.vlanId)).toBe(10);
  expect(await output(vlan.routerosId)).toBe("*1");
  expect(registered).toHaveLength(17);
  for (const r of registered) expect(typeof r.inputs["__provider"]).toBe("string");
  const community = registered.find((r) => r.type.endsWith(":SnmpCommunity"));
  expect(community?.inputs).toMatchObject({ name: "monitoring", security: "private" });
});
