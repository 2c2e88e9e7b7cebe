/**
 * The corpus of stack configurations. Every bad case is a real stack file with one deliberate
 * change, the key path(s) that must be reported and a fragment of the message for each.
 */
import type { SecretKey } from "../../../components/config/schema";
import type { RawStackConfig } from "../../../components/config/validate";
import { addAt, getAt, removeAt, setAt, type StackName } from "../../support/stackConfig";
import { MONGODB_BAD_CASES, MONGODB_GOOD_CASES } from "./mongodbCases";
import { OPERATOR_BAD_CASES, OPERATOR_GOOD_CASES } from "./operatorCases";

export interface ExpectedIssue {
  path: string;
  message: string;
}

export interface BadCase {
  name: string;
  base: StackName;
  change: (raw: RawStackConfig) => void;
  /** Secrets that are set; all of them when omitted. */
  secrets?: readonly SecretKey[];
  expect: readonly ExpectedIssue[];
  /** Paths that may also be reported, as a direct consequence of the change. */
  alsoAllowed?: readonly string[];
}

export interface GoodCase {
  name: string;
  base: StackName;
  change: (raw: RawStackConfig) => void;
}

/**
 * `path` is a config key path without the namespace in which `[@name]` selects the list entry of
 * that name in the base stack (`guests[@k8s-1].ip`); `{…}` in `message` is such a path too.
 * Production: k8s-1, redis-1 and elasticsearch-1 share pve-04.
 */
const issue = (path: string, message: string): ExpectedIssue => ({
  path,
  message,
});

function appendTo(raw: RawStackConfig, segments: (string | number)[], value: unknown): void {
  const list = getAt(raw, segments);
  if (!Array.isArray(list)) throw new Error(`${segments.join(".")} is not a list`);
  list.push(value);
}

/**
 * Production's pve-04 (128 threads) with elasticsearch-1 at all 128 and k8s-1 at `k8sCores`
 * vCPUs, beside redis-1's 4: a load of 132 + `k8sCores` without any guest above the host.
 */
function onPve04(raw: RawStackConfig, k8sCores: number): void {
  setAt(raw, ["guests", "@elasticsearch-1", "cores"], 128);
  setAt(raw, ["guests", "@k8s-1", "cores"], k8sCores);
}

