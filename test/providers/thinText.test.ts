/**
 * The thin provider text every dynamic resource stores as `__provider`: deterministic, refusing
 * what it cannot name safely, and, loaded the way the dynamic-provider host loads it, forwarding
 * each call to the installed runtime package and offering only the methods it was given.
 */
import { loadThinProvider } from "../../providers/shared/thinLoad";
import { PROVIDER_METHODS, thinProviderText, thinSpec } from "../../providers/shared/thinText";
import { MIGRATION } from "../../providers/migration/thin";
import type { PhaseGateInputs } from "../../providers/migration/phaseGate";

const spec = {
  runtimePackage: "@baremetal/routeros-runtime",
  providerName: "ip/dns/static",
  methods: PROVIDER_METHODS,
};

test("the same spec gives the same text, whatever order the methods are listed in", () => {
  const reversed = { ...spec, methods: [...PROVIDER_METHODS].reverse() };
  expect(thinProviderText(reversed)).toBe(thinProviderText(spec));
  expect(thinProviderText(spec)).toContain('require("@baremetal/routeros-runtime")');
  expect(thinProviderText(spec)).toContain('.providers["ip/dns/static"]');
  expect(thinProviderText(spec).length).toBeLessThan(1_024);
});

test("names that could break out of the text, and unknown methods, are refused", () => {
  expect(() => thinProviderText({ ...spec, runtimePackage: 'x"); process.exit(1); ("' })).toThrow(
    /not a runtime package name/,
  );
  expect(() => thinProviderText({ ...spec, runtimePackage: "lodash" })).toThrow(
    /not a runtime package name/,
  );
  expect(() => thinProviderText({ ...spec, providerName: 'a"]; evil(); ["' })).toThrow(
    /not a provider name/,
  );
  expect(() =>
    thinProviderText({ ...spec, methods: ["check", "invoke"] as unknown as typeof spec.methods }),
  ).toThrow(/unknown methods invoke/);
});

describe("loaded as the host loads it", () => {
  type Gate = Partial<Record<(typeof PROVIDER_METHODS)[number], unknown>> & {
    check(olds: unknown, news: PhaseGateInputs): Promise<{ failures?: { reason: string }[] }>;
  };
  const gate = loadThinProvider<Gate>(thinSpec(MIGRATION, "PhaseGate"));

  test("it has exactly the methods of its spec (no configure for the phase gate)", () => {
    expect(Object.keys(gate).sort()).toEqual(
      ["check", "create", "delete", "diff", "read", "update"].sort(),
    );
    expect(gate.configure).toBeUndefined();
  });

  test("calls reach the runtime package with their arguments and answer what it answers", async () => {
    const inputs: PhaseGateInputs = {
      stack: "staging",
      phase: "switch",
      rehearsal: false,
      from: undefined,
      checkCommand: ["true"],
    };
    const result = await gate.check({}, inputs);
    expect(result.failures?.map((f) => f.reason)).toEqual(['unknown phase "switch"']);
  });
});
