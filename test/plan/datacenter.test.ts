/** planDataCenter is pure: the same config gives the same plan and is left as it was. */
import { planDataCenter } from "../../components/plan";
import { stack } from "./stacks";

test.each(["production", "staging"] as const)(
  "%s: deterministic and leaves the config untouched",
  (name) => {
    const config = stack(name);
    const before = structuredClone(config);
    const first = planDataCenter(config);
    expect(planDataCenter(config)).toEqual(first);
    expect(config).toEqual(before);
  },
);

test("the slices agree on shared facts", () => {
  const plan = planDataCenter(stack("production"));
  expect(plan.platform.bootstrapNode).toEqual(plan.cluster.bootstrap);
  expect(plan.compute.login).toEqual(plan.cluster.login);
  const vmNames = plan.compute.guests.filter((g) => g.kind === "vm").map((g) => g.name);
  expect(plan.cluster.nodes.map((n) => n.name)).toEqual(vmNames);
  const ingress = plan.cluster.api.ingressAddress;
  expect(plan.network.dns.records).toContainEqual({
    name: plan.cluster.config.hostnames.harbor,
    address: ingress,
  });
});

test("Harbor's API address and registry host come from the platform hostname", () => {
  const config = stack("production");
  const harbor = planDataCenter(config).harbor;
  expect(config.harbor).toBeDefined();
  expect(harbor?.settings).toEqual(config.harbor);
  expect(harbor).toMatchObject({
    url: `https://${config.kubernetes.hostnames.harbor}`,
    registryHost: config.kubernetes.hostnames.harbor,
    issuer: config.kubernetes.platformIssuer,
  });
});