const CORE_BAD_CASES: readonly BadCase[] = [
  // --- wrong types and out-of-range values -------------------------------------------------
  {
    name: "VLAN id 4095",
    base: "production",
    change: (c) => setAt(c, ["networks", "@services", "vlanId"], 4095),
    expect: [issue("networks[@services].vlanId", "<=4094")],
  },
  {
    name: "VLAN id 1 (reserved default VLAN)",
    base: "staging",
    change: (c) => setAt(c, ["networks", "@services", "vlanId"], 1),
    expect: [issue("networks[@services].vlanId", ">=2")],
  },
  {
    name: "invalid management network",
    base: "production",
    change: (c) => setAt(c, ["networks", "@management", "vlanId"], 4095),
    expect: [issue("networks[@management].vlanId", "<=4094")],
  },
  {
    name: "negative cores",
    base: "production",
    change: (c) => setAt(c, ["guests", "@redis-1", "cores"], -2),
    expect: [issue("guests[@redis-1].cores", ">0")],
  },
  {
    name: "zero memory",
    base: "staging",
    change: (c) => setAt(c, ["guests", "@kibana-1", "memoryGb"], 0),
    expect: [issue("guests[@kibana-1].memoryGb", ">0")],
  },
  {
    name: "non-integer cores",
    base: "production",
    change: (c) => setAt(c, ["guests", "@zabbix-1", "cores"], 2.5),
    expect: [issue("guests[@zabbix-1].cores", "expected int")],
  },
  {
    name: "cores given as a string",
    base: "production",
    change: (c) => setAt(c, ["guests", "@mongo-1", "cores"], "15"),
    expect: [issue("guests[@mongo-1].cores", "expected number, received string")],
  },
  {
    name: "sockets given as a string",
    base: "staging",
    change: (c) => setAt(c, ["hosts", "@pve-stg", "sockets"], "2"),
    expect: [issue("hosts[@pve-stg].sockets", "expected number")],
  },
  {
    name: "networks given as an object",
    base: "staging",
    change: (c) => setAt(c, ["networks"], { management: "10.110.0.0/24" }),
    expect: [issue("networks", "expected array")],
  },
  {
    name: "VRRP priority 255",
    base: "production",
    change: (c) => setAt(c, ["routers", "@rtr-1", "vrrpPriority"], 255),
    expect: [issue("routers[@rtr-1].vrrpPriority", "<=254")],
  },
  {
    name: "CPU overcommit above 8",
    base: "production",
    change: (c) => setAt(c, ["capacity", "cpuOvercommit"], 9),
    expect: [issue("capacity.cpuOvercommit", "<=8")],
  },
  {
    name: "negative capacity reserve",
    base: "production",
    change: (c) => setAt(c, ["capacity", "reserve", "memoryGb"], -1),
    expect: [issue("capacity.reserve.memoryGb", ">=0")],
  },
  {
    name: "VMID below 100",
    base: "staging",
    change: (c) => setAt(c, ["guests", "@k8s-1", "vmId"], 99),
    expect: [issue("guests[@k8s-1].vmId", ">=100")],
  },
  {
    name: "unknown guest role",
    base: "production",
    change: (c) => setAt(c, ["guests", "@redis-1", "role"], "postgres"),
    expect: [issue("guests[@redis-1].role", "mongodb")],
  },
  {
    name: "unknown key in a guest",
    base: "production",
    change: (c) => addAt(c, ["guests", "@kibana-1", "disk"], 16),
    expect: [issue("guests[@kibana-1]", "disk")],
  },
  {
    name: "IP address with a prefix where a plain address is expected",
    base: "production",
    change: (c) => setAt(c, ["guests", "@redis-1", "ip"], "10.20.0.21/24"),
    expect: [issue("guests[@redis-1].ip", "must be an IPv4 address")],
  },
  {
    name: "network CIDR that is not a prefix",
    base: "staging",
    change: (c) => setAt(c, ["networks", "@services", "cidr"], "10.120.0.0"),
    expect: [issue("networks[@services].cidr", "must be an IPv4 prefix")],
  },
  {
    name: "router REST endpoint that is not http(s)",
    base: "production",
    change: (c) => setAt(c, ["routers", "@rtr-2", "restUrl"], "ftp://10.10.0.3"),
    expect: [issue("routers[@rtr-2].restUrl", "")],
  },
  {
    name: "unsupported Proxmox version",
    base: "production",
    change: (c) => setAt(c, ["proxmox", "version"], 7),
    expect: [issue("proxmox.version", "")],
  },
  {
    name: "SSH public key that is not a key",
    base: "staging",
    change: (c) => setAt(c, ["access", "sshPublicKeys", 0], "ops@baremetal"),
    expect: [issue("access.sshPublicKeys[0]", "")],
  },
  {
    name: "bridge name that is not vmbrN",
    base: "production",
    change: (c) => setAt(c, ["proxmox", "bridge", "name"], "br0"),
    expect: [issue("proxmox.bridge.name", "")],
  },

  // --- missing keys -------------------------------------------------------------------------
  {
    name: "missing site",
    base: "production",
    change: (c) => removeAt(c, ["site"]),
    expect: [issue("site", "is required")],
  },
  {
    name: "missing guest IP",
    base: "production",
    change: (c) => removeAt(c, ["guests", "@redis-1", "ip"]),
    expect: [issue("guests[@redis-1].ip", "is required")],
  },
  {
    name: "missing host memory",
    base: "production",
    change: (c) => removeAt(c, ["hosts", "@pve-03", "memoryGb"]),
    expect: [issue("hosts[@pve-03].memoryGb", "is required")],
  },
  {
    name: "missing access",
    base: "staging",
    change: (c) => removeAt(c, ["access"]),
    expect: [issue("access", "is required")],
  },
  {
    name: "missing secret",
    base: "production",
    change: () => undefined,
    secrets: ["proxmoxApiToken", "cloudflareApiToken", "sshPrivateKey"],
    expect: [issue("routerosPassword", "pulumi config set --secret")],
  },

  // --- names --------------------------------------------------------------------------------
  {
    name: "uppercase guest name",
    base: "production",
    change: (c) => setAt(c, ["guests", "@mongo-3", "name"], "Mongo-3"),
    expect: [issue("guests[@mongo-3].name", "must be a DNS label")],
  },
  {
    name: "underscore in a host name",
    base: "production",
    change: (c) => setAt(c, ["hosts", "@pve-02", "name"], "pve_02"),
    expect: [issue("hosts[@pve-02].name", "must be a DNS label")],
  },
  {
    name: "uppercase router name",
    base: "staging",
    change: (c) => setAt(c, ["routers", "@rtr-stg-2", "name"], "RTR-STG-2"),
    expect: [issue("routers[@rtr-stg-2].name", "must be a DNS label")],
  },
  {
    name: "uppercase internal zone",
    base: "production",
    change: (c) => setAt(c, ["site", "internalZone"], "SP1.internal.example.com"),
    expect: [issue("site.internalZone", "lowercase domain name")],
  },
  {
    name: "guest named like a host",
    base: "production",
    change: (c) => setAt(c, ["guests", "@kibana-1", "name"], "pve-05"),
    expect: [issue("guests[@kibana-1].name", 'name "pve-05" is already used')],
  },
  {
    name: "guest named like a router",
    base: "production",
    change: (c) => setAt(c, ["guests", "@zabbix-1", "name"], "rtr-1"),
    expect: [issue("guests[@zabbix-1].name", 'name "rtr-1" is already used')],
  },
  {
    name: "two guests with the same name",
    base: "staging",
    change: (c) => setAt(c, ["guests", "@mongo-2", "name"], "mongo-1"),
    expect: [issue("guests[@mongo-2].name", 'name "mongo-1" is already used')],
  },
  {
    name: "host named like a router",
    base: "staging",
    change: (c) => {
      setAt(c, ["hosts", "@pve-stg", "name"], "rtr-stg-1");
      // Keep the guests on it so the only problem is the name.
      const guests = getAt(c, ["guests"]);
      if (!Array.isArray(guests)) throw new Error("guests is not a list");
      guests.forEach((_, i) => setAt(c, ["guests", i, "host"], "rtr-stg-1"));
    },
    expect: [issue("hosts[@pve-stg].name", 'name "rtr-stg-1" is already used')],
  },
  // --- identifiers --------------------------------------------------------------------------
  {
    name: "duplicate VLAN id",
    base: "production",
    change: (c) => setAt(c, ["networks", "@kubernetes", "vlanId"], 20),
    expect: [issue("networks[@kubernetes].vlanId", "duplicate VLAN id 20")],
  },
  {
    name: "duplicate VMID",
    base: "production",
    change: (c) => setAt(c, ["guests", "@elasticsearch-1", "vmId"], 211),
    expect: [issue("guests[@elasticsearch-1].vmId", "duplicate VMID 211")],
  },
  {
    name: "duplicate datastore id on a host",
    base: "staging",
    change: (c) => setAt(c, ["hosts", "@pve-stg", "datastores", 2, "id"], "local"),
    expect: [issue("hosts[@pve-stg].datastores[@backup].id", 'duplicate datastore "local"')],
    // The backup datastore is gone, so the stateful guests have none.
    alsoAllowed: ["proxmox.backup.storage"],
  },
  {
    name: "two routers with the same VRRP priority",
    base: "production",
    change: (c) => setAt(c, ["routers", "@rtr-2", "vrrpPriority"], 200),
    expect: [issue("routers[@rtr-2].vrrpPriority", "different VRRP priorities")],
  },
  {
    name: "two uplinks with the same distance",
    base: "production",
    change: (c) => setAt(c, ["uplinks", "@isp-b", "distance"], 1),
    expect: [issue("uplinks[@isp-b].distance", "different distances")],
  },

  // --- networks and addresses --------------------------------------------------------------
  {
    name: "network CIDR with host bits",
    base: "production",
    change: (c) => setAt(c, ["networks", "@services", "cidr"], "10.20.0.5/24"),
    expect: [issue("networks[@services].cidr", "did you mean 10.20.0.0/24")],
  },
  {
    name: "overlapping networks",
    base: "production",
    change: (c) => setAt(c, ["networks", "@storage", "cidr"], "10.0.0.0/10"),
    expect: [
      issue("networks[@storage].cidr", 'overlaps network "management"'),
      issue("networks[@storage].cidr", 'overlaps network "services"'),
      issue("networks[@storage].cidr", 'overlaps network "kubernetes"'),
    ],
  },
  {
    name: "no management network",
    base: "staging",
    change: (c) => setAt(c, ["networks", "@management", "purpose"], "services"),
    expect: [issue("networks", 'purpose "management"')],
  },
  {
    name: "guest IP outside its network",
    base: "production",
    change: (c) => setAt(c, ["guests", "@redis-1", "ip"], "10.30.0.21"),
    expect: [issue("guests[@redis-1].ip", 'outside network "services" (10.20.0.0/24)')],
  },
  {
    name: "host management IP outside the management network",
    base: "production",
    change: (c) => setAt(c, ["hosts", "@pve-05", "managementIp"], "10.20.0.15"),
    expect: [issue("hosts[@pve-05].managementIp", 'outside network "management"')],
  },
  {
    name: "gateway outside its network",
    base: "staging",
    change: (c) => setAt(c, ["networks", "@kubernetes", "gateway"], "10.131.0.1"),
    expect: [issue("networks[@kubernetes].gateway", 'outside network "kubernetes"')],
  },
  {
    name: "guest IP equal to the network address",
    base: "production",
    change: (c) => setAt(c, ["guests", "@redis-1", "ip"], "10.20.0.0"),
    expect: [issue("guests[@redis-1].ip", "network or broadcast address of 10.20.0.0/24")],
  },
  {
    name: "guest IP equal to the broadcast address",
    base: "staging",
    change: (c) => setAt(c, ["guests", "@k8s-1", "ip"], "10.130.0.255"),
    expect: [issue("guests[@k8s-1].ip", "network or broadcast address of 10.130.0.0/24")],
  },
  {
    name: "gateway equal to the broadcast address",
    base: "production",
    change: (c) => setAt(c, ["networks", "@management", "gateway"], "10.10.0.255"),
    expect: [issue("networks[@management].gateway", "network or broadcast address")],
  },
  {
    name: "IP duplicated across guests",
    base: "production",
    change: (c) => setAt(c, ["guests", "@zabbix-1", "ip"], "10.20.0.21"),
    expect: [issue("guests[@zabbix-1].ip", "already an address at {guests[@redis-1].ip}")],
  },
  {
    name: "guest IP equal to the gateway (VRRP address)",
    base: "production",
    change: (c) => setAt(c, ["guests", "@kibana-1", "ip"], "10.20.0.1"),
    expect: [
      issue(
        "guests[@kibana-1].ip",
        "already the gateway / VRRP address at {networks[@services].gateway}",
      ),
    ],
  },
  {
    name: "router address equal to the gateway",
    base: "production",
    change: (c) => setAt(c, ["routers", "@rtr-2", "addresses", "kubernetes"], "10.30.0.1"),
    expect: [
      issue(
        "routers[@rtr-2].addresses.kubernetes",
        "already the gateway / VRRP address at {networks[@kubernetes].gateway}",
      ),
    ],
  },
  {
    name: "guest IP equal to a router address",
    base: "staging",
    change: (c) => setAt(c, ["guests", "@k8s-1", "ip"], "10.130.0.3"),
    expect: [
      issue(
        "guests[@k8s-1].ip",
        "already an address at {routers[@rtr-stg-2].addresses.kubernetes}",
      ),
    ],
  },
  {
    name: "host management IP equal to a router address",
    base: "production",
    change: (c) => setAt(c, ["hosts", "@pve-01", "managementIp"], "10.10.0.2"),
    expect: [
      issue("hosts[@pve-01].managementIp", "already an address at {routers[@rtr-1].addresses}"),
    ],
  },

  // --- routers and uplinks ------------------------------------------------------------------
  {
    name: "router without an address in a network",
    base: "production",
    change: (c) => removeAt(c, ["routers", "@rtr-2", "addresses", "storage"]),
    expect: [issue("routers[@rtr-2].addresses", 'has no address in network "storage"')],
  },
  {
    name: "router address in an undeclared network",
    base: "production",
    change: (c) => addAt(c, ["routers", "@rtr-1", "addresses", "dmz"], "10.50.0.2"),
    expect: [issue("routers[@rtr-1].addresses.dmz", 'network "dmz" is not declared')],
  },
  {
    name: "uplink on an unknown router",
    base: "production",
    change: (c) => setAt(c, ["uplinks", "@isp-b", "router"], "rtr-3"),
    expect: [issue("uplinks[@isp-b].router", 'router "rtr-3" is not declared')],
  },
  {
    name: "uplink gateway outside its link",
    base: "production",
    change: (c) => setAt(c, ["uplinks", "@isp-a", "gateway"], "198.51.100.5"),
    expect: [issue("uplinks[@isp-a].gateway", "outside the link 198.51.100.0/30")],
  },
  {
    name: "three routers",
    base: "production",
    change: (c) =>
      appendTo(c, ["routers"], {
        ...(getAt(c, ["routers", "@rtr-2"]) as Record<string, unknown>),
        name: "rtr-3",
        restUrl: "https://10.10.0.4",
        vrrpPriority: 50,
        addresses: {
          management: "10.10.0.4",
          services: "10.20.0.4",
          kubernetes: "10.30.0.4",
          storage: "10.40.0.4",
        },
      }),
    expect: [issue("routers", "exactly 2 routers")],
  },
  {
    name: "one uplink",
    base: "staging",
    change: (c) => removeAt(c, ["uplinks", "@isp-b"]),
    expect: [issue("uplinks", "exactly 2 uplinks")],
  },
  {
    name: "no networks",
    base: "staging",
    change: (c) => setAt(c, ["networks"], []),
    expect: [issue("networks", ">=1")],
  },

  // --- references ---------------------------------------------------------------------------
  {
    name: "guest on an unknown host",
    base: "production",
    change: (c) => setAt(c, ["guests", "@kibana-1", "host"], "pve-06"),
    expect: [issue("guests[@kibana-1].host", 'host "pve-06" is not declared')],
  },
  {
    name: "guest in an unknown network",
    base: "production",
    change: (c) => setAt(c, ["guests", "@kibana-1", "network"], "dmz"),
    expect: [issue("guests[@kibana-1].network", 'network "dmz" is not declared')],
  },
  {
    name: "guest disk on an unknown datastore",
    base: "production",
    change: (c) => setAt(c, ["guests", "@redis-1", "dataDisk", "datastore"], "ssd"),
    expect: [
      issue("guests[@redis-1].dataDisk.datastore", 'datastore "ssd" does not exist on host pve-04'),
    ],
  },
  {
    name: "container root disk on a datastore without rootdir",
    base: "production",
    change: (c) => setAt(c, ["guests", "@redis-1", "rootDisk", "datastore"], "local"),
    expect: [issue("guests[@redis-1].rootDisk.datastore", 'does not allow content "rootdir"')],
  },
  {
    name: "VM disk on a datastore without images",
    base: "staging",
    change: (c) => setAt(c, ["hosts", "@pve-stg", "datastores", 1, "content"], ["rootdir"]),
    expect: [issue("guests[@k8s-1].rootDisk.datastore", 'does not allow content "images"')],
  },
  {
    name: "Kubernetes node with a data disk",
    base: "production",
    change: (c) =>
      addAt(c, ["guests", "@k8s-2", "dataDisk"], {
        datastore: "nvme",
        sizeGb: 100,
        mountPath: "/var/lib/data",
      }),
    expect: [issue("guests[@k8s-2].dataDisk", "stateless")],
  },
  {
    name: "image datastore without snippets",
    base: "production",
    change: (c) =>
      setAt(c, ["hosts", "@pve-03", "datastores", 0, "content"], ["iso", "vztmpl", "import"]),
    expect: [issue("hosts[@pve-03].datastores", 'must allow content "snippets"')],
  },
  {
    name: "image datastore that does not exist",
    base: "staging",
    change: (c) => setAt(c, ["proxmox", "imageDatastore"], "images"),
    expect: [issue("hosts[@pve-stg].datastores", 'has no image datastore "images"')],
  },
  {
    name: "backup storage that does not allow backups",
    base: "staging",
    change: (c) => setAt(c, ["proxmox", "backup", "storage"], "local-lvm"),
    expect: [issue("proxmox.backup.storage", "is not a backup datastore on host pve-stg")],
  },

  // --- capacity -----------------------------------------------------------------------------
  {
    // pve-04: (2 × 32 × 2 threads − 4 reserved) × 2 = 248 vCPUs; redis 4 + elastic 128 + k8s 118.
    // No single guest has more vCPUs than the host's 128 threads (Proxmox refuses that).
    name: "CPU over capacity",
    base: "production",
    change: (c) => onPve04(c, 118),
    expect: [issue("hosts[@pve-04]", "needs 250 vCPUs but has 248")],
  },
  {
    // 170 vCPUs fit 248 with overcommit 2 (see the good cases), not 124 without overcommit.
    name: "CPU over capacity without overcommit",
    base: "production",
    change: (c) => {
      onPve04(c, 38);
      setAt(c, ["capacity", "cpuOvercommit"], 1);
    },
    expect: [issue("hosts[@pve-04]", "needs 170 vCPUs but has 124")],
  },
  {
    // 170 vCPUs fit (128 − 40) × 2 = 176 (good cases), not (128 − 50) × 2 = 156.
    name: "CPU over capacity with a larger host reserve",
    base: "production",
    change: (c) => {
      onPve04(c, 38);
      setAt(c, ["capacity", "reserve", "cores"], 50);
    },
    expect: [issue("hosts[@pve-04]", "needs 170 vCPUs but has 156")],
  },
  {
    // pve-04: 512 − 32 = 480 GB; redis 16 + elastic 64 + k8s 401.
    name: "RAM over capacity",
    base: "production",
    change: (c) => setAt(c, ["guests", "@k8s-1", "memoryGb"], 401),
    expect: [issue("hosts[@pve-04].memoryGb", "needs 481 GB RAM but has 480")],
  },
  {
    name: "RAM is not overcommitted with the CPU",
    base: "production",
    change: (c) => {
      setAt(c, ["guests", "@k8s-1", "memoryGb"], 401);
      setAt(c, ["capacity", "cpuOvercommit"], 8);
    },
    expect: [issue("hosts[@pve-04].memoryGb", "needs 481 GB RAM but has 480")],
  },
  {
    name: "RAM over capacity with a larger host reserve",
    base: "production",
    change: (c) => {
      setAt(c, ["guests", "@k8s-1", "memoryGb"], 400);
      setAt(c, ["capacity", "reserve", "memoryGb"], 33);
    },
    expect: [issue("hosts[@pve-04].memoryGb", "needs 480 GB RAM but has 479")],
  },
  {
    // pve-04 nvme: 7000 − 50 = 6950 GB; redis 64 + elastic 6687 + k8s 200.
    name: "disk over capacity",
    base: "production",
    // pve-01 runs no Kubernetes node, so no room is kept there for the platform's volumes.
    change: (c) => setAt(c, ["guests", "@mongo-1", "dataDisk", "sizeGb"], 6951),
    expect: [
      issue(
        "hosts[@pve-01].datastores[@nvme].sizeGb",
        'datastore "nvme" needs 6951 GB but has 6950',
      ),
    ],
  },
  {
    name: "disk over capacity with a larger host reserve",
    base: "production",
    change: (c) => {
      setAt(c, ["guests", "@mongo-1", "dataDisk", "sizeGb"], 6950);
      setAt(c, ["capacity", "reserve", "diskGb"], 51);
    },
    expect: [issue("hosts[@pve-01].datastores[@nvme].sizeGb", "needs 6950 GB but has 6949")],
  },
  {
    name: "staging host over its RAM",
    base: "staging",
    change: (c) => setAt(c, ["guests", "@k8s-1", "memoryGb"], 200),
    expect: [issue("hosts[@pve-stg].memoryGb", "GB RAM but has 240 after the reserve")],
  },

  // --- placement ----------------------------------------------------------------------------
  {
    name: "two MongoDB members on one host",
    base: "production",
    change: (c) => setAt(c, ["guests", "@mongo-3", "host"], "pve-01"),
    expect: [
      issue("guests[@mongo-3].host", 'mongodb member "mongo-3" shares host pve-01 with "mongo-1"'),
    ],
  },
  {
    name: "staging without MongoDB co-location",
    base: "staging",
    change: (c) => setAt(c, ["placement", "allowColocation"], []),
    expect: [
      issue("guests[@mongo-2].host", 'shares host pve-stg with "mongo-1"'),
      issue("guests[@mongo-3].host", 'shares host pve-stg with "mongo-1"'),
    ],
  },
  {
    name: "two control-plane nodes on one host",
    base: "production",
    change: (c) => setAt(c, ["guests", "@k8s-3", "host"], "pve-04"),
    expect: [
      issue("guests[@k8s-3].host", 'kubernetes-control-plane member "k8s-3" shares host pve-04'),
    ],
  },
  {
    name: "MongoDB co-location does not allow control-plane co-location",
    base: "production",
    change: (c) => {
      setAt(c, ["guests", "@k8s-3", "host"], "pve-04");
      setAt(c, ["placement", "allowColocation"], ["mongodb"]);
    },
    expect: [issue("guests[@k8s-3].host", "kubernetes-control-plane")],
  },
  {
    name: "even number of MongoDB members",
    base: "production",
    // Not redis-1: Harbor names it as its Redis, which would be a second problem.
    change: (c) => setAt(c, ["guests", "@zabbix-1", "role"], "mongodb"),
    expect: [issue("guests", "has 4 members")],
  },
  {
    name: "no Kubernetes control plane",
    base: "staging",
    change: (c) => setAt(c, ["guests", "@k8s-1", "role"], "k8s-worker"),
    expect: [issue("guests", "k8s-control-plane")],
    alsoAllowed: ["kubernetes.controlPlaneNodes"],
  },
  {
    name: "allowReplace naming an unknown guest",
    base: "production",
    change: (c) => setAt(c, ["placement", "allowReplace"], ["mongo-1", "mongo-9"]),
    expect: [issue("placement.allowReplace[1]", 'guest "mongo-9" is not declared')],
  },
  {
    name: "unknown co-location group",
    base: "production",
    change: (c) => setAt(c, ["placement", "allowColocation"], ["mongodb", "redis"]),
    expect: [issue("placement.allowColocation[1]", "")],
  },
  // --- Kubernetes and firewall cross-checks ---------------------------------------------------
  {
    name: "control-plane count differs from the guests",
    base: "staging",
    change: (c) => setAt(c, ["kubernetes", "controlPlaneNodes"], 3),
    expect: [
      issue("kubernetes.controlPlaneNodes", "baremetal:guests has 1 k8s-control-plane nodes"),
    ],
  },
  {
    name: "Kubernetes API address taken by a guest",
    base: "production",
    change: (c) => setAt(c, ["kubernetes", "api", "address"], "10.30.0.12"),
    expect: [issue("kubernetes.api.address", "already used at {guests[@k8s-2].ip}")],
  },
  {
    name: "Kubernetes API address outside the Kubernetes network",
    base: "production",
    change: (c) => setAt(c, ["kubernetes", "api", "address"], "10.20.0.200"),
    expect: [issue("kubernetes.api.address", 'not a usable address of network "kubernetes"')],
  },
  {
    name: "keepalived VRRP id equal to the routers' on the Kubernetes VLAN",
    base: "production",
    change: (c) => setAt(c, ["kubernetes", "api", "vrrp", "virtualRouterId"], 30),
    expect: [
      issue("kubernetes.api.vrrp.virtualRouterId", 'routers\' VRRP id on network "kubernetes"'),
    ],
  },
  {
    name: "MetalLB pool outside the Kubernetes network",
    base: "production",
    change: (c) => setAt(c, ["kubernetes", "metallb", "addressPool"], ["10.20.0.200-10.20.0.210"]),
    expect: [issue("kubernetes.metallb.addressPool[0]", 'not inside network "kubernetes"')],
  },
  {
    name: "MetalLB pool covering a node address",
    base: "staging",
    change: (c) => setAt(c, ["kubernetes", "metallb", "addressPool"], ["10.130.0.0/27"]),
    expect: [
      issue(
        "kubernetes.metallb.addressPool[0]",
        "contains 10.130.0.1, used at {networks[@kubernetes].gateway}",
      ),
      issue(
        "kubernetes.metallb.addressPool[0]",
        "contains 10.130.0.11, used at {guests[@k8s-1].ip}",
      ),
    ],
    alsoAllowed: ["kubernetes.metallb.addressPool[0]"],
  },
  {
    name: "forward rule naming an unknown network",
    base: "production",
    change: (c) => setAt(c, ["firewall", "forward", 0, "to"], "databases"),
    expect: [issue("firewall.forward[0].to", 'network "databases" is not declared')],
    // The rule carried the cluster's traffic to Harbor's services, now reported as missing.
    alsoAllowed: ["firewall.forward"],
  },
  {
    name: "forward rule with ports but no protocol",
    base: "production",
    change: (c) => removeAt(c, ["firewall", "forward", 0, "protocol"]),
    expect: [issue("firewall.forward[0].ports", "ports need protocol tcp or udp")],
  },
  {
    name: "management allowed from an unknown network",
    base: "staging",
    change: (c) => setAt(c, ["firewall", "managementFrom"], ["office", "management"]),
    expect: [issue("firewall.managementFrom[0]", 'network "office" is not declared')],
  },

  // --- Kubernetes storage ----------------------------------------------------------------------
  {
    name: "CSI datastore missing on a host that runs a Kubernetes node",
    base: "production",
    change: (c) => setAt(c, ["kubernetes", "storage", "proxmoxCsi", "datastore"], "ssd"),
    expect: [
      issue("kubernetes.storage.proxmoxCsi.datastore", "ssd is not a datastore of pve-02"),
      issue("kubernetes.storage.proxmoxCsi.datastore", "ssd is not a datastore of pve-04"),
      issue("kubernetes.storage.proxmoxCsi.datastore", "ssd is not a datastore of pve-05"),
    ],
  },
  {
    name: "CSI datastore that holds no VM disks",
    base: "production",
    change: (c) => setAt(c, ["kubernetes", "storage", "proxmoxCsi", "datastore"], "local"),
    expect: [
      issue(
        "kubernetes.storage.proxmoxCsi.datastore",
        'local on pve-02 must be a block datastore with content "images"',
      ),
      issue(
        "kubernetes.storage.proxmoxCsi.datastore",
        'local on pve-04 must be a block datastore with content "images"',
      ),
      issue(
        "kubernetes.storage.proxmoxCsi.datastore",
        'local on pve-05 must be a block datastore with content "images"',
      ),
    ],
  },
  {
    name: "storage class that nothing in the program provides",
    base: "production",
    change: (c) => removeAt(c, ["kubernetes", "storage", "proxmoxCsi"]),
    expect: [
      issue(
        "kubernetes.storage.proxmoxCsi",
        `storage class "proxmox-nvme" is created by the Proxmox CSI plugin`,
      ),
    ],
  },
  {
    name: "platform volumes larger than the free CSI datastore of a node's host",
    base: "production",
    change: (c) => setAt(c, ["kubernetes", "monitoring", "prometheusStorage"], "2Ti"),
    expect: [
      issue(
        "kubernetes.storage.proxmoxCsi.datastore",
        "pve-05 has 2454 GB free on nvme after its guests; the platform's volumes need up to 4443 GB there",
      ),
    ],
  },
  {
    name: "a node's host filled to the last GB, with no room for the platform's volumes",
    base: "production",
    change: (c) => setAt(c, ["guests", "@elasticsearch-1", "dataDisk", "sizeGb"], 6686),
    expect: [
      issue(
        "kubernetes.storage.proxmoxCsi.datastore",
        "pve-04 has 0 GB free on nvme after its guests; the platform's volumes need up to 259 GB there",
      ),
    ],
  },
  {
    name: "CA issuer root valid for more than 30 years",
    base: "staging",
    change: (c) => setAt(c, ["kubernetes", "issuers", 0, "validityYears"], 50),
    expect: [issue("kubernetes.issuers[0].validityYears", "<=30")],
  },

  {
    name: "forward rule comments that differ only in case and punctuation",
    base: "production",
    change: (c) => setAt(c, ["firewall", "forward", 4, "comment"], "Operators to services!"),
    expect: [
      issue("firewall.forward[4].comment", 'duplicate rule comment "Operators to services!"'),
    ],
  },
  {
    name: "no rule lets the CSI plugin reach the Proxmox API",
    base: "production",
    change: (c) => removeAt(c, ["firewall", "forward", 2]),
    expect: [
      issue(
        "firewall.forward",
        "no rule lets kubernetes reach management on tcp 8006 (the Proxmox CSI plugin to the Proxmox API, 10.10.0.11)",
      ),
    ],
  },
  {
    name: "no rule lets the Zabbix server poll its agents on the nodes",
    base: "production",
    change: (c) => removeAt(c, ["firewall", "forward", 1]),
    expect: [
      issue(
        "firewall.forward",
        "no rule lets services reach kubernetes on tcp 10050 (the Zabbix server to its agents on the nodes (passive checks), 10.20.0.31)",
      ),
    ],
  },
  {
    name: "Harbor's database port missing from the cluster's forward rule",
    base: "staging",
    change: (c) =>
      setAt(c, ["firewall", "forward", 0, "ports"], "27017,6379,3900,9200,10051,9216,9121,9100"),
    expect: [
      issue(
        "firewall.forward",
        "no rule lets kubernetes reach services on tcp 5432 (Harbor to PostgreSQL, 10.120.0.51)",
      ),
    ],
  },

  // --- data disks and Harbor's external services ---------------------------------------------
  {
    name: "stateful guest without a data disk",
    base: "staging",
    change: (c) => removeAt(c, ["guests", "@redis-1", "dataDisk"]),
    expect: [issue("guests[@redis-1].dataDisk", "is required: redis is stateful")],
  },
  {
    name: "object store without a data disk",
    base: "production",
    change: (c) => removeAt(c, ["guests", "@objects-1", "dataDisk"]),
    expect: [issue("guests[@objects-1].dataDisk", "is required: objectstore is stateful")],
  },
  {
    name: "Harbor's S3 endpoint on a store that no guest is",
    base: "production",
    change: (c) =>
      setAt(
        c,
        ["kubernetes", "harbor", "imageStorage", "regionendpoint"],
        "https://objects.sp1.internal.example.com",
      ),
    expect: [
      issue(
        "kubernetes.harbor.imageStorage.regionendpoint",
        "objects.sp1.internal.example.com is not the internal DNS name (<guest>.sp1.internal.example.com) of a guest with role objectstore; declared: objects-1.sp1.internal.example.com",
      ),
    ],
  },
  {
    name: "Harbor's S3 endpoint on a guest of another role",
    base: "production",
    change: (c) =>
      setAt(
        c,
        ["kubernetes", "harbor", "imageStorage", "regionendpoint"],
        "https://redis-1.sp1.internal.example.com:3900",
      ),
    expect: [
      issue(
        "kubernetes.harbor.imageStorage.regionendpoint",
        'is guest "redis-1" with role redis; Harbor needs a guest with role objectstore',
      ),
    ],
  },
  {
    name: "Harbor's S3 endpoint in the other stack's zone",
    base: "staging",
    change: (c) =>
      setAt(
        c,
        ["kubernetes", "harbor", "imageStorage", "regionendpoint"],
        "https://objects-1.sp1.internal.example.com:3900",
      ),
    expect: [
      issue(
        "kubernetes.harbor.imageStorage.regionendpoint",
        "(<guest>.stg.sp1.internal.example.com) of a guest with role objectstore",
      ),
    ],
  },
  {
    name: "Harbor's blobs on S3 without an object store guest",
    base: "staging",
    change: (c) => removeAt(c, ["guests", "@objects-1"]),
    expect: [
      issue(
        "kubernetes.harbor.imageStorage.regionendpoint",
        "declare one in baremetal:guests with role objectstore",
      ),
    ],
  },
  {
    name: "the object store guest given another role",
    base: "production",
    change: (c) => setAt(c, ["guests", "@objects-1", "role"], "kibana"),
    expect: [
      issue(
        "kubernetes.harbor.imageStorage.regionendpoint",
        'is guest "objects-1" with role kibana',
      ),
    ],
  },
  {
    // Zabbix keeps its own PostgreSQL, which makes this an easy slip.
    name: "Harbor's database on a guest that is not its PostgreSQL",
    base: "production",
    change: (c) =>
      setAt(c, ["kubernetes", "harbor", "database", "host"], "zabbix-1.sp1.internal.example.com"),
    expect: [
      issue(
        "kubernetes.harbor.database.host",
        'is guest "zabbix-1" with role zabbix; Harbor needs a guest with role postgresql',
      ),
    ],
  },
  {
    name: "Harbor's database host that no guest answers to",
    base: "staging",
    change: (c) =>
      setAt(
        c,
        ["kubernetes", "harbor", "database", "host"],
        "postgres.stg.sp1.internal.example.com",
      ),
    expect: [
      issue("kubernetes.harbor.database.host", "declared: postgres-1.stg.sp1.internal.example.com"),
    ],
  },
  {
    name: "Harbor's Redis in the other stack's zone",
    base: "production",
    change: (c) =>
      setAt(
        c,
        ["kubernetes", "harbor", "redis", "addr"],
        "redis-1.stg.sp1.internal.example.com:6379",
      ),
    expect: [
      issue(
        "kubernetes.harbor.redis.addr",
        "redis-1.stg.sp1.internal.example.com is not the internal DNS name (<guest>.sp1.internal.example.com) of a guest with role redis",
      ),
    ],
  },
  {
    name: "Harbor's Redis given by address instead of name",
    base: "staging",
    change: (c) => setAt(c, ["kubernetes", "harbor", "redis", "addr"], "10.120.0.21:6379"),
    expect: [issue("kubernetes.harbor.redis.addr", "10.120.0.21 is not the internal DNS name")],
  },
  {
    name: "all of Harbor's external services misplaced, reported together",
    base: "production",
    change: (c) => {
      setAt(
        c,
        ["kubernetes", "harbor", "imageStorage", "regionendpoint"],
        "https://s3.example.com",
      );
      setAt(c, ["kubernetes", "harbor", "database", "host"], "mongo-1.sp1.internal.example.com");
      setAt(c, ["kubernetes", "harbor", "redis", "addr"], "cache.sp1.internal.example.com:6379");
    },
    expect: [
      issue("kubernetes.harbor.imageStorage.regionendpoint", "role objectstore"),
      issue("kubernetes.harbor.database.host", 'is guest "mongo-1" with role mongodb'),
      issue("kubernetes.harbor.redis.addr", "declared: redis-1.sp1.internal.example.com"),
    ],
  },
];

