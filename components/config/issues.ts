import { RunError } from "@pulumi/pulumi/errors";

/** A configuration problem, located by the config key path a person would edit. */
export interface ConfigIssue {
  /** e.g. `baremetal:guests[2].ip` */
  path: string;
  message: string;
}

export const CONFIG_NAMESPACE = "baremetal";

/** `["guests", 2, "ip"]` → `baremetal:guests[2].ip` */
export function keyPath(segments: readonly PropertyKey[]): string {
  const [head, ...rest] = segments;
  let path = `${CONFIG_NAMESPACE}:${String(head)}`;
  for (const segment of rest) {
    path += typeof segment === "number" ? `[${segment}]` : `.${String(segment)}`;
  }
  return path;
}

/**
 * Thrown when a stack's configuration is invalid; carries every problem found. A `RunError`, so a
 * `pulumi up` or `preview` prints the list of problems and no stack trace.
 */
export class ConfigValidationError extends RunError {
  constructor(readonly issues: ConfigIssue[]) {
    super(
      `Stack configuration is invalid (${issues.length} problem${issues.length === 1 ? "" : "s"}):\n` +
        issues.map((issue) => `  - ${issue.path}: ${issue.message}`).join("\n"),
    );
    this.name = "ConfigValidationError";
  }
}
