/**
 * The `@pulumi/kubernetes` classes the program uses, imported from their own modules.
 *
 * The package index loads every API group's lazy loaders (about 0.14 s of CPU per process); the
 * classes used here load in milliseconds. Use as `import * as k8s from "../sdk/kubernetes"`:
 * `k8s.core.v1.Secret` and friends keep the package's own names. Add a class here when needed.
 */
export * as apiextensions from "./kubernetes/apiextensions";
export * as core from "./kubernetes/core";
export * as helm from "./kubernetes/helm";
export * as networking from "./kubernetes/networking";
export { Provider, type ProviderArgs } from "@pulumi/kubernetes/provider";
