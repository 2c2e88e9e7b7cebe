/**
 * The real staging stack file: one T550 with a small copy of every service and no HA.
 */
import { runOfflinePreview, type PreviewResult } from "../../scripts/offline/preview";
import { identity, ofType, plaintextOccurrences } from "../support/preview";

let result: PreviewResult;

beforeAll(async () => {
  result = await runOfflinePreview({ stack: "staging" });
});

test("the program runs without configuration issues", () => {
  expect(result.issues).toEqual([]);
  expect(result.ok).toBe(true);
});

test("one T550 host carries every guest", () => {
  expect(ofType(result, "baremetal:compute:ProxmoxHost").map((h) => h.name)).toEqual(["pve-stg"]);
  expect(result.outputs.capacity?.map((h) => h.model)).toEqual(["PowerEdge T550"]);
  const roles = new Set(result.outputs.guests?.map((g) => g.role));
  for (const role of [
    "mongodb",
    "redis",
    "zabbix",
    "elasticsearch",
    "kibana",
    "k8s-control-plane",
  ]) {
    expect(roles).toContain(role);
  }
  expect(new Set(result.outputs.guests?.map((g) => g.host))).toEqual(new Set(["pve-stg"]));
});

test("replica-set members share the host only because the stack allows it, and no HA is created", () => {
  const members = ofType(result, "proxmoxve:index/containerLegacy:ContainerLegacy").filter((c) =>
    c.name.startsWith("mongo-"),
  );
  expect(members).toHaveLength(3);
  expect(ofType(result, "proxmoxve:index/haresource:Haresource")).toEqual([]);
  expect(ofType(result, "proxmoxve:index/harule:Harule")).toEqual([]);
});

test("resource identities (type, name, parent) are deliberate", () => {
  expect(identity(result)).toMatchSnapshot();
});

test("the staging router pair serves its three VLANs and the staging zone", () => {
  const ros = (type: string) => ofType(result, `pulumi-nodejs:dynamic/routeros:${type}`);
  expect(
    ros("Vlan")
      .map((v) => v.inputs["vlanId"])
      .sort(),
  ).toEqual([110, 110, 120, 120, 130, 130]);
  expect(
    ros("SystemIdentity")
      .map((r) => r.inputs["name"])
      .sort(),
  ).toEqual(["rtr-stg-1", "rtr-stg-2"]);
  const names = new Set(ros("DnsStaticRecord").map((r) => r.inputs["name"]));
  expect(names).toContain("k8s.stg.sp1.internal.example.com");
  expect(names).toContain("mongo-3.stg.sp1.internal.example.com");
  for (const name of names)
    expect(String(name).endsWith(".stg.sp1.internal.example.com")).toBe(true);
});

test("no configured or generated secret (every offline placeholder) is registered in plain text", () => {
  // Offline, every secret value (config secrets, random passwords, the cluster token, the fetched
  // kubeconfig) starts with "offline-"; any plain occurrence in an input would be a leak to state.
  const leaks = result.resources.flatMap((r) =>
    plaintextOccurrences(r.rawInputs, "offline-").map((path) => `${r.type}::${r.name}${path}`),
  );
  expect(leaks).toEqual([]);
});
