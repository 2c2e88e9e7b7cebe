/**
 * `npm run preview:offline -- [stack...] [--json] [--stack-file FILE] [--json-file FILE]`
 *
 * Evaluates the real program for each stack (default: staging and production) with an in-process
 * engine and no credentials, and prints what `pulumi preview` would create. `--json-file` also
 * writes the machine-readable form to a file, so one run gives a pull request both the text and
 * the data. Exits 1 when any stack's configuration is invalid or the program fails, 2 on bad
 * arguments.
 */
import { writeFileSync } from "node:fs";
import { parsePreviewArgs } from "./offline/args";
import { formatPreview, previewJson } from "./offline/format";
import { runOfflinePreview, type PreviewResult } from "./offline/preview";

async function main(argv: string[]): Promise<number> {
  // Pulumi captures a stack trace for every resource and promise; mapping each through source
  // maps costs more than the whole program. Errors here are configuration errors, not stack traces.
  process.setSourceMapsEnabled(false);
  const args = parsePreviewArgs(argv);
  if ("error" in args) {
    console.error(`preview:offline: ${args.error}`);
    return 2;
  }
  const { stackFile } = args;
  const results: PreviewResult[] = [];
  for (const stack of args.stacks) {
    results.push(await runOfflinePreview({ stack, ...(stackFile ? { stackFile } : {}) }));
  }
  // Secrets are masked in this form (previewJson), as `pulumi stack output` masks them.
  const data = args.json || args.jsonFile ? JSON.stringify(results.map(previewJson), null, 2) : "";
  if (args.jsonFile) writeFileSync(args.jsonFile, `${data}\n`);
  const text = args.json ? data : results.map(formatPreview).join("\n\n");
  // Exit only once stdout has taken the whole text: a pipe takes large output in pieces, and
  // exiting at once would cut it short.
  await new Promise<void>((resolve) => process.stdout.write(`${text}\n`, () => resolve()));
  return results.every((r) => r.ok) ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
