export { Job, type JobArgs } from "@muhlba91/pulumi-proxmoxve/backup/job";
