/** Rules on networks, addresses, the router pair and the firewall policy. */
import { ruleSlug } from "../ruleNames";
import {
  contains,
  hostPart,
  isNetworkAddressForm,
  isReservedInNetwork,
  networkOf,
  overlaps,
} from "../addressing";
import { networkWithPurpose, networksByName } from "../networks";
import { duplicates, type Report, type Sections } from "./context";

export function networkRules({ networks }: Sections, report: Report): void {
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

export interface Assignment {
  segments: PropertyKey[];
  network: string;
  /** Where the network is named, when that is not `segments` itself (a guest's `network`). */
  networkSegments?: PropertyKey[];
  address: string;
  isGateway: boolean;
}

/** Every address the stack assigns inside its networks, with where it is configured. */
export function assignments({ networks, routers, hosts, guests }: Sections): Assignment[] {
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
  const management = networkWithPurpose(networks, "management");
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

export function addressRules(sections: Sections, report: Report): void {
  const { networks } = sections;
  if (!networks) return;
  // When entries were dropped, the management network may be one of them: reported already.
  if (!networkWithPurpose(networks, "management") && !sections.partial?.has("networks")) {
    report(
      ["networks"],
      'one network must have purpose "management" (host management addresses live there)',
    );
  }
  // The first declaration of a name wins; a duplicate is reported once, by networkRules.
  const byName = networksByName(networks);
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

export function routerRules(
  { routers, uplinks, networks, partial }: Sections,
  report: Report,
): void {
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

export function firewallRules({ firewall, networks, partial }: Sections, report: Report): void {
  if (!firewall || !networks || partial?.has("networks")) return;
  const names = new Set(networks.map((n) => n.name));
  for (const key of ["managementFrom", "monitoringFrom"] as const) {
    firewall[key].forEach((name, i) => {
      if (!names.has(name)) {
        report(["firewall", key, i], `network "${name}" is not declared in baremetal:networks`);
      }
    });
  }
  // Comments name the rules' resources (by slug), so they must differ in more than case.
  duplicates(
    firewall.forward,
    (r) => ruleSlug(r.comment),
    (i) =>
      report(
        ["firewall", "forward", i, "comment"],
        `duplicate rule comment "${firewall.forward[i]?.comment ?? ""}"`,
      ),
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
