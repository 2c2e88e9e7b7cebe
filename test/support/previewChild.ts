/**
 * Stack previews evaluated from the TypeScript sources, file by file, in a plain Node process
 * (test/support/registerTypeScript.cjs), each written as JSON into a directory as soon as it is
 * done:
 *
 *   node -r ./test/support/registerTypeScript.cjs test/support/previewChild.ts <dir> <stack>...
 *
 * writes `<dir>/preview-<stack>.json` for each stack, in the order given.
 * test/support/sharedPreview.ts runs it once per test run for both stacks: the second evaluation
 * reuses the process, its loaded SDK and its compiled sources.
 */
import { renameSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { runOfflinePreview } from "../../scripts/offline/preview";

async function main(): Promise<void> {
  const [dir, ...stacks] = process.argv.slice(2);
  if (!dir || stacks.length === 0) throw new Error("usage: previewChild.ts <dir> <stack>...");
  for (const stack of stacks) {
    const result = await runOfflinePreview({ stack });
    // Readers poll for the file: it appears whole or not at all.
    const file = path.join(dir, `preview-${stack}.json`);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(result), { mode: 0o600 });
    renameSync(tmp, file);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
