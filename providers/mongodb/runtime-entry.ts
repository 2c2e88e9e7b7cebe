/**
 * Entry of the `@baremetal/mongodb-runtime` bundle (scripts/build-mongodb-runtime.mjs): the
 * provider implementations the thin providers stored in state load by package name in the
 * dynamic-provider host (providers/shared/thinText.ts).
 *
 * API, do not change: `providers` and every type name in it are called by thin providers stored
 * in existing stacks' state. Add names; never rename or remove one.
 */
import { replicaSetProviderInstance } from "./replicaSet";
import { mongoUserProviderInstance } from "./user";

export const providers = {
  ReplicaSet: replicaSetProviderInstance,
  MongoUser: mongoUserProviderInstance,
} as const;
