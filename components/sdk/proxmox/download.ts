export { File, type FileArgs } from "@muhlba91/pulumi-proxmoxve/download/file";
