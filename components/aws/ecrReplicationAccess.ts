/**
 * The identity Harbor's ECR replication endpoint uses: an IAM user that can only pull the
 * migrated repositories, and its access key. The secret is a secret output, never plain state.
 */
import * as aws from "../sdk/aws";
import * as pulumi from "@pulumi/pulumi";
import { ecrPullPolicy } from "./policies";

export interface EcrReplicationAccessArgs {
  accountId: string;
  region: string;
  repositories: string[];
  provider: aws.Provider;
}

export class EcrReplicationAccess extends pulumi.ComponentResource {
  readonly userName: pulumi.Output<string>;
  readonly accessKeyId: pulumi.Output<string>;
  readonly secretAccessKey: pulumi.Output<string>;

  constructor(
    name: string,
    args: EcrReplicationAccessArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super("baremetal:aws:EcrReplicationAccess", name, {}, opts);
    const child = { parent: this, provider: args.provider };
    const user = new aws.iam.User(
      "harbor-ecr-pull",
      {
        name: "harbor-ecr-pull",
        tags: { purpose: "harbor-replication", "managed-by": "baremetal" },
      },
      child,
    );
    new aws.iam.UserPolicy(
      "harbor-ecr-pull",
      {
        user: user.name,
        policy: JSON.stringify(ecrPullPolicy(args.region, args.accountId, args.repositories)),
      },
      child,
    );
    const key = new aws.iam.AccessKey(
      "harbor-ecr-pull",
      { user: user.name },
      { ...child, additionalSecretOutputs: ["secret"] },
    );
    this.userName = user.name;
    this.accessKeyId = key.id;
    this.secretAccessKey = pulumi.secret(key.secret);
    this.registerOutputs({ userName: this.userName, accessKeyId: this.accessKeyId });
  }
}
