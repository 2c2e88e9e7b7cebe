/**
 * The corpus: both real stack files, a minimal and a synthetic stack are valid; every bad case (a
 * real stack with one deliberate change) is rejected with an issue at exactly the expected path.
 */
import { SECRET_KEYS } from "../../components/config/schema";
import { ConfigValidationError } from "../../components/config/issues";
import {
  parseStackConfig,
  validateStackConfig,
  type RawStackConfig,
} from "../../components/config/validate";
import { allSecrets, rawStackConfig, resolveKeyPath, setAt } from "../support/stackConfig";
import { syntheticStackConfig } from "../support/synthetic";
import { BAD_CASES, GOOD_CASES } from "./corpus/cases";
import { minimalStackConfig } from "./corpus/minimal";

function formatIssues(issues: readonly { path: string; message: string }[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join("\n");
}

describe("valid stack configs", () => {
  it.each(["production", "staging"] as const)("the real %s stack file validates", (stack) => {
    const { config, issues } = validateStackConfig(rawStackConfig(stack), allSecrets());
    expect(formatIssues(issues)).toBe("");
    expect(config).toBeDefined();
  });

  it("production parses into the typed picture with defaults applied", () => {
    const raw = rawStackConfig("production");
    const config = parseStackConfig(raw, allSecrets());
    expect(config.hosts.map((h) => h.name)).toEqual([
      "pve-01",
      "pve-02",
      "pve-03",
      "pve-04",
      "pve-05",
    ]);
    expect(config.guests.map((g) => g.name)).toEqual(
      (raw["guests"] as { name: string }[]).map((g) => g.name),
    );
    expect(config.guests.find((g) => g.name === "k8s-1")?.role).toBe("k8s-control-plane");
    expect(config.hosts[0]?.datastores.find((d) => d.id === "pbs")?.shared).toBe(true);
    expect(config.hosts[0]?.datastores.find((d) => d.id === "nvme")?.shared).toBe(false);
  });

  it("staging gets the schema defaults for omitted keys", () => {
    const config = parseStackConfig(rawStackConfig("staging"), allSecrets());
    expect(config.site.timezone).toBe("America/Sao_Paulo");
    expect(config.proxmox.sshUser).toBe("root");
    expect(config.proxmox.bridge.mtu).toBeUndefined();
    expect(config.placement.allowColocation).toEqual(["mongodb"]);
  });

  it("a minimal config validates", () => {
    const { config, issues } = validateStackConfig(minimalStackConfig(), allSecrets());
    expect(formatIssues(issues)).toBe("");
    expect(config?.guests).toHaveLength(5);
  });

  it("a synthetic 50-host config validates", () => {
    const raw = syntheticStackConfig(50);
    const { config, issues } = validateStackConfig(raw, allSecrets());
    expect(formatIssues(issues)).toBe("");
    expect(config?.hosts).toHaveLength(50);
    expect(config?.hosts[49]?.name).toBe("pve-050");
  });

  it.each(GOOD_CASES.map((c) => [c.name, c] as const))("%s", (_name, good) => {
    const raw = rawStackConfig(good.base);
    good.change(raw);
    const { config, issues } = validateStackConfig(raw, allSecrets());
    expect(formatIssues(issues)).toBe("");
    expect(config).toBeDefined();
  });
});

describe("bad stack configs", () => {
  it.each(BAD_CASES.map((c) => [c.name, c] as const))("%s", (_name, bad) => {
    const base = rawStackConfig(bad.base);
    const resolve = (template: string) => resolveKeyPath(base, template);
    const resolveMessage = (message: string) =>
      message.replace(/\{([^}]+)\}/g, (_match, template: string) => resolve(template));
    const raw = rawStackConfig(bad.base);
    bad.change(raw);
    const secrets = new Set(bad.secrets ?? SECRET_KEYS);
    const { config, issues } = validateStackConfig(raw, secrets);

    expect(config).toBeUndefined();
    for (const wanted of bad.expect) {
      const path = resolve(wanted.path);
      const atPath = issues.filter((i) => i.path === path);
      expect({ path, messages: atPath.map((i) => i.message) }).toEqual({
        path,
        messages: expect.arrayContaining([expect.stringContaining(resolveMessage(wanted.message))]),
      });
    }
    // Nothing else is reported: the change is the only problem.
    const allowed = new Set(
      [...bad.expect.map((e) => e.path), ...(bad.alsoAllowed ?? [])].map(resolve),
    );
    expect(formatIssues(issues.filter((i) => !allowed.has(i.path)))).toBe("");
  });

  it("each bad case changes its base config (the change is not a no-op)", () => {
    for (const bad of BAD_CASES) {
      const raw = rawStackConfig(bad.base);
      bad.change(raw);
      const changed =
        JSON.stringify(raw) !== JSON.stringify(rawStackConfig(bad.base)) || bad.secrets;
      expect({ name: bad.name, changed: Boolean(changed) }).toEqual({
        name: bad.name,
        changed: true,
      });
    }
  });
});

describe("several problems at once", () => {
  function brokenInManyPlaces(): RawStackConfig {
    const raw = rawStackConfig("production");
    setAt(raw, ["site", "name"], "SP1");
    setAt(raw, ["networks", 2, "vlanId"], 4095);
    setAt(raw, ["guests", 4, "ip"], "10.20.0.21");
    setAt(raw, ["uplinks", 1, "router"], "rtr-9");
    setAt(raw, ["guests", 5, "memoryGb"], 500);
    setAt(raw, ["placement", "allowReplace"], ["ghost"]);
    setAt(raw, ["guests", 2, "host"], "pve-01");
    return raw;
  }

  const secrets = new Set(SECRET_KEYS.filter((k) => k !== "cloudflareApiToken"));
  const expected = [
    ["baremetal:site.name", "DNS label"],
    ["baremetal:networks[2].vlanId", "<=4094"],
    ["baremetal:cloudflareApiToken", "is required"],
    ["baremetal:guests[4].ip", "already an address at baremetal:guests[3].ip"],
    ["baremetal:uplinks[1].router", 'router "rtr-9" is not declared'],
    ["baremetal:hosts[3].memoryGb", "needs 612 GB RAM but has 480"],
    ["baremetal:placement.allowReplace[0]", 'guest "ghost" is not declared'],
    ["baremetal:guests[2].host", "mongodb member"],
  ] as const;

  it("reports every problem in one run", () => {
    const { config, issues } = validateStackConfig(brokenInManyPlaces(), secrets);
    expect(config).toBeUndefined();
    for (const [path, message] of expected) {
      expect(issues).toContainEqual({ path, message: expect.stringContaining(message) });
    }
  });

  it("parseStackConfig throws one error that lists them all", () => {
    let thrown: unknown;
    try {
      parseStackConfig(brokenInManyPlaces(), secrets);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigValidationError);
    const error = thrown as ConfigValidationError;
    expect(error.issues.length).toBeGreaterThanOrEqual(expected.length);
    expect(error.message).toContain(`(${error.issues.length} problems)`);
    for (const [path] of expected) expect(error.message).toContain(`  - ${path}: `);
  });
});
