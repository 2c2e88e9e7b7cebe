/**
 * `npm run preview:offline -- [stack...] [--json] [--stack-file FILE]`
 *
 * Evaluates the real program for each stack (default: staging and production) with an in-process
 * engine and no credentials, and prints what `pulumi preview` would create. Exits 1 when any
 * stack's configuration is invalid or the program fails.
 */
import { formatPreview, previewJson } from "./offline/format";
import { runOfflinePreview, type PreviewResult } from "./offline/preview";

async function main(argv: string[]): Promise<number> {
  // Pulumi captures a stack trace for every resource and promise; mapping each through source
  // maps costs more than the whole program. Errors here are configuration errors, not stack traces.
  process.setSourceMapsEnabled(false);
  const json = argv.includes("--json");
  const fileIndex = argv.indexOf("--stack-file");
  const stackFile = fileIndex >= 0 ? argv[fileIndex + 1] : undefined;
  const stacks = argv.filter(
    (arg, i) => !arg.startsWith("--") && (fileIndex < 0 || i !== fileIndex + 1),
  );
  const selected = stacks.length > 0 ? stacks : ["staging", "production"];
  if (stackFile && selected.length !== 1) {
    console.error("--stack-file needs exactly one stack name");
    return 2;
  }
  const results: PreviewResult[] = [];
  for (const stack of selected) {
    results.push(await runOfflinePreview({ stack, ...(stackFile ? { stackFile } : {}) }));
  }
  const text = json
    ? JSON.stringify(results.map(previewJson), null, 2)
    : results.map(formatPreview).join("\n\n");
  const code = results.every((r) => r.ok) ? 0 : 1;
  // Exit only once the whole report is written: a pipe may still hold part of it, and
  // process.exit would cut it off.
  await new Promise<void>((resolve) => process.stdout.write(`${text}\n`, () => resolve()));
  return code;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
