/**
 * Turns a step into what travels to the guest: one self-contained bash program on stdin that
 * writes the step's files (secrets included) and then runs the step's script. Nothing secret is
 * ever on a command line: file contents are here-documents inside the program, and the command
 * that starts it (`pct exec <vmid> -- /bin/bash -s`) carries only the container id.
 */
import { createHash } from "node:crypto";
import type { GuestFile, ProvisionStep } from "./types";

/** `<guest>: <step> failed at line N` on stderr, then the step's exit status. */
export function stepPreamble(guest: string, step: string): string {
  const label = shellQuote(`${guest}: ${step}`);
  return [
    "set -Eeuo pipefail",
    "umask 022",
    "export DEBIAN_FRONTEND=noninteractive LC_ALL=C",
    `STEP_LABEL=${label}`,
    `trap 'echo "\${STEP_LABEL} failed at line \${LINENO}" >&2' ERR`,
  ].join("\n");
}

/** Single-quoted for bash; the only special character inside single quotes is the quote itself. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

const MODE = /^0?[0-7]{3,4}$/;
const OWNER = /^[a-z_][a-z0-9_-]*(:[a-z_][a-z0-9_-]*)?$/;
const PATH = /^\/[A-Za-z0-9._/@+-]+$/;

/** A here-document delimiter that cannot occur in the content. */
function delimiter(content: string): string {
  let tag = "PULUMI_FILE_EOF";
  while (content.includes(tag)) tag += "_";
  return tag;
}

/**
 * Installs one file atomically with its owner and mode, only when its content or attributes
 * differ. Base64 keeps any byte sequence (and trailing newlines) intact through the here-document.
 * Marks changed files in CHANGED_FILES so the step can restart a service only when needed.
 */
export function renderFileWrite(file: GuestFile): string {
  if (!PATH.test(file.path))
    throw new Error(`file path ${file.path} is not an absolute plain path`);
  if (!MODE.test(file.mode)) throw new Error(`file ${file.path}: mode ${file.mode} is not octal`);
  if (!OWNER.test(file.owner)) throw new Error(`file ${file.path}: owner ${file.owner} is invalid`);
  if (file.secret && !file.mode.endsWith("0")) {
    throw new Error(
      `file ${file.path}: secret files must not be world-readable (mode ${file.mode})`,
    );
  }
  const encoded = Buffer.from(file.content, "utf8")
    .toString("base64")
    .replace(/(.{76})/g, "$1\n");
  const tag = delimiter(encoded);
  const [user, group] = file.owner.includes(":") ? file.owner.split(":") : [file.owner, file.owner];
  const path = shellQuote(file.path);
  return [
    `install -d -m 0755 "$(dirname ${path})"`,
    // The temporary file is created private and only then filled, so a secret is never readable.
    `tmp="$(umask 077 && mktemp "$(dirname ${path})/.pulumi.XXXXXX")"`,
    `base64 -d > "$tmp" <<'${tag}'`,
    encoded,
    tag,
    `chown ${user}:${group} "$tmp"`,
    `chmod ${file.mode} "$tmp"`,
    `if [ -f ${path} ] && cmp -s "$tmp" ${path} && [ "$(stat -c '%a %U:%G' ${path})" = "$(stat -c '%a %U:%G' "$tmp")" ]; then`,
    `  rm -f "$tmp"`,
    "else",
    `  mv -f "$tmp" ${path}`,
    `  CHANGED_FILES+=(${path})`,
    "fi",
  ].join("\n");
}

/**
 * The whole program for one step. The body is a function called with stdin from /dev/null: bash
 * reads a function definition completely before running it, so no command in the step can
 * swallow the rest of the program from stdin.
 */
export function renderStepProgram(guest: string, step: ProvisionStep): string {
  return [
    "#!/bin/bash",
    `# ${guest}: ${step.name} (rendered by the services layer; do not edit in the guest)`,
    stepPreamble(guest, step.name),
    "CHANGED_FILES=()",
    "# True when the step (re)wrote this file in this run.",
    "changed() {",
    "  local f",
    '  for f in "${CHANGED_FILES[@]}"; do [ "$f" = "$1" ] && return 0; done',
    "  return 1",
    "}",
    "step_main() {",
    ...step.files.map(renderFileWrite),
    step.script.trimEnd(),
    "}",
    "step_main </dev/null",
    `echo ${shellQuote(`${guest}: ${step.name} done`)}`,
    "",
  ].join("\n");
}

/** Whether any file of the step is secret (then stdin and outputs are secret too). */
export function stepHasSecrets(step: ProvisionStep): boolean {
  return step.files.some((f) => f.secret);
}

/** Content hash of what a step would do; the step re-runs exactly when it changes. */
export function stepHash(guest: string, step: ProvisionStep): string {
  return createHash("sha256").update(renderStepProgram(guest, step)).digest("hex");
}
