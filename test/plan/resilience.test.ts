/** Backups and high availability, as pure descriptions of the real stack configs. */
import {
  backedUpVmIds,
  haResourceId,
  pruneBackups,
  spreadRules,
} from "../../components/plan/resilience";
import { isStateful } from "../../components/config/roles";
import type { Guest, StackConfig } from "../../components/config/schema";
import { parseStackConfig } from "../../components/config/validate";
import { allSecrets, rawStackConfig, setAt, type StackName } from "../support/stackConfig";

function stack(name: StackName, change?: (raw: Record<string, unknown>) => void): StackConfig {
  const raw = rawStackConfig(name);
  change?.(raw);
  return parseStackConfig(raw, allSecrets());
}

function guest(config: StackConfig, name: string): Guest {
  const found = config.guests.find((g) => g.name === name);
  if (!found) throw new Error(`no guest ${name}`);
  return found;
}

describe("haResourceId", () => {
  it("is ct:<vmid> for containers and vm:<vmid> for VMs", () => {
    const production = stack("production");
    expect(haResourceId(guest(production, "redis-1"))).toBe("ct:211");
    expect(haResourceId(guest(production, "kibana-1"))).toBe("ct:232");
    expect(haResourceId(guest(production, "k8s-2"))).toBe("vm:302");
  });
});

describe("spreadRules", () => {
  it("keeps the replica set and the control plane apart in production", () => {
    expect(spreadRules(stack("production"))).toEqual([
      { name: "mongodb-spread", resources: ["ct:201", "ct:202", "ct:203"] },
      { name: "kubernetes-control-plane-spread", resources: ["vm:301", "vm:302", "vm:303"] },
    ]);
  });

  it("has no rule for a group allowed to share a host, nor for a single member (staging)", () => {
    expect(spreadRules(stack("staging"))).toEqual([]);
  });

  it("drops a group when the stack allows its co-location", () => {
    const config = stack("production", (raw) =>
      setAt(raw, ["placement", "allowColocation"], ["kubernetes-control-plane"]),
    );
    expect(spreadRules(config).map((r) => r.name)).toEqual(["mongodb-spread"]);
  });

  it("sorts the members of a rule", () => {
    const config = stack("production", (raw) => {
      setAt(raw, ["guests", "@mongo-1", "vmId"], 299);
    });
    expect(spreadRules(config)[0]?.resources).toEqual(["ct:202", "ct:203", "ct:299"]);
  });
});

describe("backedUpVmIds", () => {
  it("covers every stateful guest and no stateless one", () => {
    const production = stack("production");
    const ids = backedUpVmIds(production);
    expect(ids).toEqual(
      expect.arrayContaining(["201", "202", "203", "211", "221", "231", "241", "251"]),
    );
    for (const stateless of ["232", "301", "302", "303"]) expect(ids).not.toContain(stateless);
    expect(ids).toEqual(
      production.guests
        .filter(isStateful)
        .map((g) => String(g.vmId))
        .sort(),
    );
    expect(ids).toEqual([...ids].sort());
  });

  it("is empty when nothing is stateful", () => {
    const production = stack("production");
    const stateless: StackConfig = {
      ...production,
      guests: production.guests.filter((g) => !isStateful(g)),
    };
    expect(backedUpVmIds(stateless)).toEqual([]);
  });
});

describe("pruneBackups", () => {
  it("passes the retention of each stack as strings", () => {
    expect(pruneBackups(stack("production"))).toEqual({
      "keep-daily": "7",
      "keep-weekly": "4",
      "keep-monthly": "6",
    });
    expect(pruneBackups(stack("staging"))).toEqual({
      "keep-daily": "3",
      "keep-weekly": "2",
      "keep-monthly": "0",
    });
  });

  it("applies the schema defaults when the stack sets no retention", () => {
    const config = stack("production", (raw) =>
      setAt(raw, ["proxmox", "backup"], { storage: "pbs", schedule: "daily" }),
    );
    expect(pruneBackups(config)).toEqual({
      "keep-daily": "7",
      "keep-weekly": "4",
      "keep-monthly": "6",
    });
  });
});
