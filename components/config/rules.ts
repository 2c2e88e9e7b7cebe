/**
 * Cross-field rules of a stack configuration. Each rule looks at the sections that parsed and
 * reports every violation it finds with the config key path to fix, so one run lists everything.
 */
import {
  contains,
  inPool,
  isIpv4Address,
  poolBounds,
  isNetworkAddressForm,
  isReservedInNetwork,
  networkOf,
  overlaps,
  hostPart,
} from "./addressing";
import { capacityReport } from "./capacity";
import { type ConfigIssue, keyPath } from "./issues";
import { ROLE_TRAITS, isStateful, kindOf } from "./roles";
import type { StackConfig } from "./schema";
import { vrrpIdOf } from "./vrrp";

/**
 * The sections that parsed. An array section with invalid entries is passed with its valid
 * entries only and listed in `partial`, so that a reference to a dropped entry is not reported
 * twice (once for the entry, once as "not declared").
 */
type Sections = Partial<StackConfig> & {
  partial?: ReadonlySet<string>;
  /** For a partial section: position of each kept entry in the stack file's list. */
  originalIndex?: Readonly<Record<string, readonly number[]>>;
};
interface Report {
  (segments: PropertyKey[], message: string): void;
  /** The config key path of `segments`, as written in the stack file. */
  pathOf(segments: PropertyKey[]): string;
}

function duplicates<T>(
  items: T[],
  keyOf: (item: T) => string,
  report: (index: number, key: string) => void,
) {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else report(index, key);
  });
}

function networkRules({ networks }: Sections, report: Report): void {
  if (!networks) return;
  duplicates(
    networks,
    (n) => n.name,
    (i, key) => report(["networks", i, "name"], `duplicate network name "${key}"`),
  );
  duplicates(
    networks,
    (n) => String(n.vlanId),
    (i, key) => report(["networks", i, "vlanId"], `duplicate VLAN id ${key}`),
  );
  networks.forEach((network, i) => {
    if (!isNetworkAddressForm(network.cidr)) {
      report(
        ["networks", i, "cidr"],
        `has host bits set; did you mean ${networkOf(network.cidr)}?`,
      );
    }
    networks.slice(0, i).forEach((other) => {
      if (overlaps(network.cidr, other.cidr)) {
        report(["networks", i, "cidr"], `overlaps network "${other.name}" (${other.cidr})`);
      }
    });
  });
}

interface Assignment {
  segments: PropertyKey[];
  network: string;
  /** Where the network is named, when that is not `segments` itself (a guest's `network`). */
  networkSegments?: PropertyKey[];
  address: string;
  isGateway: boolean;
}

/** Every address the stack assigns inside its networks, with where it is configured. */
function assignments({ networks, routers, hosts, guests }: Sections): Assignment[] {
  const all: Assignment[] = [];
  networks?.forEach((n, i) =>
    all.push({
      segments: ["networks", i, "gateway"],
      network: n.name,
      address: n.gateway,
      isGateway: true,
    }),
  );
  routers?.forEach((r, i) =>
    Object.entries(r.addresses).forEach(([network, address]) =>
      all.push({
        segments: ["routers", i, "addresses", network],
        network,
        address,
        isGateway: false,
      }),
    ),
  );
  const management = networks?.find((n) => n.purpose === "management");
  hosts?.forEach((h, i) => {
    if (management) {
      all.push({
        segments: ["hosts", i, "managementIp"],
        network: management.name,
        address: h.managementIp,
        isGateway: false,
      });
    }
  });
  guests?.forEach((g, i) =>
    all.push({
      segments: ["guests", i, "ip"],
      network: g.network,
      networkSegments: ["guests", i, "network"],
      address: g.ip,
      isGateway: false,
    }),
  );
  return all;
}

