/**
 * One stack's offline preview evaluated from the TypeScript sources, file by file, in a plain Node
 * process (test/support/registerTypeScript.cjs), written as JSON to a file:
 *
 *   node -r ./test/support/registerTypeScript.cjs test/support/previewChild.ts <stack> <out.json>
 *
 * test/support/sharedPreview.ts runs it once per stack and test run. Outside Jest the program
 * loads in a fraction of the time Jest's module system takes for it.
 */
import { writeFileSync } from "node:fs";
import { runOfflinePreview } from "../../scripts/offline/preview";

async function main(): Promise<void> {
  const [stack, out] = process.argv.slice(2);
  if (!stack || !out) throw new Error("usage: previewChild.ts <stack> <out.json>");
  const result = await runOfflinePreview({ stack });
  writeFileSync(out, JSON.stringify(result), { mode: 0o600 });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
