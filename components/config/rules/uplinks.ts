/**
 * The router pair as the program and the providers see it: each router reachable at its own REST
 * endpoint from a network the firewall lets manage it, and each uplink a working, separate path.
 */
import { contains, hostPart, isIpv4Address, isReservedInNetwork, networkOf } from "../addressing";
import { duplicates, type Report, type Sections } from "./context";

/** `https://RTR-1:443/rest/` and `https://rtr-1` are one endpoint: scheme, host and port. */
export function endpointOf(url: string): string {
  const parsed = new URL(url);
  const port = parsed.port || (parsed.protocol === "https:" ? "443" : "80");
  return `${parsed.protocol}//${parsed.hostname.toLowerCase()}:${port}`;
}

function restHost(url: string): string {
  return new URL(url).hostname;
}

export function routerAccessRules(
  { routers, networks, firewall, partial }: Sections,
  report: Report,
): void {
  if (!routers) return;
  routers.forEach((router, i) => {
    if (router.restUrl.startsWith("http://") && !router.allowInsecureHttp) {
      report(
        ["routers", i, "restUrl"],
        "plain http:// sends the RouterOS password in clear: use https://, or set allowInsecureHttp: true for a lab router",
      );
    }
  });
  duplicates(
    routers.map((r, i) => ({ endpoint: endpointOf(r.restUrl), i })),
    (r) => r.endpoint,
    (i, key) => {
      const first = routers.findIndex((r) => endpointOf(r.restUrl) === key);
      report(
        ["routers", i, "restUrl"],
        `is the same endpoint (${key}) as ${report.pathOf(["routers", first, "restUrl"])}; each router needs its own`,
      );
    },
  );
  if (!networks || partial?.has("networks")) return;
  const lockedOut = new Set<string>();
  routers.forEach((router, i) => {
    const host = restHost(router.restUrl);
    if (!isIpv4Address(host)) return;
    if (!Object.values(router.addresses).includes(host)) {
      report(
        ["routers", i, "restUrl"],
        `${host} is not one of ${router.name}'s own addresses (${report.pathOf(["routers", i, "addresses"])}); the program would configure another device`,
      );
    }
    const network = networks.find((n) => contains(n.cidr, host));
    if (!network) {
      report(
        ["routers", i, "restUrl"],
        `${host} is in no network of baremetal:networks; the program reaches the routers from a management network`,
      );
      return;
    }
    // Without any management network the address rule already says what is missing.
    if (network.purpose !== "management" && networks.some((n) => n.purpose === "management")) {
      report(
        ["routers", i, "restUrl"],
        `${host} is in network "${network.name}" (purpose ${network.purpose}); the program reaches the routers from a network with purpose "management"`,
      );
    }
    if (
      firewall &&
      !firewall.managementFrom.includes(network.name) &&
      !lockedOut.has(network.name)
    ) {
      lockedOut.add(network.name);
      report(
        ["firewall", "managementFrom"],
        `does not include network "${network.name}", which holds ${router.name}'s REST address ${host}: the routers would drop the program's own connection`,
      );
    }
  });
}

export function uplinkRules({ routers, uplinks, networks }: Sections, report: Report): void {
  if (!uplinks) return;
  duplicates(
    uplinks,
    (u) => u.router,
    (i, key) =>
      report(
        ["uplinks", i, "router"],
        `router "${key}" already carries an uplink; each router of the pair carries one, so that either may fail`,
      ),
  );
  const gateways = new Map(uplinks.map((u, i) => [u.gateway, i]));
  uplinks.forEach((uplink, i) => {
    const router = routers?.find((r) => r.name === uplink.router);
    if (router && router.trunkInterface === uplink.interface) {
      report(
        ["uplinks", i, "interface"],
        `${uplink.interface} is the server trunk of ${router.name} (its trunkInterface); an uplink needs a port of its own`,
      );
    }
    const link = networkOf(uplink.address);
    const own = hostPart(uplink.address);
    if (own === uplink.gateway) {
      report(["uplinks", i, "address"], `${own} is the uplink's own gateway`);
    } else if (isReservedInNetwork(link, own)) {
      report(["uplinks", i, "address"], `${own} is the network or broadcast address of ${link}`);
    }
    if (contains(link, uplink.gateway) && isReservedInNetwork(link, uplink.gateway)) {
      report(
        ["uplinks", i, "gateway"],
        `${uplink.gateway} is the network or broadcast address of ${link}`,
      );
    }
    const gatewayOf = gateways.get(uplink.probeTarget);
    if (gatewayOf !== undefined) {
      report(
        ["uplinks", i, "probeTarget"],
        `${uplink.probeTarget} is the provider's gateway (${report.pathOf(["uplinks", gatewayOf, "gateway"])}); probe a host beyond the provider so that a dead upstream is noticed`,
      );
    } else if (contains(link, uplink.probeTarget)) {
      report(
        ["uplinks", i, "probeTarget"],
        `${uplink.probeTarget} is on the provider link ${link} itself; probe a host beyond the provider`,
      );
    } else {
      const internal = networks?.find((n) => contains(n.cidr, uplink.probeTarget));
      if (internal) {
        report(
          ["uplinks", i, "probeTarget"],
          `${uplink.probeTarget} is inside network "${internal.name}"; probe a host beyond the provider`,
        );
      }
    }
    const inside = networks?.find((n) => contains(n.cidr, own));
    if (inside) {
      report(
        ["uplinks", i, "address"],
        `${own} is inside network "${inside.name}" (${inside.cidr}); a provider link is a network of its own`,
      );
    }
  });
}
