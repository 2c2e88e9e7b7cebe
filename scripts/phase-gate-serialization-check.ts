/**
 * Plain-Node round trip of the phase gate's provider as a `PhaseGate` stores it: the thin provider
 * text (providers/shared/thinText.ts) loaded as a fresh module (like the dynamic-provider host),
 * then `check`, `diff` and `update` on the loaded copy, served by the built
 * `@baremetal/migration-runtime`. Runs outside Jest, in the kind of process the host is. Prints one
 * JSON line; exits 1 on failure.
 */
import type { phaseGateProvider, PhaseGateInputs } from "../providers/migration/phaseGate";
import { MIGRATION } from "../providers/migration/thin";
import { loadProviderText } from "../providers/shared/thinLoad";
import { thinProviderText, thinSpec } from "../providers/shared/thinText";

type Provider = typeof phaseGateProvider;

async function main(): Promise<number> {
  const text = thinProviderText(thinSpec(MIGRATION, "PhaseGate"));
  const provider = loadProviderText<Provider>(text);
  const echo = [
    process.execPath,
    "-e",
    "console.log('checked ' + process.argv.slice(1).join(' '))",
  ];
  const olds: PhaseGateInputs = {
    stack: "staging",
    phase: "replicate",
    rehearsal: true,
    from: undefined,
    checkCommand: echo,
  };
  const news: PhaseGateInputs = { ...olds, phase: "freeze", from: "replicate" };
  const skipped = await provider.check?.(olds, { ...news, phase: "cutover", from: "freeze" });
  const allowed = await provider.check?.(olds, news);
  const diff = await provider.diff?.("gate", { ...olds, preflight: "" }, news);
  const updated = await provider.update?.("gate", { ...olds, preflight: "" }, news);
  const ok =
    (skipped?.failures?.length ?? 0) === 1 &&
    (allowed?.failures ?? []).length === 0 &&
    diff?.changes === true &&
    updated?.outs?.preflight === "checked staging --phase freeze";
  console.log(
    JSON.stringify({
      provider: "PhaseGate",
      ok,
      bytes: text.length,
      preflight: updated?.outs?.preflight,
    }),
  );
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.log(JSON.stringify({ provider: "PhaseGate", ok: false, error: String(error) }));
    process.exit(1);
  },
);
