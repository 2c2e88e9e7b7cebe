/**
 * The offline preview's command line: `[stack...] [--json] [--stack-file FILE] [--json-file FILE]`.
 * Pure, so every refusal is tested without starting the program.
 */

export interface PreviewArgs {
  /** The stacks to preview, in order (default: staging, then production). */
  stacks: string[];
  /** Print the machine-readable form instead of the text. */
  json: boolean;
  /** Read this stack file instead of `Pulumi.<stack>.yaml` (one stack only). */
  stackFile?: string;
  /** Also write the machine-readable form to this file (beside the text a reviewer reads). */
  jsonFile?: string;
}

const VALUE_OPTIONS = new Set(["--stack-file", "--json-file"]);

/** The parsed arguments, or the reason they are refused (the command exits 2). */
export function parsePreviewArgs(argv: readonly string[]): PreviewArgs | { error: string } {
  const values = new Map<string, string>();
  const stacks: string[] = [];
  let json = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? "";
    if (VALUE_OPTIONS.has(arg)) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith("--")) return { error: `${arg} needs a file` };
      if (values.has(arg)) return { error: `${arg} is given twice` };
      values.set(arg, value);
      i += 1;
    } else if (arg === "--json") {
      json = true;
    } else if (arg.startsWith("--")) {
      return { error: `unknown option ${arg}` };
    } else {
      stacks.push(arg);
    }
  }
  const stackFile = values.get("--stack-file");
  const jsonFile = values.get("--json-file");
  const selected = stacks.length > 0 ? stacks : ["staging", "production"];
  if (stackFile !== undefined && selected.length !== 1) {
    return { error: "--stack-file needs exactly one stack name" };
  }
  return {
    stacks: selected,
    json,
    ...(stackFile !== undefined ? { stackFile } : {}),
    ...(jsonFile !== undefined ? { jsonFile } : {}),
  };
}