function addressRules(sections: Sections, report: Report): void {
  const { networks } = sections;
  if (!networks) return;
  // When entries were dropped, the management network may be one of them: reported already.
  if (!networks.some((n) => n.purpose === "management") && !sections.partial?.has("networks")) {
    report(
      ["networks"],
      'one network must have purpose "management" (host management addresses live there)',
    );
  }
  // The first declaration of a name wins; a duplicate is reported once, by networkRules.
  const byName = new Map([...networks].reverse().map((n) => [n.name, n]));
  const owners = new Map<string, Assignment>();
  for (const assignment of assignments(sections)) {
    const network = byName.get(assignment.network);
    if (!network) {
      if (sections.partial?.has("networks")) continue;
      report(
        assignment.networkSegments ?? assignment.segments,
        `network "${assignment.network}" is not declared in baremetal:networks`,
      );
      continue;
    }
    if (!contains(network.cidr, assignment.address)) {
      report(
        assignment.segments,
        `${assignment.address} is outside network "${network.name}" (${network.cidr})`,
      );
      continue;
    }
    if (isReservedInNetwork(network.cidr, assignment.address)) {
      report(
        assignment.segments,
        `${assignment.address} is the network or broadcast address of ${network.cidr}`,
      );
      continue;
    }
    const canonical = hostPart(assignment.address);
    const owner = owners.get(canonical);
    if (owner) {
      const what = owner.isGateway ? "the gateway / VRRP address" : "an address";
      report(
        assignment.segments,
        `${assignment.address} is already ${what} at ${report.pathOf(owner.segments)}`,
      );
    } else {
      owners.set(canonical, assignment);
    }
  }
}

function routerRules({ routers, uplinks, networks, partial }: Sections, report: Report): void {
  if (routers) {
    duplicates(
      routers,
      (r) => r.name,
      (i, key) => report(["routers", i, "name"], `duplicate router name "${key}"`),
    );
    duplicates(
      routers,
      (r) => String(r.vrrpPriority),
      (i) =>
        report(["routers", i, "vrrpPriority"], "the two routers need different VRRP priorities"),
    );
    networks?.forEach((network) =>
      routers.forEach((router, i) => {
        if (!(network.name in router.addresses)) {
          report(["routers", i, "addresses"], `has no address in network "${network.name}"`);
        }
      }),
    );
  }
  if (uplinks) {
    const routerNames = new Set(routers?.map((r) => r.name));
    duplicates(
      uplinks,
      (u) => u.name,
      (i, key) => report(["uplinks", i, "name"], `duplicate uplink name "${key}"`),
    );
    duplicates(
      uplinks,
      (u) => String(u.distance),
      (i) =>
        report(["uplinks", i, "distance"], "uplinks need different distances so one is preferred"),
    );
    uplinks.forEach((uplink, i) => {
      if (routers && !partial?.has("routers") && !routerNames.has(uplink.router)) {
        report(
          ["uplinks", i, "router"],
          `router "${uplink.router}" is not declared in baremetal:routers`,
        );
      }
      if (!contains(networkOf(uplink.address), uplink.gateway)) {
        report(
          ["uplinks", i, "gateway"],
          `${uplink.gateway} is outside the link ${networkOf(uplink.address)}`,
        );
      }
    });
  }
}

function nameRules({ hosts, guests, routers }: Sections, report: Report): void {
  // Hosts, routers and guests share the internal DNS zone, so their names must not collide.
  const named = [
    ...(routers ?? []).map((r, i) => ({ name: r.name, segments: ["routers", i, "name"] })),
    ...(hosts ?? []).map((h, i) => ({ name: h.name, segments: ["hosts", i, "name"] })),
    ...(guests ?? []).map((g, i) => ({ name: g.name, segments: ["guests", i, "name"] })),
  ];
  duplicates(
    named,
    (n) => n.name,
    (i, key) =>
      report(
        named[i]?.segments ?? ["guests"],
        `name "${key}" is already used in the internal zone`,
      ),
  );
  if (guests) {
    duplicates(
      guests,
      (g) => String(g.vmId),
      (i, key) => report(["guests", i, "vmId"], `duplicate VMID ${key}`),
    );
  }
  hosts?.forEach((host, i) =>
    duplicates(
      host.datastores,
      (d) => d.id,
      (j, key) =>
        report(
          ["hosts", i, "datastores", j, "id"],
          `duplicate datastore "${key}" on host ${host.name}`,
        ),
    ),
  );
}