const CORE_GOOD_CASES: readonly GoodCase[] = [
  {
    name: "CPU fits with overcommit 2",
    base: "production",
    change: (c) => onPve04(c, 38),
  },
  {
    name: "CPU fits with a host reserve of 40 cores",
    base: "production",
    change: (c) => {
      onPve04(c, 38);
      setAt(c, ["capacity", "reserve", "cores"], 40);
    },
  },
  {
    name: "CPU exactly at capacity",
    base: "production",
    change: (c) => onPve04(c, 116),
  },
  {
    name: "RAM exactly at capacity",
    base: "production",
    change: (c) => setAt(c, ["guests", "@k8s-1", "memoryGb"], 400),
  },
  {
    name: "disk exactly at capacity",
    base: "production",
    change: (c) => setAt(c, ["guests", "@mongo-1", "dataDisk", "sizeGb"], 6950),
  },
  {
    name: "MongoDB members share a host with allowColocation",
    base: "production",
    change: (c) => {
      setAt(c, ["guests", "@mongo-3", "host"], "pve-01");
      setAt(c, ["placement", "allowColocation"], ["mongodb"]);
    },
  },
  {
    name: "control-plane nodes share a host with allowColocation",
    base: "production",
    change: (c) => {
      setAt(c, ["guests", "@k8s-3", "host"], "pve-04");
      setAt(c, ["placement", "allowColocation"], ["kubernetes-control-plane"]);
    },
  },
  {
    name: "a stateful guest allowed to be replaced",
    base: "staging",
    change: (c) => setAt(c, ["placement", "allowReplace"], ["mongo-2"]),
  },
  {
    name: "placement omitted (defaults)",
    base: "production",
    change: (c) => removeAt(c, ["placement"]),
  },
  {
    name: "Harbor's blobs on a PVC need no object store guest",
    base: "production",
    change: (c) => {
      removeAt(c, ["guests", "@objects-1"]);
      setAt(c, ["kubernetes", "harbor", "imageStorage"], {
        type: "pvc",
        storageClass: getAt(c, ["kubernetes", "storage", "storageClass"]),
        size: "500Gi",
      });
    },
  },
  {
    name: "Harbor's S3 endpoint may name any object store guest",
    base: "production",
    change: (c) => {
      appendTo(c, ["guests"], {
        ...(getAt(c, ["guests", "@objects-1"]) as Record<string, unknown>),
        name: "objects-2",
        host: "pve-01",
        vmId: 252,
        ip: "10.20.0.62",
      });
      setAt(
        c,
        ["kubernetes", "harbor", "imageStorage", "regionendpoint"],
        "https://objects-2.sp1.internal.example.com:3900",
      );
    },
  },
  {
    name: "Harbor's service hosts compare case-insensitively, as DNS names do",
    base: "staging",
    change: (c) =>
      setAt(
        c,
        ["kubernetes", "harbor", "database", "host"],
        "Postgres-1.STG.sp1.internal.example.com",
      ),
  },
];

export const BAD_CASES: readonly BadCase[] = [
  ...CORE_BAD_CASES,
  ...OPERATOR_BAD_CASES,
  ...MONGODB_BAD_CASES,
];
export const GOOD_CASES: readonly GoodCase[] = [
  ...CORE_GOOD_CASES,
  ...OPERATOR_GOOD_CASES,
  ...MONGODB_GOOD_CASES,
];
