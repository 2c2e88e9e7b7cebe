/** The synthetic stack generator yields valid configs of any size, also through a stack file. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { validateStackConfig } from "../../components/config/validate";
import { allSecrets, rawStackConfigFromFile } from "../support/stackConfig";
import { syntheticStackConfig, syntheticStackYaml } from "../support/synthetic";

function problems(raw: Record<string, unknown>): string[] {
  return validateStackConfig(raw, allSecrets()).issues.map((i) => `${i.path}: ${i.message}`);
}

describe("syntheticStackConfig", () => {
  it.each([1, 2, 3, 5, 50, 300])("%i hosts validate", (hosts) => {
    const raw = syntheticStackConfig(hosts);
    expect(problems(raw)).toEqual([]);
    expect(raw["hosts"]).toHaveLength(hosts);
  });

  it("names hosts pve-001… and spreads the replica set and control plane", () => {
    const config = validateStackConfig(syntheticStackConfig(50), allSecrets()).config;
    expect(config?.hosts[0]?.name).toBe("pve-001");
    expect(config?.hosts[49]?.name).toBe("pve-050");
    const mongo = config?.guests.filter((g) => g.role === "mongodb") ?? [];
    const controlPlane = config?.guests.filter((g) => g.role === "k8s-control-plane") ?? [];
    expect(mongo).toHaveLength(3);
    expect(new Set(mongo.map((g) => g.host)).size).toBe(3);
    expect(controlPlane).toHaveLength(3);
    expect(new Set(controlPlane.map((g) => g.host)).size).toBe(3);
    expect(config?.placement.allowColocation).toEqual([]);
    expect(config?.guests.filter((g) => g.role === "k8s-worker")).toHaveLength(50);
  });

  it("is deterministic", () => {
    expect(syntheticStackConfig(7)).toEqual(syntheticStackConfig(7));
  });

  it("rejects a nonsensical size", () => {
    expect(() => syntheticStackConfig(0)).toThrow(RangeError);
    expect(() => syntheticStackConfig(2.5)).toThrow(RangeError);
  });
});

describe("syntheticStackYaml", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "synthetic-stack-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is a stack file that reads back to the same config", () => {
    const file = path.join(dir, "Pulumi.synthetic.yaml");
    const yaml = syntheticStackYaml(20);
    expect(yaml).toMatch(/^# Synthetic stack: 20 hosts\.\nconfig:\n {2}baremetal:site:/);
    writeFileSync(file, yaml);
    const raw = rawStackConfigFromFile(file);
    expect(raw).toEqual(syntheticStackConfig(20));
    expect(problems(raw)).toEqual([]);
  });
});
