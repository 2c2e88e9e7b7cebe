/**
 * Reads a `Pulumi.<stack>.yaml` the way the Pulumi CLI hands it to a program: every value as a
 * string (objects as JSON), secure values as secrets. Secrets cannot be decrypted offline, so each
 * secret key gets an obvious placeholder.
 *
 * What the CLI itself refuses before a program runs is refused here too, as configuration
 * problems with their key paths: a stack file that is not valid YAML (a duplicated key, a bad
 * indent) and a key that `Pulumi.yaml` declares secret given in plain text.
 */
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { CORE_SCHEMA, load as loadYaml } from "js-yaml";
import type * as YamlModule from "yaml";
import type * as KeysModule from "../../components/config/keys";
import { SECRET_KEYS } from "../../components/config/secretKeys";
import { CONFIG_NAMESPACE, type ConfigIssue } from "../../components/config/issues";

type YAMLDocument = ReturnType<typeof YamlModule.parseDocument>;

/**
 * A well-formed file is read with js-yaml: the Pulumi SDK has already loaded it, and it reads a
 * stack file in a fraction of the time the `yaml` package takes. Its YAML 1.2 core schema gives the
 * same values (no dates, no merge keys; a repeated key is an error). A file it refuses is read
 * again with `yaml`, which reports every problem with its position: only a broken file pays.
 */
function parseYaml(source: string): unknown {
  return loadYaml(source, { schema: CORE_SCHEMA });
}

function fullYamlParser(): typeof YamlModule {
  // Loaded on the error path only (see parseYaml).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("yaml") as typeof YamlModule;
}

/** The closest known key to a misspelt one. The key list is built from the zod schemas, which
 * only a malformed key needs: the preview's own process never builds them. */
function suggestKey(name: string): string | undefined {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const keys = require("../../components/config/keys") as typeof KeysModule;
  return keys.closest(name, keys.knownConfigKeys());
}

export interface OfflineConfig {
  /** Full keys (`baremetal:site`) to the string form the engine passes to programs. */
  values: Record<string, string>;
  /** Full keys that are secret. */
  secretKeys: string[];
  /** Secret keys that were given a placeholder because the file had no value (or a ciphertext). */
  placeholders: string[];
  /** Problems the Pulumi CLI would refuse the stack file for; nothing may run while any is left. */
  issues: ConfigIssue[];
}

export function placeholderSecret(key: string): string {
  if (key === "sshPrivateKey") {
    return "-----BEGIN OPENSSH PRIVATE KEY-----\noffline-placeholder\n-----END OPENSSH PRIVATE KEY-----\n";
  }
  return `offline-placeholder-${key}`;
}

/** Full keys that the project file next to the stack file (or the repository's) declares secret. */
export function declaredSecretKeys(stackFile: string): string[] {
  const candidates = [
    path.join(path.dirname(stackFile), "Pulumi.yaml"),
    path.join(__dirname, "..", "..", "Pulumi.yaml"),
  ];
  const projectFile = candidates.find((file) => existsSync(file));
  const keys = new Set(SECRET_KEYS.map((key) => `${CONFIG_NAMESPACE}:${key}`));
  if (!projectFile) return [...keys];
  const project = (parseYaml(readFileSync(projectFile, "utf8")) ?? {}) as {
    name?: string;
    config?: Record<string, unknown>;
  };
  for (const [key, declaration] of Object.entries(project.config ?? {})) {
    const isSecret =
      declaration !== null &&
      typeof declaration === "object" &&
      (declaration as { secret?: unknown }).secret === true;
    // Keys declared without a namespace belong to the project's own namespace.
    if (isSecret) keys.add(key.includes(":") ? key : `${project.name ?? CONFIG_NAMESPACE}:${key}`);
  }
  return [...keys];
}

/** The `config:` key whose value holds `offset`, to name where a YAML problem is. */
function configKeyAt(document: YAMLDocument, offset: number): string | undefined {
  const { isMap, isScalar } = fullYamlParser();
  const config = isMap(document.contents) ? document.contents.get("config", true) : undefined;
  if (!isMap(config)) return undefined;
  for (const pair of config.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    const start = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
    const value = pair.value as { range?: [number, number, number] } | null;
    const end = value?.range?.[2] ?? value?.range?.[1];
    if (key && start !== undefined && end !== undefined && offset >= start && offset <= end) {
      return key;
    }
  }
  return undefined;
}

