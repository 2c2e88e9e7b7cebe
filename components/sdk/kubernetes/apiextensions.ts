export {
  CustomResource,
  type CustomResourceArgs,
} from "@pulumi/kubernetes/apiextensions/customResource";
