export { Release, type ReleaseArgs } from "@pulumi/kubernetes/helm/v3/release";