function yamlIssue(
  file: string,
  source: string,
  document: YAMLDocument,
  error: YamlModule.YAMLError,
): ConfigIssue {
  const where = error.linePos?.[0];
  const line = where ? ` (${path.basename(file)} line ${where.line}, column ${where.col})` : "";
  const first = (error.message.split("\n")[0] ?? error.message).replace(
    / at line \d+, column \d+:?$/,
    "",
  );
  // The error points at the key's first character; the key runs to the colon that ends it (a
  // colon followed by a space or the line's end, as in `baremetal:site:`).
  const key = (/^(?:[^:\n,{}]|:(?=[^\s,{}]))+/.exec(source.slice(error.pos[0]))?.[0] ?? "").trim();
  const message =
    error.code === "DUPLICATE_KEY" && key !== ""
      ? `key "${key}" appears twice in one map; the Pulumi CLI refuses the file`
      : first;
  return {
    path: configKeyAt(document, error.pos[0]) ?? path.basename(file),
    message: message + line,
  };
}

export function readStackFile(file: string): OfflineConfig {
  const values: Record<string, string> = {};
  const secretKeys: string[] = [];
  const placeholders: string[] = [];
  const issues: ConfigIssue[] = [];
  const source = readFileSync(file, "utf8");
  let document: { config?: unknown };
  try {
    document = (parseYaml(source) ?? {}) as { config?: unknown };
  } catch {
    // `parseDocument` collects every error (a duplicated key, a bad indent) instead of throwing.
    const parsed = fullYamlParser().parseDocument(source, { uniqueKeys: true });
    for (const error of parsed.errors) issues.push(yamlIssue(file, source, parsed, error));
    if (issues.length > 0) return { values, secretKeys, placeholders, issues };
    // Refused by one reader only: the full parser's reading stands, as before.
    document = (parsed.toJS() ?? {}) as { config?: unknown };
  }
  const config = document.config ?? {};
  if (config === null || typeof config !== "object" || Array.isArray(config)) {
    issues.push({
      path: path.basename(file),
      message: "`config:` must be a map of keys to values",
    });
    return { values, secretKeys, placeholders, issues };
  }
  const mustBeSecret = new Set(declaredSecretKeys(file));
  for (const [key, value] of Object.entries(config as Record<string, unknown>)) {
    if (key.split(":").length < 2 || key.split(":").length > 3) {
      // The CLI parses keys as `<namespace>:<name>` and refuses the file otherwise.
      const suggestion = suggestKey(key.split(":").pop() ?? key);
      issues.push({
        path: key,
        message: `is not a configuration key: keys are written <namespace>:<name>, as in ${CONFIG_NAMESPACE}:${suggestion ?? "site"}`,
      });
      continue;
    }
    const isSecure = value !== null && typeof value === "object" && "secure" in value;
    if (isSecure) {
      secretKeys.push(key);
      placeholders.push(key);
      values[key] = placeholderSecret(key.split(":")[1] ?? key);
    } else if (mustBeSecret.has(key)) {
      const name = key.startsWith(`${CONFIG_NAMESPACE}:`)
        ? key.slice(CONFIG_NAMESPACE.length + 1)
        : key;
      issues.push({
        path: key,
        message: `is given in plain text but is a secret; remove it from the stack file and set it with \`pulumi config set --secret ${name}\``,
      });
    } else {
      values[key] = typeof value === "string" ? value : JSON.stringify(value);
    }
  }
  for (const secret of SECRET_KEYS) {
    const key = `${CONFIG_NAMESPACE}:${secret}`;
    if (!(key in values) && !issues.some((issue) => issue.path === key)) {
      values[key] = placeholderSecret(secret);
      secretKeys.push(key);
      placeholders.push(key);
    }
  }
  return { values, secretKeys, placeholders, issues };
}