function referenceRules({ hosts, guests, proxmox, partial }: Sections, report: Report): void {
  if (!hosts) return;
  const hostByName = new Map(hosts.map((h) => [h.name, h]));
  guests?.forEach((guest, i) => {
    const host = hostByName.get(guest.host);
    if (!host) {
      if (partial?.has("hosts")) return;
      report(["guests", i, "host"], `host "${guest.host}" is not declared in baremetal:hosts`);
      return;
    }
    const needed = kindOf(guest) === "lxc" ? "rootdir" : "images";
    const disks = [
      ["rootDisk", guest.rootDisk],
      ["dataDisk", guest.dataDisk],
    ] as const;
    for (const [field, disk] of disks) {
      if (!disk) continue;
      const store = host.datastores.find((d) => d.id === disk.datastore);
      if (!store)
        report(
          ["guests", i, field, "datastore"],
          `datastore "${disk.datastore}" does not exist on host ${host.name}`,
        );
      else if (!store.content.includes(needed)) {
        report(
          ["guests", i, field, "datastore"],
          `datastore "${store.id}" on ${host.name} does not allow content "${needed}"`,
        );
      }
    }
    if (kindOf(guest) === "vm" && guest.dataDisk) {
      report(["guests", i, "dataDisk"], "Kubernetes nodes are stateless and take no data disk");
    }
  });
  if (!proxmox) return;
  hosts.forEach((host, i) => {
    const images = host.datastores.find((d) => d.id === proxmox.imageDatastore);
    if (!images)
      report(
        ["hosts", i, "datastores"],
        `has no image datastore "${proxmox.imageDatastore}" (baremetal:proxmox.imageDatastore)`,
      );
    else {
      for (const content of ["vztmpl", "import", "snippets"] as const) {
        if (!images.content.includes(content)) {
          report(
            ["hosts", i, "datastores"],
            `image datastore "${images.id}" must allow content "${content}"`,
          );
        }
      }
    }
    const hostsStateful = guests?.some((g) => g.host === host.name && isStateful(g));
    const backup = host.datastores.find((d) => d.id === proxmox.backup.storage);
    if (hostsStateful && (!backup || !backup.content.includes("backup"))) {
      report(
        ["proxmox", "backup", "storage"],
        `"${proxmox.backup.storage}" is not a backup datastore on host ${host.name}`,
      );
    }
  });
}

function capacityRules({ hosts, guests, capacity }: Sections, report: Report): void {
  if (!hosts || !guests || !capacity) return;
  capacityReport(hosts, guests, capacity).forEach((host, i) => {
    if (host.cores.free < 0) {
      report(
        ["hosts", i],
        `needs ${host.cores.used} vCPUs but has ${host.cores.capacity} (after reserve and overcommit ${capacity.cpuOvercommit})`,
      );
    }
    if (host.memoryGb.free < 0) {
      report(
        ["hosts", i, "memoryGb"],
        `needs ${host.memoryGb.used} GB RAM but has ${host.memoryGb.capacity} after the reserve`,
      );
    }
    for (const [store, disk] of Object.entries(host.datastores)) {
      if (disk.free < 0) {
        const j = (hosts[i]?.datastores ?? []).findIndex((d) => d.id === store);
        report(
          ["hosts", i, "datastores", j, "sizeGb"],
          `datastore "${store}" needs ${disk.used} GB but has ${disk.capacity} after the reserve`,
        );
      }
    }
  });
}

function placementRules({ guests, placement, partial }: Sections, report: Report): void {
  if (!guests) return;
  const allowed = new Set(placement?.allowColocation ?? []);
  const seen = new Map<string, string>();
  guests.forEach((guest, i) => {
    const group = ROLE_TRAITS[guest.role].spreadGroup;
    if (!group || allowed.has(group)) return;
    const key = `${group}@${guest.host}`;
    const other = seen.get(key);
    if (other) {
      report(
        ["guests", i, "host"],
        `${group} member "${guest.name}" shares host ${guest.host} with "${other}"; add "${group}" to baremetal:placement.allowColocation to permit it`,
      );
    } else seen.set(key, guest.name);
  });
  const members = guests.filter((g) => g.role === "mongodb").length;
  if (members % 2 === 0 && !partial?.has("guests")) {
    report(
      ["guests"],
      `the MongoDB replica set has ${members} members; it needs an odd number of voting members`,
    );
  }
  if (!guests.some((g) => g.role === "k8s-control-plane") && !partial?.has("guests")) {
    report(["guests"], "at least one k8s-control-plane node is required");
  }
  const names = new Set(guests.map((g) => g.name));
  placement?.allowReplace.forEach((name, i) => {
    if (!names.has(name) && !partial?.has("guests"))
      report(
        ["placement", "allowReplace", i],
        `guest "${name}" is not declared in baremetal:guests`,
      );
  });
}

