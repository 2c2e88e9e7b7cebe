/**
 * Plain-Node serialization round trip of the phase gate's provider, as `dynamic.Resource` stores
 * it: serialize with `pulumi.runtime.serializeFunction`, load the text as a fresh module (like
 * the dynamic-provider host), then call `check`, `diff` and `update` on the loaded copy. Runs
 * outside Jest because Jest can make a broken closure serialize. Prints one JSON line; exits 1 on
 * failure.
 */
import * as pulumi from "@pulumi/pulumi";
import Module from "node:module";
import { phaseGateProvider, type PhaseGateInputs } from "../components/migration/phaseGate";

type Provider = typeof phaseGateProvider;

function loadFromString(text: string): Provider {
  const m = new Module("<serialized-provider>");
  m.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(
    process.cwd(),
  );
  (m as unknown as { _compile(code: string, file: string): void })._compile(text, "provider.js");
  return (m.exports as { handler: () => Provider }).handler();
}

async function main(): Promise<number> {
  const sf = await pulumi.runtime.serializeFunction(() => phaseGateProvider, {
    allowSecrets: true,
  });
  const provider = loadFromString(sf.text);
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
      bytes: sf.text.length,
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
