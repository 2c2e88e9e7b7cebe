/** Package installation scripts: pinned versions, held, and repositories with checked keys. */
import { BASE_TOOLS } from "./versions";
import { shellQuote } from "./script";
import type { GuestFile } from "./types";

export interface PinnedPackage {
  name: string;
  version: string;
}

export interface AptRepository {
  name: string;
  url: string;
  suite: string;
  components: readonly string[];
  keyUrl: string;
  /** Full 40-hex-digit fingerprint of the signing key, upper case. */
  fingerprint: string;
}

const PACKAGE_NAME = /^[a-z0-9][a-z0-9+.-]+$/;
const VERSION = /^[0-9A-Za-z.+~:-]+$/;

/** Refuses anything that is not a plain package name and version (they end up in a script). */
function checked(pkg: PinnedPackage): PinnedPackage {
  if (!PACKAGE_NAME.test(pkg.name)) throw new Error(`package name ${pkg.name} is invalid`);
  if (!VERSION.test(pkg.version))
    throw new Error(`package ${pkg.name}: version ${pkg.version} is invalid`);
  return pkg;
}

/**
 * Installs exactly these versions and holds them. Idempotent: when every package is already at
 * its version, nothing runs (not even `apt-get update`).
 */
export function aptInstallScript(packages: readonly PinnedPackage[]): string {
  const pins = packages.map(checked);
  const wanted = pins.map((p) => `${p.name}=${p.version}`).join(" ");
  const names = pins.map((p) => p.name).join(" ");
  return [
    "missing=()",
    ...pins.map(
      (p) =>
        `[ "$(dpkg-query -W -f='\${Status} \${Version}' ${p.name} 2>/dev/null || true)" = ${shellQuote(`install ok installed ${p.version}`)} ] || missing+=(${shellQuote(`${p.name}=${p.version}`)})`,
    ),
    'if [ "${#missing[@]}" -gt 0 ]; then',
    `  apt-mark unhold ${names} >/dev/null 2>&1 || true`,
    `  apt-get update -qq || { echo "\${STEP_LABEL}: apt-get update failed" >&2; exit 1; }`,
    `  apt-get install -y -qq --no-install-recommends --allow-downgrades -o Dpkg::Options::=--force-confold "\${missing[@]}" || { echo "\${STEP_LABEL}: apt-get install failed for \${missing[*]} (wanted: ${wanted})" >&2; exit 1; }`,
    "fi",
    `apt-mark hold ${names} >/dev/null`,
  ].join("\n");
}

/** Base tools the step programs use; installed once, unpinned (they are part of the OS). */
export function baseToolsScript(): string {
  const tools = BASE_TOOLS.join(" ");
  return [
    `installed="$(dpkg-query -W -f='\${Status}\\n' ${tools} 2>/dev/null | grep -cx 'install ok installed' || true)"`,
    `if [ "$installed" != ${BASE_TOOLS.length} ]; then`,
    `  apt-get update -qq || { echo "\${STEP_LABEL}: apt-get update failed" >&2; exit 1; }`,
    `  apt-get install -y -qq --no-install-recommends ${tools} || { echo "\${STEP_LABEL}: apt-get install failed for ${tools}" >&2; exit 1; }`,
    "fi",
  ].join("\n");
}

export function keyringPath(repo: AptRepository): string {
  return `/etc/apt/keyrings/${repo.name}.gpg`;
}

/** The one-line sources entry, restricted to its own key with `signed-by`. */
export function aptSourcesFile(repo: AptRepository): GuestFile {
  return {
    path: `/etc/apt/sources.list.d/${repo.name}.list`,
    content: `deb [signed-by=${keyringPath(repo)}] ${repo.url} ${repo.suite} ${repo.components.join(" ")}\n`,
    mode: "0644",
    owner: "root",
    secret: false,
  };
}

/**
 * Fetches the repository key unless the keyring already holds exactly that fingerprint, and
 * refuses a key whose fingerprint differs (a swapped key never becomes trusted).
 */
export function aptKeyScript(repo: AptRepository): string {
  if (!/^[0-9A-F]{40}$/.test(repo.fingerprint)) {
    throw new Error(`repository ${repo.name}: fingerprint must be 40 upper-case hex digits`);
  }
  const keyring = keyringPath(repo);
  const fingerprints = (file: string) =>
    `gpg --batch --show-keys --with-colons ${file} 2>/dev/null | awk -F: '$1 == "fpr" { print $10 }'`;
  return [
    "install -d -m 0755 /etc/apt/keyrings",
    `if [ ! -s ${keyring} ] || [ "$(${fingerprints(keyring)} | head -n 1)" != ${repo.fingerprint} ]; then`,
    '  keyfile="$(mktemp)"',
    `  curl -fsSL --retry 3 ${shellQuote(repo.keyUrl)} -o "$keyfile" || { echo "\${STEP_LABEL}: cannot download the ${repo.name} key" >&2; exit 1; }`,
    `  actual="$(${fingerprints('"$keyfile"')} | head -n 1)"`,
    `  if [ "$actual" != ${repo.fingerprint} ]; then echo "\${STEP_LABEL}: ${repo.name} key has fingerprint $actual, expected ${repo.fingerprint}" >&2; exit 1; fi`,
    `  gpg --batch --yes --dearmor -o ${keyring}.new "$keyfile"`,
    `  chmod 0644 ${keyring}.new && mv -f ${keyring}.new ${keyring}`,
    '  rm -f "$keyfile"',
    "fi",
  ].join("\n");
}