function kubernetesRules(sections: Sections, report: Report): void {
  const { kubernetes, guests, networks, partial } = sections;
  if (!kubernetes) return;
  if (guests && !partial?.has("guests")) {
    const controlPlane = guests.filter((g) => g.role === "k8s-control-plane").length;
    if (controlPlane !== kubernetes.controlPlaneNodes) {
      report(
        ["kubernetes", "controlPlaneNodes"],
        `is ${kubernetes.controlPlaneNodes} but baremetal:guests has ${controlPlane} k8s-control-plane nodes`,
      );
    }
  }
  const network = networks?.find((n) => n.purpose === "kubernetes");
  if (!network) {
    if (networks && !partial?.has("networks")) {
      report(["networks"], 'a network with purpose "kubernetes" is required for the cluster');
    }
    return;
  }
  const keepalived = kubernetes.api.vrrp;
  if (keepalived && keepalived.virtualRouterId === vrrpIdOf(network)) {
    report(
      ["kubernetes", "api", "vrrp", "virtualRouterId"],
      `${keepalived.virtualRouterId} is already the routers' VRRP id on network "${network.name}"`,
    );
  }
  const taken = assignments(sections).filter((a) => a.network === network.name);
  const apiAddress = kubernetes.api.address;
  if (isIpv4Address(apiAddress)) {
    if (!contains(network.cidr, apiAddress) || isReservedInNetwork(network.cidr, apiAddress)) {
      report(
        ["kubernetes", "api", "address"],
        `${apiAddress} is not a usable address of network "${network.name}" (${network.cidr})`,
      );
    }
    const owner = taken.find((a) => hostPart(a.address) === apiAddress);
    if (owner)
      report(
        ["kubernetes", "api", "address"],
        `${apiAddress} is already used at ${report.pathOf(owner.segments)}`,
      );
  }
  kubernetes.metallb.addressPool.forEach((pool, i) => {
    const segments = ["kubernetes", "metallb", "addressPool", i];
    if (!poolBounds(pool).every((bound) => isIpv4Address(bound) && contains(network.cidr, bound))) {
      report(segments, `${pool} is not inside network "${network.name}" (${network.cidr})`);
      return;
    }
    const inside = taken.filter((a) => inPool(pool, a.address));
    if (isIpv4Address(apiAddress) && inPool(pool, apiAddress)) {
      report(segments, `${pool} contains the API address ${apiAddress}`);
    }
    for (const owner of inside) {
      report(
        segments,
        `${pool} contains ${owner.address}, used at ${report.pathOf(owner.segments)}`,
      );
    }
  });
}

function firewallRules({ firewall, networks, partial }: Sections, report: Report): void {
  if (!firewall || !networks || partial?.has("networks")) return;
  const names = new Set(networks.map((n) => n.name));
  for (const key of ["managementFrom", "monitoringFrom"] as const) {
    firewall[key].forEach((name, i) => {
      if (!names.has(name)) {
        report(["firewall", key, i], `network "${name}" is not declared in baremetal:networks`);
      }
    });
  }
  duplicates(
    firewall.forward,
    (r) => r.comment,
    (i, key) => report(["firewall", "forward", i, "comment"], `duplicate rule comment "${key}"`),
  );
  firewall.forward.forEach((rule, i) => {
    for (const side of ["from", "to"] as const) {
      if (!names.has(rule[side])) {
        report(
          ["firewall", "forward", i, side],
          `network "${rule[side]}" is not declared in baremetal:networks`,
        );
      }
    }
    if (rule.from === rule.to) {
      report(
        ["firewall", "forward", i, "to"],
        "traffic inside one network is not routed; no rule is needed",
      );
    }
    if (rule.ports && rule.protocol !== "tcp" && rule.protocol !== "udp") {
      report(["firewall", "forward", i, "ports"], "ports need protocol tcp or udp");
    }
  });
}

const RULES = [
  networkRules,
  addressRules,
  routerRules,
  nameRules,
  referenceRules,
  capacityRules,
  placementRules,
  kubernetesRules,
  firewallRules,
];

/** Runs every cross-field rule over the sections that parsed. */
export function checkRules(sections: Sections): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const pathOf = (segments: PropertyKey[]): string => {
    const [section, index] = segments;
    const positions = typeof section === "string" ? sections.originalIndex?.[section] : undefined;
    if (positions === undefined || typeof index !== "number") return keyPath(segments);
    return keyPath([section ?? "", positions[index] ?? index, ...segments.slice(2)]);
  };
  const report: Report = Object.assign(
    (segments: PropertyKey[], message: string) => {
      issues.push({ path: pathOf(segments), message });
    },
    { pathOf },
  );
  for (const rule of RULES) rule(sections, report);
  return issues;
}
