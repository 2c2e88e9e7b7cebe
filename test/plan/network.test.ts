/** The network slice: per-router connection and plan, shared firewall chains, DNS and SNMP. */
import { dnsRecords } from "../../components/plan/dns";
import { ruleName } from "../../components/plan/firewall";
import { planNetwork } from "../../components/plan/network";
import { OWNER_TAG, owned } from "../../components/plan/routers";
import { renameNetwork, stack } from "./stacks";

const production = stack("production");
const plan = planNetwork(production);

test("each router gets its REST connection and its own plan", () => {
  expect(plan.routers.map((r) => [r.router.name, r.connection.url])).toEqual([
    ["rtr-1", "https://10.10.0.2"],
    ["rtr-2", "https://10.10.0.3"],
  ]);
  expect(plan.routers[0]?.peer.name).toBe("rtr-2");
  expect(plan.routers[0]?.connection.insecure).toBeUndefined();
});

test("both routers share the firewall chains, in evaluation order", () => {
  expect(plan.firewall.chains.map((c) => [c.table, c.chain])).toEqual([
    ["filter", "input"],
    ["filter", "forward"],
    ["nat", "srcnat"],
  ]);
  for (const chain of plan.firewall.chains) {
    for (const rule of chain.rules) expect(rule.comment.startsWith(`${OWNER_TAG}: `)).toBe(true);
  }
});

test("a rule's logical name is the slug of its comment without the owner tag", () => {
  expect(ruleName({ comment: owned("forward CSI plugin to the Proxmox API") })).toBe(
    "forward-csi-plugin-to-the-proxmox-api",
  );
});

test("DNS records and SNMP come from the same plan", () => {
  expect(plan.dns.records).toEqual(dnsRecords(production));
  expect(plan.dns.upstreams).toEqual(production.firewall.dnsUpstreams);
  expect(plan.snmp.enabled).toBe(true);
});

test("renaming the management network changes no router record and no peer route", () => {
  const renamed = planNetwork(
    stack("production", (raw) => renameNetwork(raw, "management", "oob")),
  );
  const routerRecords = (records: { name: string; address: string }[]) =>
    records.filter((r) => r.name.startsWith("rtr-"));
  expect(routerRecords(renamed.dns.records)).toEqual(routerRecords(plan.dns.records));
  expect(renamed.routers.map((r) => r.peerFallback?.gateway)).toEqual(
    plan.routers.map((r) => r.peerFallback?.gateway),
  );
});
