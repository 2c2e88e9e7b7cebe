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

/** MongoDB 8.0 from MongoDB's Debian repository (`components/services/mongodb/install.ts`). */
export const MONGODB_PACKAGES = {
  server: { name: "mongodb-org-server", version: "8.0.16" },
  mongosh: { name: "mongodb-mongosh", version: "2.5.10" },
} as const;
