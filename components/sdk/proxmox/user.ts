export { Token, type TokenArgs } from "@muhlba91/pulumi-proxmoxve/user/token";
