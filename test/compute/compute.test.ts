/**
 * The compute layer under the offline engine with a stack that opts one stateful guest into
 * replacement: only that guest loses its protection, and only for this update.
 */
import * as pulumi from "@pulumi/pulumi";
import { ComputeLayer } from "../../components/compute";
import { parseStackConfig } from "../../components/config/validate";
import { planDataCenter } from "../../components/plan";
import type { StackConfig } from "../../components/config/schema";
import { startOfflineEngine, type OfflineEngine } from "../../scripts/offline/engine";
import { plaintextOccurrences } from "../support/preview";
import { allSecrets, rawStackConfig } from "../support/stackConfig";

function stagingConfig(): StackConfig {
  const raw = rawStackConfig("staging");
  const placement = raw["placement"] as { allowReplace: string[] };
  placement.allowReplace = ["mongo-2"];
  return parseStackConfig(raw, allSecrets());
}

let engine: OfflineEngine;
let layer: ComputeLayer;
const warnings: string[] = [];

beforeAll(async () => {
  engine = await startOfflineEngine({ project: "baremetal", stack: "staging" });
  jest.spyOn(pulumi.log, "warn").mockImplementation(async (message: string) => {
    warnings.push(message);
  });
  layer = new ComputeLayer("compute", {
    plan: planDataCenter(stagingConfig()).compute,
    proxmoxApiToken: pulumi.secret("token-value-under-test"),
    sshPrivateKey: pulumi.secret("ssh-key-under-test"),
    vmUserData: { "k8s-1": "#cloud-config\nhostname: from-the-cluster-layer\n" },
  });
  await Promise.all(
    [...Object.values(layer.containers), ...Object.values(layer.vms)].map(
      (r) => new Promise((resolve) => r.urn.apply(resolve)),
    ),
  );
  await pulumi.runtime.disconnect();
});

function container(name: string) {
  const found = engine.resources.find((r) => r.type.endsWith("ContainerLegacy") && r.name === name);
  if (!found) throw new Error(`container ${name} not registered`);
  return found;
}

test("a guest listed in allowReplace loses both protections, with a warning", () => {
  expect(container("mongo-2").protect).toBe(false);
  expect(container("mongo-2").inputs["protection"]).toBe(false);
  expect(warnings.some((w) => w.includes("mongo-2") && w.includes("allowReplace"))).toBe(true);
});

test("the other stateful guests stay protected in Pulumi and in Proxmox", () => {
  for (const name of [
    "mongo-1",
    "mongo-3",
    "redis-1",
    "zabbix-1",
    "elasticsearch-1",
    "postgres-1",
    "objects-1",
  ]) {
    expect([name, container(name).protect, container(name).inputs["protection"]]).toEqual([
      name,
      true,
      true,
    ]);
  }
});

test("the object store is a stateful container: protected twice, data on its mount point, backed up", () => {
  const objects = container("objects-1");
  expect(objects.protect).toBe(true);
  expect(objects.inputs).toMatchObject({
    vmId: 251,
    protection: true,
    tags: ["objectstore", "sp1-stg", "stateful"],
    startup: { order: 1 },
    mountPoints: [{ volume: "local-lvm", size: "200G", path: "/var/lib/garage", backup: true }],
  });
  const job = engine.resources.find((r) => r.type === "proxmoxve:backup/job:Job");
  expect(job?.inputs["vmids"]).toContain("251");
  expect(job?.dependencies).toContain(objects.urn);
});

test("containers ignore template changes so a new template never rebuilds them", () => {
  expect(container("mongo-1").ignoreChanges).toContain("operatingSystem.templateFileId");
});

test("user-data from the cluster layer is used for its node, as a secret", () => {
  const snippet = engine.resources.find((r) => r.name === "k8s-1-user-data");
  const sourceRaw = snippet?.rawInputs["sourceRaw"] as Record<string, unknown>;
  expect(JSON.stringify(sourceRaw["data"])).toContain("4dabf18193072939515e22adb298388d");
  expect((snippet?.inputs["sourceRaw"] as Record<string, unknown>)["data"]).toContain(
    "from-the-cluster-layer",
  );
});

test("every child is parented inside the layer and uses its provider", () => {
  const layerUrn = engine.resources.find((r) => r.type === "baremetal:compute:ComputeLayer")?.urn;
  const hostUrns = new Set(
    engine.resources.filter((r) => r.type === "baremetal:compute:ProxmoxHost").map((r) => r.urn),
  );
  for (const resource of engine.resources) {
    if (resource.type === "baremetal:compute:ComputeLayer") continue;
    expect(resource.parentUrn === layerUrn || hostUrns.has(resource.parentUrn ?? "")).toBe(true);
    if (resource.custom && !resource.type.startsWith("pulumi:providers:")) {
      expect(resource.provider).toContain("pulumi:providers:proxmoxve::proxmox");
    }
  }
});

test("provider credentials are registered as secrets", () => {
  const provider = engine.resources.find((r) => r.type === "pulumi:providers:proxmoxve");
  expect(plaintextOccurrences(provider?.rawInputs, "token-value-under-test")).toEqual([]);
  expect(plaintextOccurrences(provider?.rawInputs, "ssh-key-under-test")).toEqual([]);
  expect(provider?.inputs["apiToken"]).toBe("token-value-under-test");
});
