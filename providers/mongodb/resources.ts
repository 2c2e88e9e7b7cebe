/**
 * The MongoDB dynamic resources (`pulumi-nodejs:dynamic/mongodb:<Type>`): what the program
 * registers. Each stores the thin provider text of its type (thin.ts), which loads the
 * implementation (replicaSet.ts, user.ts) from `@baremetal/mongodb-runtime` where it runs; the
 * implementations themselves never load the Pulumi SDK.
 */
import * as pulumi from "@pulumi/pulumi";
import { ThinDynamicResource } from "../shared/thinResource";
import { MONGODB } from "./thin";
import type { ConnectionSettings, MemberSpec, ReplicaSetOutputs, UserRole } from "./types";

/** Program-facing arguments: everything may be an Output. */
export interface ReplicaSetArgs {
  name: pulumi.Input<string>;
  members: pulumi.Input<pulumi.Input<MemberSpec>[]>;
  seeds?: pulumi.Input<pulumi.Input<string>[]>;
  connection?: pulumi.Input<ConnectionSettings>;
  stepDownPrimary?: pulumi.Input<boolean>;
}

/**
 * A MongoDB replica set's membership. Its id is the set name. Removing the resource leaves the
 * set running; protect it anyway (`protect: true`) so that a rename cannot go unnoticed.
 */
export class ReplicaSet extends ThinDynamicResource {
  declare readonly name: pulumi.Output<string>;
  declare readonly members: pulumi.Output<ReplicaSetOutputs["members"]>;
  declare readonly memberIds: pulumi.Output<Record<string, number>>;
  declare readonly configVersion: pulumi.Output<number>;
  declare readonly configTerm: pulumi.Output<number>;
  declare readonly replicaSetId: pulumi.Output<string>;

  constructor(name: string, args: ReplicaSetArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      MONGODB,
      "ReplicaSet",
      name,
      {
        seeds: [],
        connection: {},
        stepDownPrimary: false,
        ...args,
        memberIds: undefined,
        configVersion: undefined,
        configTerm: undefined,
        replicaSetId: undefined,
      },
      pulumi.mergeOptions(opts, { hideDiffs: ["__provider"] }),
    );
  }
}

export interface MongoUserArgs {
  replicaSet: pulumi.Input<string>;
  /** Members to find the primary on (at least one). */
  hosts: pulumi.Input<pulumi.Input<string>[]>;
  connection?: pulumi.Input<ConnectionSettings>;
  /** Authentication database. Default `admin`. */
  db?: pulumi.Input<string>;
  username: pulumi.Input<string>;
  /** E.g. a `random.RandomPassword`'s `result`; stored as a secret. */
  password: pulumi.Input<string>;
  /** `{ role, db }` or a role name in the user's database. */
  roles: pulumi.Input<pulumi.Input<UserRole | string>[]>;
}

export class MongoUser extends ThinDynamicResource {
  declare readonly username: pulumi.Output<string>;
  declare readonly db: pulumi.Output<string>;
  declare readonly password: pulumi.Output<string>;
  declare readonly roles: pulumi.Output<UserRole[]>;

  constructor(name: string, args: MongoUserArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      MONGODB,
      "MongoUser",
      name,
      { db: "admin", connection: {}, ...args, password: pulumi.secret(args.password) },
      pulumi.mergeOptions(opts, {
        hideDiffs: ["__provider"],
        additionalSecretOutputs: ["password"],
      }),
    );
  }
}
