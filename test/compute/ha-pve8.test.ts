/**
 * On Proxmox VE 8 there are no affinity rules: replica-set and control-plane members are pinned
 * to their own host by restricted HA groups instead.
 */
import * as pulumi from "@pulumi/pulumi";
import { ComputeLayer } from "../../components/compute";
import { planDataCenter } from "../../components/plan";
import { pinnedHosts } from "../../components/plan/resilience";
import { parseStackConfig } from "../../components/config/validate";
import { startOfflineEngine, type OfflineEngine } from "../../scripts/offline/engine";
import { allSecrets, rawStackConfig } from "../support/stackConfig";

const raw = rawStackConfig("production");
(raw["proxmox"] as { version: number }).version = 8;
const config = parseStackConfig(raw, allSecrets());

let engine: OfflineEngine;
beforeAll(async () => {
  engine = await startOfflineEngine({ project: "baremetal", stack: "production" });
  const layer = new ComputeLayer("compute", {
    plan: planDataCenter(config).compute,
    proxmoxApiToken: pulumi.secret("token"),
    sshPrivateKey: pulumi.secret("key"),
  });
  await new Promise((resolve) => layer.urn.apply(resolve));
  await pulumi.runtime.disconnect();
});

test("spread-group members are pinned to their configured host", () => {
  expect(Object.fromEntries(pinnedHosts(config))).toEqual({
    "mongo-1": "pve-01",
    "mongo-2": "pve-02",
    "mongo-3": "pve-03",
    "k8s-1": "pve-04",
    "k8s-2": "pve-05",
    "k8s-3": "pve-02",
  });
});

test("one restricted group per pinned host, referenced by the members' HA resources only", () => {
  const groups = engine.resources.filter((r) => r.type === "proxmoxve:index/hagroup:Hagroup");
  expect(groups.map((g) => [g.name, g.inputs["nodes"], g.inputs["restricted"]]).sort()).toEqual([
    ["pin-pve-01", { "pve-01": 1 }, true],
    ["pin-pve-02", { "pve-02": 1 }, true],
    ["pin-pve-03", { "pve-03": 1 }, true],
    ["pin-pve-04", { "pve-04": 1 }, true],
    ["pin-pve-05", { "pve-05": 1 }, true],
  ]);
  const ha = (name: string) =>
    engine.resources.find((r) => r.name === `${name}-ha`)?.inputs["group"];
  expect(ha("mongo-2")).toBe("pin-pve-02");
  expect(ha("k8s-3")).toBe("pin-pve-02");
  expect(ha("redis-1")).toBeUndefined();
  expect(engine.resources.some((r) => r.type === "proxmoxve:index/harule:Harule")).toBe(false);
});
