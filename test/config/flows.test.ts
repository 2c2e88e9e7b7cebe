import { allows, platformFlows, portsInclude } from "../../components/config/rules/flows";
import { validateStackConfig } from "../../components/config/validate";
import { allSecrets, rawStackConfig } from "../support/stackConfig";

describe("forward rule ports", () => {
  it("match single ports, lists and ranges; no list means every port", () => {
    expect(portsInclude("5432", 5432)).toBe(true);
    expect(portsInclude("80,443", 443)).toBe(true);
    expect(portsInclude("8000-8100", 8006)).toBe(true);
    expect(portsInclude("8000-8100", 8101)).toBe(false);
    expect(portsInclude("54321", 5432)).toBe(false);
    expect(portsInclude(undefined, 1)).toBe(true);
  });

  it("allow TCP only by a tcp rule or a rule without protocol, in the right direction", () => {
    const rule = { from: "a", to: "b", comment: "x" };
    expect(allows(rule, "a", "b", 22)).toBe(true);
    expect(allows(rule, "b", "a", 22)).toBe(false);
    expect(allows({ ...rule, protocol: "udp", ports: "22" }, "a", "b", 22)).toBe(false);
    expect(allows({ ...rule, protocol: "tcp", ports: "22" }, "a", "b", 22)).toBe(true);
  });
});

describe("flows the platform needs (production)", () => {
  const { config } = validateStackConfig(rawStackConfig("production"), allSecrets());

  it("are the Proxmox API, Harbor's services, the exporters, Elasticsearch and Zabbix", () => {
    if (!config) throw new Error("production does not validate");
    expect(platformFlows(config)).toEqual([
      {
        purpose: "the Proxmox CSI plugin to the Proxmox API",
        address: "10.10.0.11",
        port: 8006,
      },
      { purpose: "Harbor to its object store", address: "10.20.0.61", port: 3900 },
      { purpose: "Harbor to PostgreSQL", address: "10.20.0.51", port: 5432 },
      { purpose: "Harbor to Redis", address: "10.20.0.21", port: 6379 },
      ...["10.20.0.11", "10.20.0.12", "10.20.0.13"].map((address) => ({
        purpose: "Prometheus to the MongoDB exporter",
        address,
        port: 9216,
      })),
      { purpose: "Prometheus to the Redis exporter", address: "10.20.0.21", port: 9121 },
      {
        purpose: "Zabbix agents to the Zabbix server (active checks)",
        address: "10.20.0.31",
        port: 10051,
      },
      {
        purpose: "the Zabbix server to its agents on the nodes (passive checks)",
        address: "10.20.0.31",
        port: 10050,
        toCluster: true,
      },
      { purpose: "Elastic agents and APM to Elasticsearch", address: "10.20.0.41", port: 9200 },
    ]);
  });
});
