/**
 * Pinned package versions, one place. Debian bookworm packages are installed from Debian's own
 * archive (signed by debian-archive-keyring, already trusted by the template); Elastic's from its
 * repository, verified by the key fingerprint below. Pins are held (`apt-mark hold`), so a guest
 * only moves when this file does. Debian drops superseded security builds from its mirrors:
 * bump a pin here when `apt-cache policy` in a guest shows a newer security release.
 */
export const DEBIAN_PACKAGES = {
  redisServer: { name: "redis-server", version: "5:7.0.15-1~deb12u10" },
  redisExporter: { name: "prometheus-redis-exporter", version: "1.45.0-2+b4" },
  postgresql: { name: "postgresql-15", version: "15.20-0+deb12u1" },
  zabbixServer: { name: "zabbix-server-pgsql", version: "1:6.0.14+dfsg-1+b1" },
  zabbixFrontend: { name: "zabbix-frontend-php", version: "1:6.0.14+dfsg-1" },
  nginx: { name: "nginx", version: "1.22.1-9+deb12u11" },
  phpFpm: { name: "php8.2-fpm", version: "8.2.36-1~deb12u1" },
  phpPgsql: { name: "php8.2-pgsql", version: "8.2.36-1~deb12u1" },
} as const;

/** Tools every step program relies on (key checks, downloads, JSON). Unpinned: base system. */
export const BASE_TOOLS = ["ca-certificates", "curl", "gnupg", "jq"] as const;

/** Elastic's APT repository for 8.x and its signing key (Elasticsearch Signing Key). */
export const ELASTIC_REPOSITORY = {
  name: "elastic-8",
  url: "https://artifacts.elastic.co/packages/8.x/apt",
  suite: "stable",
  components: ["main"],
  keyUrl: "https://artifacts.elastic.co/GPG-KEY-elasticsearch",
  fingerprint: "46095ACC8548582C1A2699A9D27D666CD88E42B4",
} as const;

/** PostgreSQL major version of bookworm; paths under /etc/postgresql and /usr/lib/postgresql. */
export const POSTGRES_MAJOR = 15;

/**
 * Garage is not packaged by Debian: the static release binary is downloaded from Garage's release
 * site and installed only when its SHA-256 equals `sha256`. Upstream publishes no checksum files,
 * so the pin comes from two independent public pins of this exact URL that agree:
 *  - a public install script pins this hex digest for the v2.2.0 x86_64 musl binary;
 *  - a Guix channel's package of Garage v2.2.0 pins the same file as nix-base32
 *    `1aqsjg8yf9s8pm0bbq2sy0gbnwrc4b7w3k38zs33wig8jswinxpc`, which decodes (alphabet
 *    `0123456789abcdfghijklmnpqrsvwxyz`, least significant 5 bits last) to this hex digest.
 * To bump: change the version in both places and take the new digest from two such independent
 * sources, or `sha256sum garage` of a download checked against one of them. A malformed digest
 * fails the plan (`checkGarageRelease`), before anything is registered.
 */
export const GARAGE_RELEASE = {
  version: "v2.2.0",
  url: "https://garagehq.deuxfleurs.fr/_releases/v2.2.0/x86_64-unknown-linux-musl/garage",
  sha256: "ec761bb996e8453e86fe68ccc1cf222c73bb1ef05ae0b540bd4827e7d1931aab",
} as const;

export interface GarageRelease {
  readonly version: string;
  readonly url: string;
  readonly sha256: string;
}

/** Refuses a release pin that could not verify anything: the digest must be 64 hex digits. */
export function checkGarageRelease(release: GarageRelease, guest: string): void {
  if (!/^[0-9a-f]{64}$/.test(release.sha256)) {
    throw new Error(
      `${guest}: the Garage release checksum must be 64 lowercase hex digits (GARAGE_RELEASE.sha256 in components/services/versions.ts)`,
    );
  }
  if (!/^v\d+\.\d+\.\d+$/.test(release.version) || !release.url.startsWith("https://")) {
    throw new Error(
      `${guest}: the Garage release must name a vX.Y.Z version and an https:// URL (GARAGE_RELEASE in components/services/versions.ts)`,
    );
  }
}

/**
 * MongoDB 8.0 from MongoDB's Debian repository (`components/services/mongodb/install.ts`,
 * `repo.mongodb.org/apt/debian bookworm/mongodb-org/8.0`, where MongoDB publishes each 8.0
 * patch release for Debian 12 as `mongodb-org-server_<version>_amd64.deb`).
 *
 * - `mongodb-org-server` 8.0.17 (released 2025-12-19, MongoDB's 8.0 release notes): the first
 *   8.0 patch that fixes CVE-2025-14847 (SERVER-115508: an unauthenticated client reads
 *   uninitialised heap memory through zlib-compressed messages; 8.0.0–8.0.16 are affected, so
 *   8.0.16 must not be installed). Also pinned as `mongodb-org-server=8.0.17` in public install
 *   scripts (against the Ubuntu noble repository of the same release), and the base of Percona
 *   Server for MongoDB 8.0.17-6. Later 8.0 patches exist: check `apt-cache policy
 *   mongodb-org-server` in a member and move this pin forward with MongoDB's security bulletins.
 * - `mongodb-mongosh` 2.5.10 (released 2025-11-28, the MongoDB Shell changelog): one package for
 *   every distribution, `mongodb-mongosh_2.5.10_amd64.deb` in MongoDB's repositories.
 *
 * Moving the server pin re-runs every member's install step (apt install, mongod restart), one
 * member after another.
 */
export const MONGODB_PACKAGES = {
  server: { name: "mongodb-org-server", version: "8.0.17" },
  mongosh: { name: "mongodb-mongosh", version: "2.5.10" },
} as const;

/**
 * Percona's `mongodb_exporter` (not packaged by Debian or MongoDB): the release tarball
 * `mongodb_exporter-<version>.linux-amd64.tar.gz` from GitHub, installed only when its SHA-256
 * equals `sha256`. 0.51.0 supports MongoDB 8.0. The checksum is quoted identically, for this
 * exact file, by two unrelated public sources:
 * - the Ansible role `maprangzth/ansible-role-mongodb` (`defaults/main.yml`,
 *   `mongodb_exporter_sha256.amd64`, version "0.51.0");
 * - the RPM spec `cloudox-org/mongodb_exporter` (`mongodb_exporter.spec`, Version 0.51.0,
 *   `exporter_sha` for amd64, used as the download's `#/<sha256>` fragment).
 * Both also agree on the arm64 tarball's checksum (f2f023d2…a60eead6).
 */
export const MONGODB_EXPORTER_RELEASE = {
  version: "0.51.0",
  sha256: "01dfae78c737fb48761a715d779cade464a84cce7a2a70357ac4af469bade198",
} as const;
