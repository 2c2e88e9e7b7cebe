/** Ranges written low to high: address pools and port ranges. */
import { Address4 } from "ip-address";
import { isIpv4Address, poolBounds } from "../addressing";
import type { Report, Sections } from "./context";

export function rangeRules({ kubernetes, firewall }: Sections, report: Report): void {
  kubernetes?.metallb.addressPool.forEach((pool, i) => {
    if (pool.includes("/")) return;
    const [first, last] = poolBounds(pool);
    if (!isIpv4Address(first) || !isIpv4Address(last)) return;
    if (new Address4(first).bigInt() > new Address4(last).bigInt()) {
      report(
        ["kubernetes", "metallb", "addressPool", i],
        `${pool} is reversed: ${first} comes after ${last}; write ${last}-${first}`,
      );
    }
  });
  firewall?.forward.forEach((rule, i) => {
    for (const range of rule.ports?.split(",") ?? []) {
      const [low = 0, high = low] = range.split("-").map(Number);
      const bad = [low, high].find((port) => port < 1 || port > 65535);
      if (bad !== undefined) {
        report(["firewall", "forward", i, "ports"], `${bad} is not a port (1-65535)`);
      } else if (low > high) {
        report(["firewall", "forward", i, "ports"], `${range} is a reversed port range`);
      }
    }
  });
}
