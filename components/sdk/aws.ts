/**
 * The `@pulumi/aws` classes the program uses, imported from their own modules.
 *
 * The package index wires up lazy loaders for every AWS service (hundreds of modules); loading it
 * costs about 0.3 s of CPU in every preview and every test process, while the dozen classes used
 * here load in a few milliseconds. Use as `import * as aws from "../sdk/aws"`: `aws.eks.NodeGroup`
 * and friends keep the package's own names. Add a class here when a layer needs one.
 */
export * as ebs from "./aws/ebs";
export * as eks from "./aws/eks";
export * as iam from "./aws/iam";
export * as s3 from "./aws/s3";
export { Provider, type ProviderArgs } from "@pulumi/aws/provider";
