export { Ingress, type IngressArgs } from "@pulumi/kubernetes/networking/v1/ingress";
