/** Rendering of the offline preview: stable tree and counts whatever the registration order. */
import type { RecordedResource } from "../../scripts/offline/engine";
import { countsByType, resourceTree, servicesTable } from "../../scripts/offline/format";

function resource(
  type: string,
  name: string,
  parentUrn?: string,
  protect = false,
): RecordedResource {
  return {
    urn: `urn:${type}::${name}`,
    type,
    name,
    parentUrn,
    custom: true,
    protect,
    retainOnDelete: false,
    deleteBeforeReplace: false,
    ignoreChanges: [],
    replaceOnChanges: [],
    additionalSecretOutputs: [],
    dependencies: [],
    provider: undefined,
    rawInputs: {},
    inputs: {},
  };
}

const stack = resource("pulumi:pulumi:Stack", "s");
const layer = resource("baremetal:compute:ComputeLayer", "compute", stack.urn);
const resources = [
  stack,
  layer,
  resource("proxmoxve:index/containerLegacy:ContainerLegacy", "mongo-10", layer.urn, true),
  resource("proxmoxve:index/containerLegacy:ContainerLegacy", "mongo-2", layer.urn, true),
  resource("proxmoxve:backup/job:Job", "nightly", layer.urn),
];

test("children are listed by type then natural name order, with protection marked", () => {
  expect(resourceTree(resources).split("\n")).toEqual([
    "+ pulumi:pulumi:Stack  s",
    "  + baremetal:compute:ComputeLayer  compute",
    "    + proxmoxve:backup/job:Job  nightly",
    "    + proxmoxve:index/containerLegacy:ContainerLegacy  mongo-2  [protected]",
    "    + proxmoxve:index/containerLegacy:ContainerLegacy  mongo-10  [protected]",
  ]);
});

test("the registration order does not change the output", () => {
  expect(resourceTree([...resources].reverse())).toBe(resourceTree(resources));
  expect(countsByType([...resources].reverse())).toEqual(countsByType(resources));
});

test("Helm releases show their chart, pinned version and namespace", () => {
  const release = {
    ...resource("kubernetes:helm.sh/v3:Release", "platform-harbor", layer.urn),
    inputs: { chart: "harbor", version: "1.19.1", namespace: "harbor" },
  };
  expect(resourceTree([stack, layer, release]).split("\n")[2]).toBe(
    "    + kubernetes:helm.sh/v3:Release  platform-harbor  (harbor 1.19.1 in harbor)",
  );
});

test("the services table lists guest, host, service and pinned packages", () => {
  expect(
    servicesTable([
      {
        guest: "redis-1",
        host: "pve-04",
        service: "redis",
        packages: ["redis-server=5:7.0.15-1~deb12u10", "prometheus-redis-exporter=1.45.0-2+b4"],
      },
    ]).split("\n"),
  ).toEqual([
    "guest    host    service  packages (pinned)",
    "redis-1  pve-04  redis    redis-server=5:7.0.15-1~deb12u10, prometheus-redis-exporter=1.45.0-2+b4",
  ]);
});
