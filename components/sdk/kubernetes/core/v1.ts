export { Namespace, type NamespaceArgs } from "@pulumi/kubernetes/core/v1/namespace";
export { Secret, type SecretArgs } from "@pulumi/kubernetes/core/v1/secret";
