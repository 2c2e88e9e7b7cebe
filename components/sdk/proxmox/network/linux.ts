export { Bridge, type BridgeArgs } from "@muhlba91/pulumi-proxmoxve/network/linux/bridge";
