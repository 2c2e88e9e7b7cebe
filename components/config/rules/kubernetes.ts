/** Rules tying the Kubernetes settings to the networks and guests. */
import {
  contains,
  hostPart,
  inPool,
  isIpv4Address,
  isReservedInNetwork,
  poolBounds,
} from "../addressing";
import { apiVirtualIp } from "../apiAddress";
import { networkWithPurpose } from "../networks";
import { vrrpIdOf } from "../vrrp";
import type { Report, Sections } from "./context";
import { assignments } from "./network";

export function kubernetesRules(sections: Sections, report: Report): void {
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
  const network = networkWithPurpose(networks, "kubernetes");
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
  const apiAddress = apiVirtualIp(kubernetes);
  if (apiAddress) {
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
    if (apiAddress && inPool(pool, apiAddress)) {
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
