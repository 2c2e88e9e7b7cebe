/**
 * The real staging stack file: one T550 with a small copy of every service and no HA.
 */
import { runOfflinePreview, type PreviewResult } from "../../scripts/offline/preview";
import { identity, ofType } from "../support/preview";

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
