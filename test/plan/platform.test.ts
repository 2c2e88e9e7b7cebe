/** The platform slice: service endpoints, monitored routers and the CSI endpoint. */
import { SERVICE_PORTS } from "../../components/config/ports";
import { planCluster } from "../../components/plan/cluster";
import { planGuests } from "../../components/plan/guests";
import { planPlatform } from "../../components/plan/platform";
import { renameNetwork, stack } from "./stacks";

function platformOf(
  name: "production" | "staging",
  change?: (raw: Record<string, unknown>) => void,
) {
  const config = stack(name, change);
  return planPlatform(config, planCluster(config), planGuests(config));
}

test("services outside the cluster are found by role, with their ports defined once", () => {
  const { services } = platformOf("production");
  expect(services.mongodb).toEqual([
    { host: "mongo-1.sp1.internal.example.com", port: SERVICE_PORTS.mongodb },
    { host: "mongo-2.sp1.internal.example.com", port: SERVICE_PORTS.mongodb },
    { host: "mongo-3.sp1.internal.example.com", port: SERVICE_PORTS.mongodb },
  ]);
  expect(services.redis).toEqual([{ host: "redis-1.sp1.internal.example.com", port: 6379 }]);
  expect(services.zabbixServer).toEqual({ host: "zabbix-1.sp1.internal.example.com", port: 10051 });
  expect(services.elasticsearch.url).toBe("https://elasticsearch-1.sp1.internal.example.com:9200");
});

test("the routers are monitored at their management address", () => {
  const plan = platformOf("production");
  expect(plan.services.routers).toEqual([
    { name: "rtr-1", ip: "10.10.0.2" },
    { name: "rtr-2", ip: "10.10.0.3" },
  ]);
  expect(plan.monitorsRouters).toBe(true);
});

test("renaming the management network keeps the SNMP targets (found by purpose, not name)", () => {
  const plan = platformOf("production", (raw) => renameNetwork(raw, "management", "oob"));
  expect(plan.services.routers.map((r) => r.ip)).toEqual(["10.10.0.2", "10.10.0.3"]);
});

test("no router monitoring when the cluster's network may not poll SNMP", () => {
  const plan = platformOf("production", (raw) => {
    (raw["firewall"] as { monitoringFrom: string[] }).monitoringFrom = ["services"];
  });
  expect(plan.monitorsRouters).toBe(false);
});

test("the CSI endpoint is the Proxmox API, only where the stack uses the plugin", () => {
  expect(platformOf("production").csi).toEqual({
    endpoint: "https://10.10.0.11:8006/",
    insecure: false,
    region: "sp1",
  });
  expect(platformOf("staging").csi).toBeUndefined();
});

test("nodes, bootstrap node and login come from the cluster slice", () => {
  const plan = platformOf("staging");
  expect(plan.nodes).toEqual([{ name: "k8s-1", ip: "10.130.0.11" }]);
  expect(plan.bootstrapNode).toEqual({ name: "k8s-1", ip: "10.130.0.11" });
  expect(plan.sshUser).toBe("ops");
});
