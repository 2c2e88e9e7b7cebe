/**
 * IPv4 address planning on top of the `ip-address` library: no hand-written bit math.
 */
import { Address4 } from "ip-address";

/** `true` for a plain dotted-quad address without a prefix. */
export function isIpv4Address(value: string): boolean {
  return !value.includes("/") && Address4.isValid(value);
}

/** `true` for `a.b.c.d/n` with 0 ≤ n ≤ 32. */
export function isIpv4Cidr(value: string): boolean {
  return /\/\d{1,2}$/.test(value) && Address4.isValid(value);
}

/** `10.0.0.5/24` → `10.0.0.0/24`: the network a prefix belongs to. */
export function networkOf(cidr: string): string {
  const address = new Address4(cidr);
  return `${address.startAddress().correctForm()}/${address.subnetMask}`;
}

/** `true` when `cidr` is written as its network address (no host bits set). */
export function isNetworkAddressForm(cidr: string): boolean {
  return networkOf(cidr) === cidr;
}

export function prefixLength(cidr: string): number {
  return new Address4(cidr).subnetMask;
}

/** `true` when the plain address lies inside the network `cidr`. */
export function contains(cidr: string, address: string): boolean {
  return new Address4(address).isInSubnet(new Address4(cidr));
}

/** The network and broadcast addresses cannot be assigned to a host (except in /31 and /32). */
export function isReservedInNetwork(cidr: string, address: string): boolean {
  const network = new Address4(cidr);
  if (network.subnetMask >= 31) return false;
  const candidate = new Address4(address).correctForm();
  return (
    candidate === network.startAddress().correctForm() ||
    candidate === network.endAddress().correctForm()
  );
}

/** `true` when two networks share at least one address. */
export function overlaps(a: string, b: string): boolean {
  const left = new Address4(a);
  const right = new Address4(b);
  return left.isInSubnet(right) || right.isInSubnet(left);
}

/** `10.0.0.7` in `10.0.0.0/24` → `10.0.0.7/24`, the form Proxmox and RouterOS want. */
export function withPrefix(address: string, cidr: string): string {
  return `${address}/${prefixLength(cidr)}`;
}

/** The address part of `a.b.c.d/n`. */
export function hostPart(cidrAddress: string): string {
  return new Address4(cidrAddress).correctForm();
}

/** First and last address of a MetalLB-style pool entry: `a.b.c.d-a.b.c.e` or a CIDR. */
export function poolBounds(pool: string): [string, string] {
  if (pool.includes("/")) {
    const network = new Address4(pool);
    return [network.startAddress().correctForm(), network.endAddress().correctForm()];
  }
  const [first = "", last = ""] = pool.split("-");
  return [first, last];
}

/** `true` when `address` lies between `first` and `last` inclusive. */
export function inPool(pool: string, address: string): boolean {
  const [first, last] = poolBounds(pool).map((a) => new Address4(a).bigInt());
  const value = new Address4(address).bigInt();
  return first !== undefined && last !== undefined && value >= first && value <= last;
}
