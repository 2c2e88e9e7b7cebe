export { NodeGroup, type NodeGroupArgs } from "@pulumi/aws/eks/nodeGroup";
