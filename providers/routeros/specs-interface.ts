/** Specs of interface-level menus: bridge, VLAN, VRRP, interface lists, IP addresses. */
import type { MenuSpec } from "./types";
import { COMMON, fields } from "./spec-helpers";

export const bridgeSpec: MenuSpec = {
  type: "Bridge",
  menu: "interface/bridge",
  adopt: "duplicate",
  deleteBeforeReplace: true,
  required: ["name"],
  fields: fields({
    name: ["string", { key: true, replace: true }],
    mtu: "string",
    protocolMode: ["string", { oneOf: ["none", "stp", "rstp", "mstp"] }],
    vlanFiltering: "bool",
    pvid: ["int", { min: 1, max: 4094 }],
    frameTypes: "string",
    ingressFiltering: "bool",
    ageingTime: "duration",
    arp: "string",
    adminMac: "string",
    autoMac: "bool",
    fastForward: "bool",
    igmpSnooping: "bool",
    dhcpSnooping: "bool",
    ...COMMON,
  }),
};

export const vlanSpec: MenuSpec = {
  type: "Vlan",
  menu: "interface/vlan",
  adopt: "duplicate",
  deleteBeforeReplace: true,
  required: ["name", "vlanId", "interface"],
  fields: fields({
    name: ["string", { key: true, replace: true }],
    vlanId: ["int", { min: 1, max: 4094 }],
    interface: "string",
    mtu: ["int", { min: 64, max: 65535 }],
    arp: "string",
    useServiceTag: "bool",
    loopProtect: "string",
    ...COMMON,
  }),
};

export const vrrpSpec: MenuSpec = {
  type: "VrrpInterface",
  menu: "interface/vrrp",
  adopt: "duplicate",
  deleteBeforeReplace: true,
  required: ["name", "interface"],
  fields: fields({
    name: ["string", { key: true, replace: true }],
    interface: "string",
    vrid: ["int", { min: 1, max: 255 }],
    // 255 is the owner priority in the RFC, but RouterOS rejects it (routeros-rest §12).
    priority: ["int", { min: 1, max: 254 }],
    interval: "duration",
    preemptionMode: "bool",
    authentication: ["string", { oneOf: ["none", "simple", "ah"] }],
    password: ["string", { secret: true, unsetWhenAbsent: true }],
    version: ["int", { min: 2, max: 3 }],
    v3Protocol: ["string", { oneOf: ["ipv4", "ipv6"] }],
    onMaster: ["string", { unsetWhenAbsent: true }],
    onBackup: ["string", { unsetWhenAbsent: true }],
    onFail: ["string", { unsetWhenAbsent: true }],
    syncConnectionTracking: "bool",
    remoteAddress: ["string", { format: "ip" }],
    groupAuthority: "string",
    arp: "string",
    ...COMMON,
  }),
};

export const interfaceListSpec: MenuSpec = {
  type: "InterfaceList",
  menu: "interface/list",
  // The duplicate-name error text of this menu is not documented: look the name up instead.
  adopt: "lookup",
  deleteBeforeReplace: true,
  required: ["name"],
  fields: fields({
    name: ["string", { key: true, replace: true }],
    include: ["set", { unsetWhenAbsent: true }],
    exclude: ["set", { unsetWhenAbsent: true }],
    comment: ["string", { unsetWhenAbsent: true }],
  }),
};

export const interfaceListMemberSpec: MenuSpec = {
  type: "InterfaceListMember",
  menu: "interface/list/member",
  adopt: "lookup",
  deleteBeforeReplace: true,
  required: ["list", "interface"],
  fields: fields({
    list: ["string", { key: true, replace: true }],
    interface: ["string", { key: true, replace: true }],
    ...COMMON,
  }),
};

export const ipAddressSpec: MenuSpec = {
  type: "IpAddress",
  menu: "ip/address",
  adopt: "duplicate",
  deleteBeforeReplace: true,
  required: ["address", "interface"],
  fields: fields({
    address: ["cidr", { key: true, format: "prefix" }],
    interface: ["string", { key: true }],
    network: ["string", { format: "ip" }],
    ...COMMON,
  }),
};

export const bridgePortSpec: MenuSpec = {
  type: "BridgePort",
  menu: "interface/bridge/port",
  // An interface can be a port of one bridge only; its duplicate error text is not documented.
  adopt: "lookup",
  deleteBeforeReplace: true,
  required: ["bridge", "interface"],
  fields: fields({
    interface: ["string", { key: true, replace: true }],
    bridge: "string",
    pvid: ["int", { min: 1, max: 4094 }],
    frameTypes: "string",
    ingressFiltering: "bool",
    edge: "string",
    horizon: "string",
    ...COMMON,
  }),
};
