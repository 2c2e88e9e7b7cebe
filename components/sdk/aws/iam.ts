export { AccessKey, type AccessKeyArgs } from "@pulumi/aws/iam/accessKey";
export { User, type UserArgs } from "@pulumi/aws/iam/user";
export { UserPolicy, type UserPolicyArgs } from "@pulumi/aws/iam/userPolicy";
