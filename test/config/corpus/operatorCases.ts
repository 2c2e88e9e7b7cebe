/**
 * Operator mistakes by class: unknown keys anywhere, secrets in plain text, backup schedules and
 * retention, the routers' reachability and uplinks, limits Proxmox enforces per guest, base image
 * downloads, unpinned charts, reversed ranges, names the internal zone would answer twice, and
 * the site's time zone. Same format as `cases.ts`; several values per class, so that a rule that
 * only catches one spelling of a mistake fails here.
 */
import type { RawStackConfig } from "../../../components/config/validate";
import { addAt, getAt, removeAt, setAt } from "../../support/stackConfig";
import type { BadCase, ExpectedIssue, GoodCase } from "./cases";

const issue = (path: string, message: string): ExpectedIssue => ({ path, message });

function rename(raw: RawStackConfig, from: string, to: string): void {
  addAt(raw, [to], getAt(raw, [from]));
  removeAt(raw, [from]);
}

function appendPorts(raw: RawStackConfig, rule: number, extra: string): void {
  const ports = getAt(raw, ["firewall", "forward", rule, "ports"]);
  setAt(raw, ["firewall", "forward", rule, "ports"], `${String(ports)},${extra}`);
}

const NOT_A_SCHEDULE = "is not a Proxmox calendar event";
const badSchedules = [
  "0 2 * * *",
  "25:00",
  "02:60",
  "mon-fri 22:00",
  "daily at 02:00",
  "every day",
  "03:00 sun",
  "*-13-01 02:00",
  "*-*-* 02:30 UTC",
  "1..10/2:00",
  "22..20:00",
];
const goodSchedules = [
  "daily",
  "weekly",
  "sun 01:00",
  "*-*-* 02:30",
  "*-*-* 02:30:00",
  "mon..fri 22:00",
  "mon,wed,fri 23:15",
  "sat..sun 03:00",
  "Sat *-1..7 15:00",
  "*-01 04:00",
  "21,23:0/30",
];

const badVersions = ["^1.19.1", "~1.19.1", "latest", ">=1.19.0", "1.19", "1.x", "1.19.*", "stable"];
const badTimeZones = [
  "america/sao_paulo",
  "America/Sao Paulo",
  "Mars/Olympus",
  "GMT-3",
  "+03:00",
  "BRT",
  "sao_paulo",
];
const goodTimeZones = [
  "US/Eastern",
  "UTC",
  "America/Sao_Paulo",
  "Europe/Berlin",
  "Etc/UTC",
  "America/Buenos_Aires",
];

