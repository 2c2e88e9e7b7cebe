/**
 * MongoDB replica sets and users as Pulumi dynamic resources. See README.md for the
 * reconfiguration algorithm and the migration by hidden members.
 *
 *   new ReplicaSet("rs0", { name: "rs0", members: [{ host: "mongo-1.sp1.internal:27017" }, …],
 *     connection: { caPem } }, { protect: true });
 *   new MongoUser("payments", { replicaSet: "rs0", hosts, username: "payments",
 *     password: random.result, roles: [{ role: "readWrite", db: "payments" }] });
 *
 * Admin credentials: `baremetal:mongodbAdminUsername` (default `admin`) and the secret
 * `baremetal:mongodbAdminPassword`, or `MONGODB_ADMIN_USERNAME` / `MONGODB_ADMIN_PASSWORD`.
 */
export { MongoUser, ReplicaSet, type MongoUserArgs, type ReplicaSetArgs } from "./resources";
export { replicaSetProvider } from "./replicaSet";
export { mongoUserProvider } from "./user";
export { driverRunner, driverClientOptions } from "./runner";
export { nextStep, type Step } from "./plan";
export { normalizeMember, membersFailures } from "./members";
export type {
  AdminCredentials,
  ConnectionSettings,
  Member,
  MemberSpec,
  MongoCommandRunner,
  ReplicaSetInputs,
  ReplicaSetOutputs,
  MongoUserInputs,
  RunnerFactory,
  UserRole,
} from "./types";
