/** The services slice: each stateful role as a service, with members, data, ports, consumers. */
import { planGuests } from "../../components/plan/guests";
import { planServices } from "../../components/plan/services";
import { stack } from "./stacks";

const production = stack("production");
const services = planServices(production, planGuests(production));

test("one service per stateful role; stateless roles are not services", () => {
  expect(Object.keys(services).sort()).toEqual([
    "elasticsearch",
    "mongodb",
    "objectstore",
    "postgresql",
    "redis",
    "zabbix",
  ]);
});

test("the replica set: three members with FQDN, IP, host and data mount", () => {
  const mongodb = services.mongodb;
  expect(mongodb?.members).toHaveLength(3);
  expect(mongodb?.members[1]).toMatchObject({
    name: "mongo-2",
    fqdn: "mongo-2.sp1.internal.example.com",
    ip: "10.20.0.12",
    dataMount: "/var/lib/mongodb",
  });
  expect(mongodb?.ports).toEqual([
    { name: "mongodb", port: 27017 },
    { name: "exporter", port: production.kubernetes.monitoring.mongodbExporterPort },
  ]);
  expect(new Set(mongodb?.members.map((m) => m.host)).size).toBe(3);
});

test("consumers: who must reach the service through the routers", () => {
  expect(services.postgresql?.consumers).toEqual([
    { purpose: "Harbor to PostgreSQL", network: "kubernetes", port: 5432, direction: "to-service" },
  ]);
  expect(services.zabbix?.consumers.map((c) => [c.port, c.direction])).toEqual([
    [10051, "to-service"],
    [10050, "from-service"],
  ]);
  expect(services.mongodb?.consumers).toEqual([
    expect.objectContaining({ purpose: "Prometheus to the MongoDB exporter", port: 9216 }),
  ]);
});