export const OPERATOR_BAD_CASES: readonly BadCase[] = [
  // --- unknown and misspelled keys --------------------------------------------------------------
  {
    name: "misspelled key in the Kubernetes section",
    base: "production",
    change: (c) => addAt(c, ["kubernetes", "snapChanel"], "1.35/stable"),
    expect: [issue("kubernetes", 'unknown key "snapChanel"; did you mean "snapChannel"?')],
  },
  {
    name: "misspelled key in the Kubernetes API settings",
    base: "staging",
    change: (c) => addAt(c, ["kubernetes", "api", "extraSans"], ["k8s.example.com"]),
    expect: [issue("kubernetes.api", 'unknown key "extraSans"; did you mean "extraSANs"?')],
  },
  {
    name: "unknown key in a chart override",
    base: "production",
    change: (c) =>
      setAt(c, ["kubernetes", "charts"], { harbor: { version: "1.19.1", repository: "x" } }),
    expect: [issue("kubernetes.charts.harbor", 'unknown key "repository"; did you mean "repo"?')],
  },
  {
    name: "chart override for a chart the platform does not have",
    base: "staging",
    change: (c) => setAt(c, ["kubernetes", "charts"], { argocd: { version: "10.1.1" } }),
    expect: [issue("kubernetes.charts", 'unknown key "argocd"; did you mean "argo-cd"?')],
  },
  {
    name: "unknown key in an issuer",
    base: "production",
    change: (c) => addAt(c, ["kubernetes", "issuers", 0, "validity"], 5),
    expect: [
      issue("kubernetes.issuers[0]", 'unknown key "validity"; did you mean "validityYears"?'),
    ],
  },
  {
    name: "unknown key in Harbor's database settings",
    base: "production",
    change: (c) => addAt(c, ["kubernetes", "harbor", "database", "sslMode"], "require"),
    expect: [issue("kubernetes.harbor.database", 'unknown key "sslMode"; did you mean "sslmode"?')],
  },
  {
    name: "unknown key in Harbor's S3 storage",
    base: "production",
    change: (c) => addAt(c, ["kubernetes", "harbor", "imageStorage", "endpoint"], "https://x"),
    expect: [issue("kubernetes.harbor.imageStorage", 'unknown key "endpoint"')],
  },
  {
    name: "unknown key in the monitoring settings",
    base: "staging",
    change: (c) => addAt(c, ["kubernetes", "monitoring", "retentionDays"], 15),
    expect: [
      issue("kubernetes.monitoring", 'unknown key "retentionDays"; did you mean "retention"?'),
    ],
  },
  {
    name: "unknown key in the backup job",
    base: "production",
    change: (c) => addAt(c, ["proxmox", "backup", "keepYearly"], 2),
    expect: [issue("proxmox.backup", 'unknown key "keepYearly"; did you mean "keepDaily"?')],
  },
  {
    name: "unknown key in a forward rule",
    base: "staging",
    change: (c) => addAt(c, ["firewall", "forward", 0, "port"], "443"),
    expect: [issue("firewall.forward[0]", 'unknown key "port"; did you mean "ports"?')],
  },
  {
    name: "misspelled section beside the real one (baremetal:guest)",
    base: "production",
    change: (c) => addAt(c, ["guest"], [{ name: "extra-1" }]),
    expect: [issue("guest", "did you mean baremetal:guests?")],
  },
  {
    name: "misspelled section instead of the real one (baremetal:kubernets)",
    base: "staging",
    change: (c) => rename(c, "kubernetes", "kubernets"),
    expect: [
      issue(
        "kubernets",
        "is not a configuration key of this program; did you mean baremetal:kubernetes?",
      ),
      issue("kubernetes", "is required"),
    ],
  },
  {
    name: "misspelled section in another case (baremetal:Firewall)",
    base: "production",
    change: (c) => rename(c, "firewall", "Firewall"),
    expect: [
      issue("Firewall", "did you mean baremetal:firewall?"),
      issue("firewall", "is required"),
    ],
  },
  {
    name: "misspelled secret key (baremetal:proxmoxApiTokn)",
    base: "production",
    change: (c) => addAt(c, ["proxmoxApiTokn"], "x"),
    expect: [issue("proxmoxApiTokn", "did you mean baremetal:proxmoxApiToken?")],
  },
  {
    name: "a top-level key nothing reads",
    base: "staging",
    change: (c) => addAt(c, ["monitoring"], { enabled: true }),
    expect: [issue("monitoring", "is not a configuration key of this program")],
  },
  {
    name: "Kubernetes names use the shared DNS-label rule and message",
    base: "production",
    change: (c) => setAt(c, ["kubernetes", "ingressClassName"], "Public"),
    expect: [issue("kubernetes.ingressClassName", "must be a DNS label")],
  },
  {
    name: "Kubernetes hostnames use the shared domain-name rule and message",
    base: "production",
    change: (c) =>
      setAt(c, ["kubernetes", "hostnames", "grafana"], "Grafana.sp1.internal.example.com"),
    expect: [issue("kubernetes.hostnames.grafana", "must be a lowercase domain name")],
  },
  {
    name: "Kubernetes API address uses the shared address message",
    base: "staging",
    change: (c) => setAt(c, ["kubernetes", "api", "address"], "10.130.0.300"),
    expect: [issue("kubernetes.api.address", "must be an IPv4 address")],
  },

  {
    name: "CSI datastore that is not a Proxmox storage id",
    base: "production",
    change: (c) => setAt(c, ["kubernetes", "storage", "proxmoxCsi", "datastore"], "NVMe Pool"),
    expect: [issue("kubernetes.storage.proxmoxCsi.datastore", "must be a Proxmox storage id")],
  },
  {
    name: "Harbor database port out of range",
    base: "production",
    change: (c) => setAt(c, ["kubernetes", "harbor", "database", "port"], 0),
    expect: [issue("kubernetes.harbor.database.port", ">=1")],
  },
  {
    name: "exporter port above 65535",
    base: "staging",
    change: (c) => addAt(c, ["kubernetes", "monitoring", "redisExporterPort"], 91210),
    expect: [issue("kubernetes.monitoring.redisExporterPort", "<=65535")],
  },

  // --- secrets in plain text --------------------------------------------------------------------
  ...(["routerosPassword", "proxmoxApiToken", "cloudflareApiToken", "sshPrivateKey"] as const).map(
    (key): BadCase => ({
      name: `${key} given in plain text`,
      base: "production",
      change: (c) => addAt(c, [key], "plain-text-value"),
      expect: [issue(key, `pulumi config set --secret ${key}`)],
    }),
  ),

  // --- backup schedule and retention ------------------------------------------------------------
  ...badSchedules.map((schedule): BadCase => ({
    name: `backup schedule "${schedule}"`,
    base: "production",
    change: (c) => setAt(c, ["proxmox", "backup", "schedule"], schedule),
    expect: [issue("proxmox.backup.schedule", NOT_A_SCHEDULE)],
  })),
  {
    name: "backup retention that keeps nothing",
    base: "staging",
    change: (c) =>
      setAt(c, ["proxmox", "backup"], {
        ...(getAt(c, ["proxmox", "backup"]) as object),
        keepDaily: 0,
        keepWeekly: 0,
        keepMonthly: 0,
      }),
    expect: [issue("proxmox.backup", "keeps no backup")],
  },

  // --- routers and uplinks ----------------------------------------------------------------------
  {
    name: "two routers with the same REST URL",
    base: "production",
    change: (c) => setAt(c, ["routers", "@rtr-2", "restUrl"], "https://10.10.0.2"),
    expect: [issue("routers[@rtr-2].restUrl", "is the same endpoint (https://10.10.0.2:443)")],
  },
  {
    name: "two routers with the same REST endpoint written differently",
    base: "staging",
    change: (c) => setAt(c, ["routers", "@rtr-stg-2", "restUrl"], "HTTPS://10.110.0.2:443/rest/"),
    expect: [issue("routers[@rtr-stg-2].restUrl", "{routers[@rtr-stg-1].restUrl}")],
  },
  {
    name: "router REST URLs swapped between the two routers",
    base: "production",
    change: (c) => {
      setAt(c, ["routers", "@rtr-1", "restUrl"], "https://10.10.0.3");
      setAt(c, ["routers", "@rtr-2", "restUrl"], "https://10.10.0.2");
    },
    expect: [
      issue("routers[@rtr-1].restUrl", "10.10.0.3 is not one of rtr-1's own addresses"),
      issue("routers[@rtr-2].restUrl", "10.10.0.2 is not one of rtr-2's own addresses"),
    ],
  },
  {
    name: "router REST URL on an address the router does not have",
    base: "staging",
    change: (c) => setAt(c, ["routers", "@rtr-stg-1", "restUrl"], "https://10.110.0.50:8443"),
    expect: [issue("routers[@rtr-stg-1].restUrl", "is not one of rtr-stg-1's own addresses")],
  },
  {
    name: "router REST address outside every network",
    base: "production",
    change: (c) => setAt(c, ["routers", "@rtr-2", "restUrl"], "https://192.168.88.1"),
    expect: [issue("routers[@rtr-2].restUrl", "is in no network of baremetal:networks")],
  },
  {
    name: "management allowlist without the routers' management network",
    base: "production",
    change: (c) => setAt(c, ["firewall", "managementFrom"], ["services"]),
    expect: [issue("firewall.managementFrom", 'does not include network "management"')],
  },
  {
    name: "router REST address in a services network",
    base: "staging",
    change: (c) => setAt(c, ["routers", "@rtr-stg-2", "restUrl"], "https://10.120.0.3"),
    expect: [
      issue("routers[@rtr-stg-2].restUrl", "purpose services"),
      issue("firewall.managementFrom", 'does not include network "services"'),
    ],
  },
  {
    name: "both uplinks on one router",
    base: "production",
    change: (c) => {
      setAt(c, ["uplinks", "@isp-b", "router"], "rtr-1");
      setAt(c, ["uplinks", "@isp-b", "interface"], "ether2");
    },
    expect: [issue("uplinks[@isp-b].router", 'router "rtr-1" already carries an uplink')],
  },
  {
    name: "uplink on the server trunk interface",
    base: "staging",
    change: (c) => setAt(c, ["uplinks", "@isp-a", "interface"], "sfp-sfpplus1"),
    expect: [issue("uplinks[@isp-a].interface", "server trunk of rtr-stg-1")],
  },
  {
    name: "uplink address equal to its gateway",
    base: "production",
    change: (c) => setAt(c, ["uplinks", "@isp-a", "address"], "198.51.100.1/30"),
    expect: [issue("uplinks[@isp-a].address", "the uplink's own gateway")],
  },
  {
    name: "uplink address that is the link's network address",
    base: "production",
    change: (c) => setAt(c, ["uplinks", "@isp-b", "address"], "203.0.113.0/30"),
    expect: [issue("uplinks[@isp-b].address", "network or broadcast address of 203.0.113.0/30")],
  },
  {
    name: "uplink address that is the link's broadcast address",
    base: "staging",
    change: (c) => setAt(c, ["uplinks", "@isp-a", "address"], "198.51.100.7/30"),
    expect: [issue("uplinks[@isp-a].address", "network or broadcast address of 198.51.100.4/30")],
  },
  {
    name: "uplink gateway that is the link's broadcast address",
    base: "production",
    change: (c) => setAt(c, ["uplinks", "@isp-a", "gateway"], "198.51.100.3"),
    expect: [issue("uplinks[@isp-a].gateway", "network or broadcast address")],
  },
  {
    name: "uplink gateway outside a /31 link",
    base: "production",
    change: (c) => {
      setAt(c, ["uplinks", "@isp-a", "address"], "198.51.100.2/31");
      setAt(c, ["uplinks", "@isp-a", "gateway"], "198.51.100.1");
    },
    expect: [issue("uplinks[@isp-a].gateway", "is outside the link 198.51.100.2/31")],
  },
  {
    name: "probe target that is the ISP gateway",
    base: "production",
    change: (c) => setAt(c, ["uplinks", "@isp-a", "probeTarget"], "198.51.100.1"),
    expect: [issue("uplinks[@isp-a].probeTarget", "is the provider's gateway")],
  },
  {
    name: "probe target that is the other ISP's gateway",
    base: "staging",
    change: (c) => setAt(c, ["uplinks", "@isp-a", "probeTarget"], "203.0.113.5"),
    expect: [
      issue("uplinks[@isp-a].probeTarget", "is the provider's gateway ({uplinks[@isp-b].gateway})"),
    ],
  },
  {
    name: "probe target inside the data center",
    base: "production",
    change: (c) => setAt(c, ["uplinks", "@isp-b", "probeTarget"], "10.20.0.21"),
    expect: [issue("uplinks[@isp-b].probeTarget", 'inside network "services"')],
  },

  // --- limits Proxmox enforces per guest --------------------------------------------------------
  {
    name: "VM with more vCPUs than its host has threads",
    base: "production",
    change: (c) => setAt(c, ["guests", "@k8s-1", "cores"], 129),
    expect: [issue("guests[@k8s-1].cores", "more than host pve-04 has threads (128)")],
  },
  {
    name: "container with more vCPUs than its host has threads",
    base: "staging",
    change: (c) => setAt(c, ["guests", "@mongo-1", "cores"], 97),
    expect: [issue("guests[@mongo-1].cores", "more than host pve-stg has threads (96)")],
  },
  {
    name: "guest with more memory than its host",
    base: "staging",
    change: (c) => setAt(c, ["guests", "@kibana-1", "memoryGb"], 300),
    expect: [issue("guests[@kibana-1].memoryGb", "more than host pve-stg has (256 GB)")],
    alsoAllowed: ["hosts[@pve-stg].memoryGb"],
  },

  // --- base image downloads ---------------------------------------------------------------------
  {
    name: "LXC template checksum without its algorithm",
    base: "production",
    change: (c) => removeAt(c, ["proxmox", "lxcTemplate", "checksumAlgorithm"]),
    expect: [issue("proxmox.lxcTemplate.checksumAlgorithm", "is required")],
  },
  {
    name: "cloud image checksum algorithm without a checksum",
    base: "staging",
    change: (c) => removeAt(c, ["proxmox", "cloudImage", "checksum"]),
    expect: [issue("proxmox.cloudImage.checksum", "is required")],
  },
  {
    name: "LXC template without any checksum",
    base: "staging",
    change: (c) => {
      removeAt(c, ["proxmox", "lxcTemplate", "checksum"]);
      removeAt(c, ["proxmox", "lxcTemplate", "checksumAlgorithm"]);
    },
    expect: [
      issue("proxmox.lxcTemplate.checksum", "is required"),
      issue("proxmox.lxcTemplate.checksumAlgorithm", "is required"),
    ],
  },
  {
    name: "sha512 digest declared as sha256",
    base: "production",
    change: (c) => setAt(c, ["proxmox", "cloudImage", "checksumAlgorithm"], "sha256"),
    expect: [
      issue("proxmox.cloudImage.checksum", "has 128 hex digits, but a sha256 digest has 64"),
    ],
  },
  {
    name: "sha256-length digest declared as sha512",
    base: "production",
    change: (c) => setAt(c, ["proxmox", "lxcTemplate", "checksum"], "ab".repeat(32)),
    expect: [
      issue("proxmox.lxcTemplate.checksum", "has 64 hex digits, but a sha512 digest has 128"),
    ],
  },
  {
    name: "md5 algorithm with a sha1-length digest",
    base: "staging",
    change: (c) => {
      setAt(c, ["proxmox", "lxcTemplate", "checksumAlgorithm"], "md5");
      setAt(c, ["proxmox", "lxcTemplate", "checksum"], "0".repeat(40));
    },
    expect: [issue("proxmox.lxcTemplate.checksum", "a md5 digest has 32")],
  },
  {
    name: "checksum algorithm Proxmox does not know",
    base: "production",
    change: (c) => setAt(c, ["proxmox", "cloudImage", "checksumAlgorithm"], "blake2"),
    expect: [issue("proxmox.cloudImage.checksumAlgorithm", "sha512")],
  },
  {
    name: "checksum that is not hex",
    base: "production",
    change: (c) => setAt(c, ["proxmox", "cloudImage", "checksum"], "z".repeat(128)),
    expect: [issue("proxmox.cloudImage.checksum", "must be a lowercase hex digest")],
  },
  ...["debian-12-standard_12.7-1_amd64.tar.zstd", "debian-12.img", "debian-12.zst"].map(
    (fileName): BadCase => ({
      name: `LXC template stored as ${fileName}`,
      base: "production",
      change: (c) => setAt(c, ["proxmox", "lxcTemplate", "fileName"], fileName),
      expect: [
        issue("proxmox.lxcTemplate.fileName", 'content "vztmpl" only under a name ending in'),
      ],
    }),
  ),
  ...[
    "debian-12-genericcloud-amd64.img",
    "debian-12.iso",
    "debian-12.QCOW2",
    "debian.qcow2.xz",
  ].map((fileName): BadCase => ({
    name: `cloud image stored as ${fileName}`,
    base: "staging",
    change: (c) => setAt(c, ["proxmox", "cloudImage", "fileName"], fileName),
    expect: [issue("proxmox.cloudImage.fileName", 'content "import" only under a name ending in')],
  })),
  {
    name: "cloud image file name with a space",
    base: "production",
    change: (c) => setAt(c, ["proxmox", "cloudImage", "fileName"], "debian 12.qcow2"),
    expect: [issue("proxmox.cloudImage.fileName", "may hold only letters")],
  },
  {
    name: "LXC template over plain http",
    base: "production",
    change: (c) =>
      setAt(
        c,
        ["proxmox", "lxcTemplate", "url"],
        "http://download.proxmox.com/images/system/debian-12-standard_12.7-1_amd64.tar.zst",
      ),
    expect: [issue("proxmox.lxcTemplate.url", "is plain http")],
  },
  {
    name: "cloud image over plain http",
    base: "staging",
    change: (c) =>
      setAt(
        c,
        ["proxmox", "cloudImage", "url"],
        "http://cloud.debian.org/images/cloud/bookworm/20250210-2019/debian-12-genericcloud-amd64-20250210-2019.qcow2",
      ),
    expect: [issue("proxmox.cloudImage.url", "is plain http")],
  },
  ...[
    "https://cloud-images.ubuntu.com/noble/current/noble-server-cloudimg-amd64.img",
    "https://cloud.debian.org/images/cloud/bookworm/latest/debian-12-genericcloud-amd64.qcow2",
    "https://cloud.debian.org/images/cloud/bookworm/daily/latest/debian-12-genericcloud-amd64-daily.qcow2",
    "https://example.com/images/debian-12-genericcloud-amd64-latest.qcow2",
  ].map((url): BadCase => ({
    name: `cloud image from a moving URL ${url}`,
    base: "production",
    change: (c) => setAt(c, ["proxmox", "cloudImage", "url"], url),
    expect: [issue("proxmox.cloudImage.url", "names a moving release")],
  })),
  {
    name: "LXC template from a moving URL",
    base: "staging",
    change: (c) =>
      setAt(
        c,
        ["proxmox", "lxcTemplate", "url"],
        "https://images.example.com/lxc/debian/current/rootfs.tar.xz",
      ),
    expect: [issue("proxmox.lxcTemplate.url", "names a moving release")],
  },

  // --- chart versions -----------------------------------------------------------------------------
  ...badVersions.map((version): BadCase => ({
    name: `chart version "${version}"`,
    base: "production",
    change: (c) => setAt(c, ["kubernetes", "charts"], { harbor: { version } }),
    expect: [issue("kubernetes.charts.harbor.version", "must be an exact version")],
  })),

  // --- reversed ranges ----------------------------------------------------------------------------
  {
    name: "reversed MetalLB pool",
    base: "production",
    change: (c) => setAt(c, ["kubernetes", "metallb", "addressPool"], ["10.30.0.250-10.30.0.200"]),
    expect: [
      issue(
        "kubernetes.metallb.addressPool[0]",
        "is reversed: 10.30.0.250 comes after 10.30.0.200",
      ),
    ],
  },
  {
    name: "reversed MetalLB pool in a second entry",
    base: "staging",
    change: (c) =>
      setAt(
        c,
        ["kubernetes", "metallb", "addressPool"],
        [
          ...(getAt(c, ["kubernetes", "metallb", "addressPool"]) as string[]),
          "10.130.0.190-10.130.0.180",
        ],
      ),
    expect: [issue("kubernetes.metallb.addressPool[1]", "is reversed")],
  },
  {
    name: "reversed port range in a forward rule",
    base: "production",
    change: (c) => appendPorts(c, 0, "9300-9200"),
    expect: [issue("firewall.forward[0].ports", "9300-9200 is a reversed port range")],
  },
  {
    name: "port above 65535 in a forward rule",
    base: "staging",
    change: (c) => appendPorts(c, 0, "70000"),
    expect: [issue("firewall.forward[0].ports", "70000 is not a port")],
  },

  // --- names in the internal zone -----------------------------------------------------------------
  {
    name: "two platform services on one hostname",
    base: "production",
    change: (c) =>
      setAt(
        c,
        ["kubernetes", "hostnames", "grafana"],
        getAt(c, ["kubernetes", "hostnames", "argocd"]),
      ),
    expect: [
      issue("kubernetes.hostnames.argocd", "is also baremetal:kubernetes.hostnames.grafana"),
    ],
  },
  {
    name: "guest named like a platform hostname",
    base: "production",
    change: (c) => setAt(c, ["guests", "@kibana-1", "name"], "grafana"),
    expect: [
      issue("guests[@kibana-1].name", "platform hostname baremetal:kubernetes.hostnames.grafana"),
    ],
  },
  {
    name: "host named like a platform hostname",
    base: "staging",
    change: (c) => {
      setAt(c, ["kubernetes", "hostnames", "harbor"], "pve-stg.stg.sp1.internal.example.com");
    },
    expect: [
      issue("hosts[@pve-stg].name", "platform hostname baremetal:kubernetes.hostnames.harbor"),
    ],
  },
  {
    name: "Kubernetes node outside a kubernetes network",
    base: "production",
    change: (c) => {
      setAt(c, ["guests", "@k8s-2", "network"], "services");
      setAt(c, ["guests", "@k8s-2", "ip"], "10.20.0.99");
    },
    expect: [
      issue(
        "guests[@k8s-2].network",
        'Kubernetes nodes belong on a network with purpose "kubernetes"',
      ),
    ],
  },

  // --- time zone ----------------------------------------------------------------------------------
  ...badTimeZones.map((timezone): BadCase => ({
    name: `time zone "${timezone}"`,
    base: "production",
    change: (c) => addAt(c, ["site", "timezone"], timezone),
    expect: [issue("site.timezone", "is not an IANA time zone")],
  })),
];

