/** Every guest planned once: kind, statefulness, FQDN, resolved network and protection. */
import { planGuests, placedGuest } from "../../components/plan/guests";
import { setAt } from "../support/stackConfig";
import { stack } from "./stacks";

const production = stack("production");

function guest(name: string, guests = planGuests(production)) {
  const found = guests.find((g) => g.name === name);
  if (!found) throw new Error(`no guest ${name}`);
  return found;
}

test("a stateful container: FQDN, its network resolved, protected and tagged", () => {
  expect(guest("redis-1")).toMatchObject({
    kind: "lxc",
    stateful: true,
    fqdn: "redis-1.sp1.internal.example.com",
    vlan: { name: "services", vlanId: 20, cidr: "10.20.0.0/24", gateway: "10.20.0.1" },
    replaceable: false,
    protect: true,
    tags: ["redis", "sp1", "stateful"],
    haResourceId: "ct:211",
  });
});

test("a Kubernetes node is a stateless VM on the kubernetes network", () => {
  expect(guest("k8s-2")).toMatchObject({
    kind: "vm",
    stateful: false,
    protect: false,
    vlan: { name: "kubernetes", vlanId: 30 },
    haResourceId: "vm:302",
  });
});

test("allowReplace lifts the protection of exactly the guests listed", () => {
  const config = stack("production", (raw) =>
    setAt(raw, ["placement", "allowReplace"], ["mongo-2"]),
  );
  const guests = planGuests(config);
  expect(guest("mongo-2", guests)).toMatchObject({ replaceable: true, protect: false });
  expect(guest("mongo-1", guests)).toMatchObject({ replaceable: false, protect: true });
});

test("every guest keeps its stack-file order and the stack output shape", () => {
  const guests = planGuests(production);
  expect(guests.map((g) => g.name)).toEqual(production.guests.map((g) => g.name));
  expect(placedGuest(guest("kibana-1"))).toEqual({
    name: "kibana-1",
    role: "kibana",
    kind: "lxc",
    host: guests.find((g) => g.name === "kibana-1")?.host,
    vmId: 232,
    ip: guests.find((g) => g.name === "kibana-1")?.ip,
    fqdn: "kibana-1.sp1.internal.example.com",
    stateful: false,
  });
});
