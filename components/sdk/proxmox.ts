/**
 * The `@muhlba91/pulumi-proxmoxve` classes the program uses, imported from their own modules.
 *
 * The package index loads the lazy loaders of every namespace (37 modules) in every preview and
 * every test process that touches Proxmox; the classes used here load on their own. Use as
 * `import * as proxmox from "../sdk/proxmox"`: `proxmox.network.linux.Bridge` and friends keep
 * the package's own names. Add a class here when a layer needs one.
 */
export * as backup from "./proxmox/backup";
export * as download from "./proxmox/download";
export * as network from "./proxmox/network";
export * as user from "./proxmox/user";
export { Acl, type AclArgs } from "@muhlba91/pulumi-proxmoxve/acl";
export {
  ContainerLegacy,
  type ContainerLegacyArgs,
} from "@muhlba91/pulumi-proxmoxve/containerLegacy";
export { FileLegacy, type FileLegacyArgs } from "@muhlba91/pulumi-proxmoxve/fileLegacy";
export { Hagroup, type HagroupArgs } from "@muhlba91/pulumi-proxmoxve/hagroup";
export { Haresource, type HaresourceArgs } from "@muhlba91/pulumi-proxmoxve/haresource";
export { Harule, type HaruleArgs } from "@muhlba91/pulumi-proxmoxve/harule";
export { Provider, type ProviderArgs } from "@muhlba91/pulumi-proxmoxve/provider";
export { RoleLegacy, type RoleLegacyArgs } from "@muhlba91/pulumi-proxmoxve/roleLegacy";
export { UserLegacy, type UserLegacyArgs } from "@muhlba91/pulumi-proxmoxve/userLegacy";
export { VmLegacy, type VmLegacyArgs } from "@muhlba91/pulumi-proxmoxve/vmLegacy";
export type * as types from "@muhlba91/pulumi-proxmoxve/types";
