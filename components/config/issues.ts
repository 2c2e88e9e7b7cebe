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
 * Thrown when a stack's configuration is invalid; carries every problem found. Pulumi treats it as
 * a `RunError`, so `pulumi up` or `preview` prints the list of problems and no stack trace.
 *
 * Pulumi recognises a `RunError` by its `__pulumiRunError` marker (`RunError.isInstance`), not by
 * class: setting the marker keeps this ground floor free of the SDK (its errors module loads gRPC),
 * which every pure test and tool that validates a stack file would otherwise load.
 */
export class ConfigValidationError extends Error {
  /** The marker `pulumi.RunError.isInstance` looks for. */
  readonly __pulumiRunError = true;

  constructor(readonly issues: ConfigIssue[]) {
    super(
      `Stack configuration is invalid (${issues.length} problem${issues.length === 1 ? "" : "s"}):\n` +
        issues.map((issue) => `  - ${issue.path}: ${issue.message}`).join("\n"),
    );
    this.name = "ConfigValidationError";
  }
}
