export { Bucket, type BucketArgs } from "@pulumi/aws/s3/bucket";
export {
  BucketLifecycleConfiguration,
  type BucketLifecycleConfigurationArgs,
} from "@pulumi/aws/s3/bucketLifecycleConfiguration";
export { BucketPolicy, type BucketPolicyArgs } from "@pulumi/aws/s3/bucketPolicy";
export {
  BucketPublicAccessBlock,
  type BucketPublicAccessBlockArgs,
} from "@pulumi/aws/s3/bucketPublicAccessBlock";
export {
  BucketServerSideEncryptionConfiguration,
  type BucketServerSideEncryptionConfigurationArgs,
} from "@pulumi/aws/s3/bucketServerSideEncryptionConfiguration";
export { BucketVersioning, type BucketVersioningArgs } from "@pulumi/aws/s3/bucketVersioning";
