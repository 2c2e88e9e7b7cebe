/** The services layer's slice: what it provisions where, and the stack values it reads. */
import { planDataCenter, planMigration } from "../../components/plan";
import { planGuests } from "../../components/plan/guests";
import { planServiceLayer, snmpTargetsFrom } from "../../components/plan/serviceLayer";
import { stack } from "./stacks";

const production = stack("production");
const plan = planServiceLayer(production, planGuests(production));

test("every guest in placement order, with where it runs and its data disk", () => {
  expect(plan.guests.map((g) => g.name)).toEqual(production.guests.map((g) => g.name));
  expect(plan.guests.find((g) => g.name === "zabbix-1")).toEqual({
    name: "zabbix-1",
    role: "zabbix",
    host: "pve-05",
    vmId: 221,
    fqdn: "zabbix-1.sp1.internal.example.com",
    ip: "10.20.0.31",
    network: "services",
    memoryGb: 16,
    dataDisk: { mountPath: "/var/lib/postgresql", sizeGb: 200 },
  });
  expect(plan.guests.find((g) => g.name === "kibana-1")?.dataDisk).toBeUndefined();
});

test("the Proxmox hosts are reached as the stack's SSH user at their management addresses", () => {
  expect(plan.hostAccess.user).toBe(production.proxmox.sshUser);
  expect(Object.keys(plan.hostAccess.addresses)).toEqual(production.hosts.map((h) => h.name));
  const first = production.hosts[0];
  expect(plan.hostAccess.addresses[first?.name ?? ""]).toBe(first?.managementIp);
});

test("stack values the services are configured with", () => {
  expect(plan.site).toBe(production.site.name);
  expect(plan.signingIssuer).toBe("internal-ca");
  expect(plan.kubernetesCidrs).toEqual(
    production.networks.filter((n) => n.purpose === "kubernetes").map((n) => n.cidr),
  );
  expect(plan.kubernetesCidrs.length).toBeGreaterThan(0);
  expect(plan.elastic).toEqual({
    version: "8.19.4",
    clusterName: `${production.site.name}-logs`,
    shipperUser: "k8s-shipper",
  });
  expect(plan.harborDatabase).toEqual({
    port: production.kubernetes.harbor.database.port,
    role: production.kubernetes.harbor.database.username,
    database: production.kubernetes.harbor.database.database,
  });
  expect(plan.redisExporterPort).toBe(9121);
});

test("Zabbix polls each router in its own network", () => {
  expect(Object.keys(plan.snmpTargets)).toEqual(["zabbix-1"]);
  expect(plan.snmpTargets["zabbix-1"]).toEqual([
    { name: "rtr-1", ip: "10.20.0.2" },
    { name: "rtr-2", ip: "10.20.0.3" },
  ]);
});

test("a router without an address in the poller's network is polled at its management address", () => {
  // The stack schema requires router addresses in every guest network; the fallback covers a
  // network the routers do not route (a guest there reaches them through the default gateway).
  expect(snmpTargetsFrom(production, "not-routed")).toEqual([
    { name: "rtr-1", ip: "10.10.0.2" },
    { name: "rtr-2", ip: "10.10.0.3" },
  ]);
});

test("the object store serves Harbor's S3 bucket on the endpoint's port", () => {
  const staging = stack("staging");
  expect(planServiceLayer(staging, planGuests(staging)).objectStorage).toEqual({
    bucket: "harbor-staging",
    region: "default",
    publicPort: 3900,
  });
});

test("no signing issuer when the stack declares no `ca` issuer", () => {
  const config = stack("staging");
  const noCa = {
    ...config,
    kubernetes: {
      ...config.kubernetes,
      issuers: config.kubernetes.issuers.filter((i) => i.kind !== "ca"),
    },
  };
  expect(planServiceLayer(noCa, planGuests(noCa)).signingIssuer).toBeUndefined();
});

test("planDataCenter carries the slice", () => {
  const full = planDataCenter(production);
  expect(full.serviceLayer).toEqual(
    planServiceLayer(production, planGuests(production), full.migration),
  );
  expect(full.serviceLayer.guests).toEqual(plan.guests);
});

test("the MongoDB set without a migration: the data center's own, bootstrapped by its first member", () => {
  const config = stack("production", (raw) => {
    delete raw["migration"];
  });
  const set = planDataCenter(config).serviceLayer.mongodb;
  expect(set).toEqual({
    replicaSet: "rs0",
    adminUsername: "admin",
    datacenterMembers: [
      "mongo-1.sp1.internal.example.com:27017",
      "mongo-2.sp1.internal.example.com:27017",
      "mongo-3.sp1.internal.example.com:27017",
    ],
    members: [
      { host: "mongo-1.sp1.internal.example.com:27017", priority: 2 },
      { host: "mongo-2.sp1.internal.example.com:27017" },
      { host: "mongo-3.sp1.internal.example.com:27017" },
    ],
    seeds: [],
    bootstrap: true,
    applicationUsers: [{ name: "payments", database: "payments", roles: ["readWrite"] }],
    exporter: { port: 9216, username: "mongodb_exporter" },
  });
});

test("the MongoDB users: the stack's application users (a rotation as text), and none by default", () => {
  const rotated = stack("production", (raw) => {
    (raw["mongodb"] as { applicationUsers: Record<string, unknown>[] }).applicationUsers.push({
      name: "ledger-reader",
      database: "ledger",
      roles: ["read"],
      rotation: 4,
    });
  });
  expect(planDataCenter(rotated).serviceLayer.mongodb?.applicationUsers).toEqual([
    { name: "payments", database: "payments", roles: ["readWrite"] },
    { name: "ledger-reader", database: "ledger", roles: ["read"], rotation: "4" },
  ]);
  const none = stack("production", (raw) => {
    delete raw["mongodb"];
  });
  expect(planDataCenter(none).serviceLayer.mongodb?.applicationUsers).toEqual([]);
  // The exporter listens where Prometheus scrapes.
  expect(planDataCenter(none).serviceLayer.mongodb?.exporter.port).toBe(
    none.kubernetes.monitoring.mongodbExporterPort,
  );
});

test("the MongoDB set during the migration: the phase's membership, seeded by the AWS members", () => {
  const plan = planDataCenter(production);
  const set = plan.serviceLayer.mongodb;
  const aws = production.aws?.mongodb.members ?? [];
  expect(production.migration?.phase).toBe("replicate");
  expect(set?.bootstrap).toBe(false);
  expect(set?.replicaSet).toBe(production.aws?.mongodb.replicaSet);
  expect(set?.seeds).toEqual(aws.map((m) => m.host));
  expect(set?.members).toEqual(plan.migration ? planMigration(plan.migration).mongodb.members : []);
  expect(set?.members.filter((m) => m.hidden && m.votes === 0).map((m) => m.host)).toEqual(
    set?.datacenterMembers,
  );
});

test("the cutover: the data-center members alone, voting", () => {
  const config = stack("production", (raw) => {
    (raw["migration"] as { phase: string }).phase = "cutover";
  });
  const set = planDataCenter(config).serviceLayer.mongodb;
  expect(set?.members.map((m) => m.host)).toEqual(set?.datacenterMembers);
  expect(set?.members.every((m) => m.votes === 1 && !m.hidden)).toBe(true);
});

test("no MongoDB set in a stack without mongodb guests", () => {
  expect(
    planServiceLayer(
      production,
      planGuests(production).filter((g) => g.role !== "mongodb"),
    ).mongodb,
  ).toBeUndefined();
});
