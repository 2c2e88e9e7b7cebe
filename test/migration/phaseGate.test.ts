/**
 * The phase gate's provider, called directly: `check` refuses the transitions the plan refuses
 * (offline), `diff` is offline, and `update` of a forward move runs the preflight command and
 * fails when it blocks. The stored thin provider is exercised in plain Node as the host loads it.
 */
import { MIGRATION_PHASES } from "../../components/config/migration";
import { phaseGateProvider, type PhaseGateInputs } from "../../components/migration/phaseGate";
import { previousPhase, nextPhase, transitionProblem } from "../../components/plan/migration";
import { runScript } from "../support/scriptProcess";

/** Prints its arguments; exits 1 (a blocked preflight) when asked for `cutover`. */
const FAKE_CHECK = [
  process.execPath,
  "-e",
  "const a = process.argv.slice(1); console.log('preflight ' + a.join(' ')); if (a.includes('cutover')) { console.log('  ✗ image payments/api:1: missing from Harbor'); process.exit(1); }",
];

function gate(phase: string, extra: Partial<PhaseGateInputs> = {}): PhaseGateInputs {
  return {
    stack: "staging",
    phase,
    rehearsal: false,
    from: undefined,
    checkCommand: FAKE_CHECK,
    ...extra,
  };
}
const withOutputs = (inputs: PhaseGateInputs) => ({ ...inputs, preflight: "" });

describe("check", () => {
  const pairs = MIGRATION_PHASES.flatMap((from) =>
    MIGRATION_PHASES.flatMap((to) =>
      [true, false].map((rehearsal) => [from, to, rehearsal] as const),
    ),
  );

  test.each(pairs)("%s -> %s (rehearsal %s) agrees with the plan", async (from, to, rehearsal) => {
    const planned =
      to === from
        ? undefined
        : MIGRATION_PHASES.indexOf(to) < MIGRATION_PHASES.indexOf(from)
          ? nextPhase(to)
          : previousPhase(to);
    const result = await phaseGateProvider.check?.(
      gate(from),
      gate(to, { rehearsal, from: planned }),
    );
    const problem = transitionProblem(from, to, rehearsal);
    if (problem === undefined) expect(result?.failures ?? []).toEqual([]);
    else expect(result?.failures).toEqual([{ property: "phase", reason: problem }]);
  });

  test("the first deployment must be replicate", async () => {
    expect(
      (await phaseGateProvider.check?.({} as PhaseGateInputs, gate("replicate")))?.failures,
    ).toBeUndefined();
    expect(
      (await phaseGateProvider.check?.({} as PhaseGateInputs, gate("freeze")))?.failures,
    ).toEqual([
      {
        property: "phase",
        reason:
          'the move starts at "replicate"; set baremetal:migration.phase to replicate first (asked for "freeze")',
      },
    ]);
  });

  test("a plan made for the other direction is refused", async () => {
    const result = await phaseGateProvider.check?.(
      gate("cutover"),
      gate("freeze", { rehearsal: true, from: "replicate" }),
    );
    expect(result?.failures).toEqual([
      {
        property: "phase",
        reason:
          'the stack is in "cutover" but the plan starts from "replicate"; set baremetal:migration.walkBack to match the direction of this change',
      },
    ]);
  });

  test("an unknown phase is refused", async () => {
    const result = await phaseGateProvider.check?.(gate("freeze"), gate("switch"));
    expect(result?.failures).toEqual([{ property: "phase", reason: 'unknown phase "switch"' }]);
  });
});

test("diff reports a change only when the phase, stack, direction or command changes", async () => {
  const same = await phaseGateProvider.diff?.("g", withOutputs(gate("freeze")), gate("freeze"));
  expect(same?.changes).toBe(false);
  const moved = await phaseGateProvider.diff?.(
    "g",
    withOutputs(gate("freeze")),
    gate("cutover", { from: "freeze" }),
  );
  expect(moved?.changes).toBe(true);
});

test("a forward move runs the preflight for the new phase and keeps its report", async () => {
  const result = await phaseGateProvider.update?.(
    "g",
    withOutputs(gate("replicate")),
    gate("freeze", { from: "replicate" }),
  );
  expect(result?.outs).toEqual({
    ...gate("freeze", { from: "replicate" }),
    preflight: "preflight staging --phase freeze",
  });
});

test("a blocked preflight fails the update with what blocks", async () => {
  await expect(
    phaseGateProvider.update?.(
      "g",
      withOutputs(gate("freeze")),
      gate("cutover", { from: "freeze" }),
    ),
  ).rejects.toThrow(
    /"freeze" -> "cutover" blocked by the preflight; nothing downstream was changed.\npreflight staging --phase cutover\n {2}✗ image payments\/api:1: missing from Harbor/,
  );
});

test("walking back runs no preflight", async () => {
  const back = gate("freeze", { rehearsal: true, from: "cutover" });
  const result = await phaseGateProvider.update?.("g", withOutputs(gate("cutover")), back);
  expect(result?.outs).toEqual({ ...back, preflight: "not needed" });
});

test("create records the first phase without a preflight; read keeps the id", async () => {
  const created = await phaseGateProvider.create?.(gate("replicate"));
  expect(created).toEqual({
    id: "phase-gate-staging",
    outs: { ...gate("replicate"), preflight: "not needed" },
  });
  const read = await phaseGateProvider.read?.("phase-gate-staging", withOutputs(gate("replicate")));
  expect(read?.id).toBe("phase-gate-staging");
});

test("the stored thin provider loads in plain Node and works through the built runtime", () => {
  const run = runScript("scripts/phase-gate-serialization-check.ts");
  const line = run.stdout.split("\n").find((l) => l.startsWith("{")) ?? "{}";
  const result = JSON.parse(line) as { ok?: boolean; bytes?: number; preflight?: string };
  expect(result).toEqual(
    expect.objectContaining({ ok: true, preflight: "checked staging --phase freeze" }),
  );
  expect(result.bytes).toBeLessThan(16_384);
  expect(run.status).toBe(0);
}, 120_000);
