/** The cluster slice: nodes, the one bootstrap node, the API address and topology labels. */
import { planApi, planCluster, topologyLabels } from "../../components/plan/cluster";
import { stack } from "./stacks";

test("production: three control-plane nodes, the first in the stack file bootstraps", () => {
  const plan = planCluster(stack("production"));
  expect(plan.nodes.map((n) => [n.name, n.role, n.worker ?? false])).toEqual([
    ["k8s-1", "bootstrap", false],
    ["k8s-2", "join", false],
    ["k8s-3", "join", false],
  ]);
  expect(plan.bootstrap).toEqual({ name: "k8s-1", ip: "10.30.0.11" });
  expect(plan.site).toEqual({ internalZone: "sp1.internal.example.com", region: "sp1" });
  expect(plan.harborRegistryHost).toBe(plan.config.hostnames.harbor);
});

test("the API address: a virtual IP answers itself; a name points at the bootstrap node", () => {
  expect(planApi(stack("production"))).toEqual({
    address: "10.30.0.10",
    isName: false,
    ingressAddress: "10.30.0.10",
  });
  expect(planApi(stack("staging"))).toEqual({
    address: "k8s.stg.sp1.internal.example.com",
    isName: true,
    ingressAddress: "10.130.0.11",
  });
});

test("workers join as workers and never bootstrap", () => {
  const config = stack("production");
  const guests = config.guests.map((g) =>
    g.name === "k8s-1" ? { ...g, role: "k8s-worker" as const } : g,
  );
  const plan = planCluster({ ...config, guests });
  expect(plan.bootstrap.name).toBe("k8s-2");
  expect(plan.nodes.find((n) => n.name === "k8s-1")).toMatchObject({ role: "join", worker: true });
});

test("topology labels: region is the Proxmox cluster, zone the host", () => {
  expect(topologyLabels("sp1", "pve-03")).toEqual({
    "topology.kubernetes.io/region": "sp1",
    "topology.kubernetes.io/zone": "pve-03",
  });
});
