/**
 * Guest base images, as Proxmox's `download-url` API takes them: every host downloads the same
 * bytes or refuses to, so each image is pinned (https, a URL that names one release, and its
 * checksum) and its file name carries an extension Proxmox accepts for the content type.
 */
import type { ProxmoxSettings } from "../schema";
import type { Report, Sections } from "./context";

/** Hex digits of each digest `download-url` accepts. */
export const DIGEST_LENGTH: Readonly<Record<string, number>> = {
  md5: 32,
  sha1: 40,
  sha224: 56,
  sha256: 64,
  sha384: 96,
  sha512: 128,
};

/** File names `download-url` accepts per content type (PVE::Storage's upload patterns). */
const EXTENSIONS = {
  iso: { pattern: /\.(iso|img)$/i, names: ".iso or .img" },
  vztmpl: { pattern: /\.tar\.(gz|xz|zst|bz2)$/i, names: ".tar.gz, .tar.xz, .tar.zst or .tar.bz2" },
  import: { pattern: /\.(ova|qcow2|raw|vmdk)$/, names: ".qcow2, .raw, .vmdk or .ova" },
} as const;
type Content = keyof typeof EXTENSIONS;

/** A path segment or name part that moves to new releases: `/current/`, `/latest/`, `-latest.`. */
const MOVING = /(^|[/._-])(current|latest|nightly|snapshot)([/._-]|$)/i;

const IMAGES: readonly { key: "lxcTemplate" | "cloudImage"; content: Content }[] = [
  { key: "lxcTemplate", content: "vztmpl" },
  { key: "cloudImage", content: "import" },
];

function checkImage(
  image: ProxmoxSettings["lxcTemplate"],
  content: Content,
  segments: PropertyKey[],
  report: Report,
): void {
  const url = new URL(image.url);
  if (url.protocol === "http:") {
    report(
      [...segments, "url"],
      "is plain http: anyone on the path could swap the image; use the https URL",
    );
  }
  if (MOVING.test(url.pathname)) {
    report(
      [...segments, "url"],
      `${url.pathname} names a moving release (current/latest); pin a dated or versioned URL so every host gets the same image`,
    );
  }
  const expected = DIGEST_LENGTH[image.checksumAlgorithm];
  if (expected !== undefined && image.checksum.length !== expected) {
    report(
      [...segments, "checksum"],
      `has ${image.checksum.length} hex digits, but a ${image.checksumAlgorithm} digest has ${expected}`,
    );
  }
  const rule = EXTENSIONS[content];
  if (!/^[A-Za-z0-9.+=_-]+$/.test(image.fileName)) {
    report(
      [...segments, "fileName"],
      "may hold only letters, digits and . + = _ - (Proxmox rewrites other characters)",
    );
  } else if (!rule.pattern.test(image.fileName)) {
    report(
      [...segments, "fileName"],
      `${image.fileName}: Proxmox stores content "${content}" only under a name ending in ${rule.names}`,
    );
  }
}

export function downloadRules({ proxmox }: Sections, report: Report): void {
  if (!proxmox) return;
  for (const { key, content } of IMAGES) {
    checkImage(proxmox[key], content, ["proxmox", key], report);
  }
}
