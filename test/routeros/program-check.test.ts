/**
 * Every RouterOS resource the production stack declares passes its provider's offline `check`
 * (what `pulumi preview` runs first): the address, port and URL validation refuses nothing the
 * program really sends.
 */
import * as pulumi from "@pulumi/pulumi";
import { parseStackConfig } from "../../components/config/validate";
import { NetworkLayer } from "../../components/network";
import { planNetwork } from "../../components/plan/network";
import { providers, type ProviderName } from "../../providers/routeros/runtime";
import { startOfflineEngine, type OfflineEngine } from "../../scripts/offline/engine";
import { allSecrets, rawStackConfig } from "../support/stackConfig";

const ROS = "pulumi-nodejs:dynamic/routeros:";

function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply(resolve));
}

let engine: OfflineEngine;
beforeAll(async () => {
  const config = parseStackConfig(rawStackConfig("production"), allSecrets());
  engine = await startOfflineEngine({ project: "baremetal", stack: "production" });
  const network = new NetworkLayer("network", { plan: planNetwork(config) });
  await Promise.all(Object.values(network.routers).map((r) => valueOf(r.urn)));
  await new Promise((r) => setTimeout(r, 50));
});

test("check accepts every RouterOS resource of the production stack", async () => {
  const declared = engine.resources.filter((r) => r.type.startsWith(ROS));
  expect(declared.length).toBeGreaterThan(50);
  const failures: unknown[] = [];
  for (const r of declared) {
    const type = r.type.slice(ROS.length) as ProviderName;
    const result = await providers[type].check({} as never, r.inputs as never);
    if ((result.failures ?? []).length > 0) failures.push([r.name, result.failures]);
  }
  expect(failures).toEqual([]);
});
