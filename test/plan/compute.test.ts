/** The compute slice: provider, hosts and their downloads, backups and HA from the real stacks. */
import { planCompute } from "../../components/plan/compute";
import { planGuests } from "../../components/plan/guests";
import { stack } from "./stacks";

function computeOf(
  name: "production" | "staging",
  change?: (raw: Record<string, unknown>) => void,
) {
  const config = stack(name, change);
  return planCompute(config, planGuests(config));
}

test("the provider reaches every host by its management address", () => {
  const plan = computeOf("production");
  expect(plan.provider).toMatchObject({ endpoint: "https://10.10.0.11:8006/", insecure: false });
  expect(plan.provider.nodes).toContainEqual({ name: "pve-05", address: "10.10.0.15" });
  expect(plan.provider.nodes).toHaveLength(5);
});

test("a host downloads the LXC template and the cloud image only when a guest there needs it", () => {
  const plan = computeOf("production");
  const hostsWith = (key: "lxcTemplate" | "cloudImage") =>
    plan.hosts.filter((h) => h[key] !== undefined).map((h) => h.name);
  const vmHosts = [...new Set(plan.guests.filter((g) => g.kind === "vm").map((g) => g.host))];
  const lxcHosts = [...new Set(plan.guests.filter((g) => g.kind === "lxc").map((g) => g.host))];
  expect(hostsWith("cloudImage").sort()).toEqual(vmHosts.sort());
  expect(hostsWith("lxcTemplate").sort()).toEqual(lxcHosts.sort());
  for (const host of plan.hosts) {
    expect(host.bridge).toMatchObject({ name: "vmbr1", vids: "10 20 30 40", mtu: 9000 });
  }
});

test("the nightly backup covers exactly the stateful guests, by sorted VMID", () => {
  const plan = computeOf("production");
  const stateful = plan.guests.filter((g) => g.stateful).map((g) => g.vmId);
  expect(plan.backup?.vmids).toEqual(stateful.sort((a, b) => a - b).map(String));
  expect(plan.backup?.resourceId).toBe("sp1-stateful");
});

test("HA: affinity rules on Proxmox VE 9, pinned groups on 8, nothing where HA is off", () => {
  const nine = computeOf("production");
  expect(nine.ha?.spreadRules.map((r) => r.name)).toEqual([
    "mongodb-spread",
    "kubernetes-control-plane-spread",
  ]);
  expect(nine.ha?.pinned).toEqual({});
  const eight = computeOf("production", (raw) => {
    (raw["proxmox"] as { version: number }).version = 8;
  });
  expect(eight.ha?.spreadRules).toEqual([]);
  expect(Object.keys(eight.ha?.pinned ?? {}).sort()).toEqual([
    "k8s-1",
    "k8s-2",
    "k8s-3",
    "mongo-1",
    "mongo-2",
    "mongo-3",
  ]);
  expect(computeOf("staging").ha).toBeUndefined();
});

test("the placement output and capacity come with the plan", () => {
  const plan = computeOf("staging");
  expect(plan.placement.map((g) => g.name)).toEqual(plan.guests.map((g) => g.name));
  expect(plan.capacity.map((h) => h.host)).toEqual(["pve-stg"]);
  expect(plan.login.user).toBe("ops");
});