export const OPERATOR_GOOD_CASES: readonly GoodCase[] = [
  ...goodSchedules.map((schedule): GoodCase => ({
    name: `backup schedule "${schedule}"`,
    base: "production",
    change: (c) => setAt(c, ["proxmox", "backup", "schedule"], schedule),
  })),
  {
    name: "backup retention of monthly backups only",
    base: "staging",
    change: (c) =>
      setAt(c, ["proxmox", "backup"], {
        ...(getAt(c, ["proxmox", "backup"]) as object),
        keepDaily: 0,
        keepWeekly: 0,
        keepMonthly: 1,
      }),
  },
  ...goodTimeZones.map((timezone): GoodCase => ({
    name: `time zone "${timezone}"`,
    base: "staging",
    change: (c) => addAt(c, ["site", "timezone"], timezone),
  })),
  ...["1.19.1", "v1.19.1", "1.19.1-rc.1"].map((version): GoodCase => ({
    name: `chart version "${version}"`,
    base: "production",
    change: (c) => setAt(c, ["kubernetes", "charts"], { harbor: { version } }),
  })),
  {
    name: "uplink on a /31 link",
    base: "production",
    change: (c) => {
      setAt(c, ["uplinks", "@isp-a", "address"], "198.51.100.0/31");
      setAt(c, ["uplinks", "@isp-a", "gateway"], "198.51.100.1");
    },
  },
  {
    name: "a guest with as many vCPUs as its host has threads",
    base: "production",
    change: (c) => setAt(c, ["guests", "@k8s-1", "cores"], 128),
  },
  {
    name: "a sha256-pinned cloud image",
    base: "staging",
    change: (c) => {
      setAt(c, ["proxmox", "cloudImage", "checksumAlgorithm"], "sha256");
      setAt(c, ["proxmox", "cloudImage", "checksum"], "ab".repeat(32));
    },
  },
  {
    name: "a MetalLB pool given as a prefix",
    base: "production",
    change: (c) => setAt(c, ["kubernetes", "metallb", "addressPool"], ["10.30.0.192/27"]),
  },
];
