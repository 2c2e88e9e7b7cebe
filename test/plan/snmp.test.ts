/** The SNMP plan of the router pair, from the real stack configs. */
import { parseStackConfig } from "../../components/config/validate";
import type { StackConfig } from "../../components/config/schema";
import { inputRules } from "../../components/plan/firewall";
import {
  CLOSED_BUILTIN_COMMUNITY,
  monitoringNetworks,
  planSnmp,
  snmpV3Credentials,
} from "../../components/plan/snmp";
import { allSecrets, rawStackConfig } from "../support/stackConfig";

const production: StackConfig = parseStackConfig(rawStackConfig("production"), allSecrets());
const staging: StackConfig = parseStackConfig(rawStackConfig("staging"), allSecrets());

test("production: polled from the services and Kubernetes networks, as the firewall admits", () => {
  const plan = planSnmp(production);
  expect(plan).toEqual({
    enabled: true,
    sources: ["10.20.0.0/24", "10.30.0.0/24"],
    contact: "ops@example.com",
    location: "sp1",
  });
  const admitted = inputRules(production)
    .filter((r) => r.protocol === "udp" && r.dstPort === "161")
    .map((r) => r.srcAddress);
  expect(admitted).toEqual(plan.sources);
});

test("staging: the same networks with staging's prefixes", () => {
  expect(planSnmp(staging).sources).toEqual(
    monitoringNetworks(staging)
      .filter((n) => ["services", "kubernetes"].includes(n.name))
      .map((n) => n.cidr),
  );
  expect(planSnmp(staging).sources).toHaveLength(2);
  expect(planSnmp(staging).sources.every((s) => s.startsWith("10.1"))).toBe(true);
});

test("no monitoring network: SNMP stays off and no source is listed", () => {
  const quiet = { ...production, firewall: { ...production.firewall, monitoringFrom: [] } };
  expect(planSnmp(quiet)).toMatchObject({ enabled: false, sources: [] });
});

test("a network named twice is listed once", () => {
  const twice = {
    ...production,
    firewall: { ...production.firewall, monitoringFrom: ["services", "services"] },
  };
  expect(planSnmp(twice).sources).toEqual(["10.20.0.0/24"]);
  expect(inputRules(twice).filter((r) => r.dstPort === "161")).toHaveLength(1);
});

test("the built-in community is disabled and reachable from the router itself only", () => {
  expect(CLOSED_BUILTIN_COMMUNITY).toEqual({ disabled: true, addresses: ["127.0.0.1/32"] });
});

test("credentials: SNMPv3 authPriv with SHA1 and AES", () => {
  expect(snmpV3Credentials("u", "a", "p")).toEqual({
    username: "u",
    authProtocol: "SHA1",
    authPassword: "a",
    privProtocol: "AES",
    privPassword: "p",
  });
});
