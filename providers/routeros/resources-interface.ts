/** Interface-level resources: bridge, VLAN, VRRP, interface lists, IP addresses. */
import type * as pulumi from "@pulumi/pulumi";
import { RouterOsResource, type RouterArgs } from "./resource-base";

type In<T> = pulumi.Input<T>;
type Out<T> = pulumi.Output<T>;

interface CommonArgs extends RouterArgs {
  comment?: In<string>;
  disabled?: In<boolean>;
}

export interface BridgeArgs extends CommonArgs {
  /** Interface name; unique per router, a change replaces the bridge. */
  name: In<string>;
  mtu?: In<string | number>;
  protocolMode?: In<"none" | "stp" | "rstp" | "mstp">;
  vlanFiltering?: In<boolean>;
  pvid?: In<number>;
  frameTypes?: In<string>;
  ingressFiltering?: In<boolean>;
  ageingTime?: In<string>;
  arp?: In<string>;
  adminMac?: In<string>;
  autoMac?: In<boolean>;
  fastForward?: In<boolean>;
  igmpSnooping?: In<boolean>;
  dhcpSnooping?: In<boolean>;
}

/** `/interface/bridge`. */
export class Bridge extends RouterOsResource {
  declare readonly name: Out<string>;
  declare readonly vlanFiltering: Out<boolean | undefined>;
  declare readonly comment: Out<string | undefined>;
  constructor(name: string, args: BridgeArgs, opts?: pulumi.CustomResourceOptions) {
    super("Bridge", name, { ...args }, opts);
  }
}

export interface BridgePortArgs extends CommonArgs {
  bridge: In<string>;
  /** The port; an interface belongs to one bridge only, a change replaces the port. */
  interface: In<string>;
  pvid?: In<number>;
  frameTypes?: In<string>;
  ingressFiltering?: In<boolean>;
  edge?: In<string>;
  horizon?: In<string>;
}

/** `/interface/bridge/port`. Adopted by interface. */
export class BridgePort extends RouterOsResource {
  declare readonly bridge: Out<string>;
  declare readonly interface: Out<string>;
  declare readonly pvid: Out<number | undefined>;
  constructor(name: string, args: BridgePortArgs, opts?: pulumi.CustomResourceOptions) {
    super("BridgePort", name, { ...args }, opts);
  }
}

export interface VlanArgs extends CommonArgs {
  name: In<string>;
  vlanId: In<number>;
  /** Parent interface (a bridge or ethernet port). */
  interface: In<string>;
  mtu?: In<number>;
  arp?: In<string>;
  useServiceTag?: In<boolean>;
  loopProtect?: In<string>;
}

/** `/interface/vlan`. */
export class Vlan extends RouterOsResource {
  declare readonly name: Out<string>;
  declare readonly vlanId: Out<number>;
  declare readonly interface: Out<string>;
  declare readonly mtu: Out<number | undefined>;
  declare readonly comment: Out<string | undefined>;
  constructor(name: string, args: VlanArgs, opts?: pulumi.CustomResourceOptions) {
    super("Vlan", name, { ...args }, opts);
  }
}

export interface VrrpInterfaceArgs extends CommonArgs {
  name: In<string>;
  interface: In<string>;
  vrid?: In<number>;
  /** 1..254 (RouterOS rejects 255). */
  priority?: In<number>;
  interval?: In<string>;
  preemptionMode?: In<boolean>;
  authentication?: In<"none" | "simple" | "ah">;
  /** Returned in clear by RouterOS; stored as a Pulumi secret. */
  password?: In<string>;
  version?: In<2 | 3>;
  v3Protocol?: In<"ipv4" | "ipv6">;
  onMaster?: In<string>;
  onBackup?: In<string>;
  onFail?: In<string>;
  syncConnectionTracking?: In<boolean>;
  remoteAddress?: In<string>;
  groupAuthority?: In<string>;
  arp?: In<string>;
}

/** `/interface/vrrp`. The virtual IP is a separate `IpAddress` on this interface. */
export class VrrpInterface extends RouterOsResource {
  declare readonly name: Out<string>;
  declare readonly interface: Out<string>;
  declare readonly vrid: Out<number | undefined>;
  declare readonly priority: Out<number | undefined>;
  declare readonly password: Out<string | undefined>;
  constructor(name: string, args: VrrpInterfaceArgs, opts?: pulumi.CustomResourceOptions) {
    super("VrrpInterface", name, { ...args }, opts, ["password"]);
  }
}

export interface InterfaceListArgs extends RouterArgs {
  name: In<string>;
  include?: In<string[]>;
  exclude?: In<string[]>;
  comment?: In<string>;
}

/** `/interface/list`. */
export class InterfaceList extends RouterOsResource {
  declare readonly name: Out<string>;
  constructor(name: string, args: InterfaceListArgs, opts?: pulumi.CustomResourceOptions) {
    super("InterfaceList", name, { ...args }, opts);
  }
}

export interface InterfaceListMemberArgs extends CommonArgs {
  list: In<string>;
  interface: In<string>;
}

/** `/interface/list/member`. */
export class InterfaceListMember extends RouterOsResource {
  declare readonly list: Out<string>;
  declare readonly interface: Out<string>;
  constructor(name: string, args: InterfaceListMemberArgs, opts?: pulumi.CustomResourceOptions) {
    super("InterfaceListMember", name, { ...args }, opts);
  }
}

export interface IpAddressArgs extends CommonArgs {
  /** CIDR; a bare address means /32, as on the router. */
  address: In<string>;
  interface: In<string>;
  network?: In<string>;
}

/** `/ip/address`. */
export class IpAddress extends RouterOsResource {
  declare readonly address: Out<string>;
  declare readonly interface: Out<string>;
  constructor(name: string, args: IpAddressArgs, opts?: pulumi.CustomResourceOptions) {
    super("IpAddress", name, { ...args }, opts);
  }
}
