import { mongoUserProvider } from "../../providers/mongodb/user";
import { replicaSetProvider } from "../../providers/mongodb/replicaSet";
import { mongoRegistry } from "../../providers/mongodb/registry";
import type {
  ConnectionSettings,
  MemberSpec,
  ReplicaSetInputs,
  ReplicaSetOutputs,
} from "../../providers/mongodb/types";
import { FakeMongoCluster, fakeNodes } from "../fakes/mongodb/fake";

export const SET = "rs0";
export const host = (n: string) => `${n}.sp1.internal:27017`;
export const [A, B, C, D, E, F, G] = ["a", "b", "c", "d", "e", "f", "g"].map(host) as [
  string,
  string,
  string,
  string,
  string,
  string,
  string,
];

/** Fast polling so that waits and timeouts take milliseconds. */
export const FAST: ConnectionSettings = { tls: false, pollIntervalMs: 1, stepTimeoutMs: 10_000 };
/** For the tests that wait for a timeout on purpose. */
export const SHORT: ConnectionSettings = { ...FAST, stepTimeoutMs: 150 };

export function cluster(hosts: string[]): FakeMongoCluster {
  return fakeNodes(SET, hosts);
}

export function providers(fake: FakeMongoCluster) {
  mongoRegistry().credentials = undefined;
  return {
    rs: replicaSetProvider(fake.runnerFactory()),
    user: mongoUserProvider(fake.runnerFactory()),
  };
}

/** What the engine hands to `create`/`update`: inputs after `check`. */
export async function checked(
  fake: FakeMongoCluster,
  members: MemberSpec[],
  extra: Partial<ReplicaSetInputs> = {},
): Promise<ReplicaSetInputs> {
  const { rs } = providers(fake);
  const { inputs, failures } = await rs.check(
    {} as ReplicaSetInputs,
    {
      name: SET,
      members,
      connection: FAST,
      ...extra,
    } as ReplicaSetInputs,
  );
  expect(failures).toEqual([]);
  return inputs as ReplicaSetInputs;
}

export async function create(
  fake: FakeMongoCluster,
  members: MemberSpec[],
  extra: Partial<ReplicaSetInputs> = {},
) {
  const inputs = await checked(fake, members, extra);
  const res = await providers(fake).rs.create(inputs);
  return res.outs as ReplicaSetOutputs;
}

export async function update(
  fake: FakeMongoCluster,
  olds: ReplicaSetOutputs,
  members: MemberSpec[],
  extra: Partial<ReplicaSetInputs> = {},
) {
  const news = await checked(fake, members, { ...extra });
  const res = await providers(fake).rs.update(SET, olds, news);
  return res.outs as ReplicaSetOutputs;
}

/** Voter `_id`s of a configuration document. */
export function voterIds(config: Record<string, unknown>): number[] {
  const members = (config["members"] ?? []) as Record<string, unknown>[];
  return members
    .filter((m) => (m["votes"] ?? 1) === 1)
    .map((m) => Number(m["_id"]))
    .sort();
}

/** Every accepted reconfiguration changed the voter set by at most one member. */
export function expectOneVoterPerStep(fake: FakeMongoCluster, initial: Record<string, unknown>) {
  let before = new Set(voterIds(initial));
  for (const config of fake.accepted) {
    const after = new Set(voterIds(config));
    const changed =
      [...before].filter((id) => !after.has(id)).length +
      [...after].filter((id) => !before.has(id)).length;
    expect(changed).toBeLessThanOrEqual(1);
    before = after;
  }
}
