/**
 * The `ReplicaSet` provider (the resource: resources.ts): a replica set's membership. `create`
 * initiates the set (`replSetInitiate`) or adopts a live one with the same name; `update` walks
 * to the declared members one safe reconfiguration at a time (plan.ts); `read` reports members
 * changed by hand; `delete` leaves the servers untouched (the data outlives the resource).
 *
 * Credentials are never inputs: `configure` reads the admin user from the stack configuration or
 * the environment (registry.ts). Served by `@baremetal/mongodb-runtime` (runtime-entry.ts) to the
 * thin provider each resource stores; the driver is `require`d at call time.
 */
import type * as pulumi from "@pulumi/pulumi";
import {
  connectionFailures,
  hostListFailures,
  normalizeConnection,
  sameConnection,
} from "./checks";
import { isUnknown, membersFailures, normalizeMember, orderLike, sameMembers } from "./members";
import { findPrimary, getConfig, initiate, membersOf, probe, reconcile } from "./ops";
import { replicaSetIdOf, unionHosts, version, waitCommitted, type OpsContext } from "./ops";
import { credentialsFrom, mongoRegistry, withLock } from "./registry";
import { driverRunner } from "./runner";
import type {
  ConnectionSettings,
  MemberSpec,
  ReplicaSetInputs,
  ReplicaSetOutputs,
  RunnerFactory,
} from "./types";

type Provider = Required<pulumi.dynamic.ResourceProvider<ReplicaSetInputs, ReplicaSetOutputs>>;

const NAME = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * The provider. `runnerFactory` is for tests only (the in-process fake); the instance resources
 * use has none and talks to the servers through the `mongodb` driver.
 */
export function replicaSetProvider(runnerFactory?: RunnerFactory): Provider {
  const context = (inputs: ReplicaSetInputs): OpsContext => {
    const credentials = mongoRegistry().credentials;
    const make = runnerFactory ?? driverRunner;
    return {
      runner: make(inputs.connection, credentials),
      name: inputs.name,
      connection: inputs.connection,
    };
  };

  /** Reconfigure to the declared members and describe the committed result. */
  const converge = async (
    ctx: OpsContext,
    inputs: ReplicaSetInputs,
    remembered: Record<string, number>,
    formerHosts: string[] = [],
  ): Promise<ReplicaSetOutputs> => {
    // The set is looked for on the declared members, the seeds and the members it had before
    // (a new list may share no host with the live set).
    const { config, memberIds } = await reconcile(
      ctx,
      inputs.members,
      unionHosts(inputs.seeds, formerHosts),
      remembered,
      inputs.stepDownPrimary,
    );
    return {
      ...inputs,
      memberIds,
      configVersion: version(config),
      configTerm: Number(config["term"] ?? 0),
      replicaSetId: replicaSetIdOf(config),
    };
  };

  return {
    async configure(req) {
      mongoRegistry().credentials = credentialsFrom(req.config);
    },

    async check(_olds, news) {
      const failures = [];
      const raw = news as unknown as Record<string, unknown>;
      if (!isUnknown(raw["name"]) && (typeof raw["name"] !== "string" || !NAME.test(raw["name"]))) {
        failures.push({
          property: "name",
          reason: "must be 1–64 letters, digits, '.', '_' or '-'",
        });
      }
      let members = raw["members"] as ReplicaSetInputs["members"];
      if (!isUnknown(raw["members"])) {
        if (!Array.isArray(raw["members"])) {
          failures.push({ property: "members", reason: "must be a list of members" });
          members = [];
        } else {
          members = (raw["members"] as MemberSpec[]).map(normalizeMember);
          failures.push(...membersFailures(members));
        }
      }
      const seeds = (raw["seeds"] ?? []) as string[];
      failures.push(...hostListFailures(seeds, "seeds", 0));
      failures.push(...connectionFailures(raw["connection"]));
      const stepDown = raw["stepDownPrimary"] ?? false;
      if (!isUnknown(stepDown) && typeof stepDown !== "boolean") {
        failures.push({ property: "stepDownPrimary", reason: "must be a boolean" });
      }
      const inputs: ReplicaSetInputs = {
        name: news.name,
        members,
        seeds,
        connection: isUnknown(raw["connection"])
          ? (raw["connection"] as ConnectionSettings)
          : normalizeConnection(raw["connection"]),
        stepDownPrimary: stepDown as boolean,
      };
      return { inputs, failures };
    },

    async diff(_id, olds, news) {
      const changed = (k: string, same: boolean) =>
        isUnknown((news as unknown as Record<string, unknown>)[k]) || !same ? [k] : [];
      const replaces = changed("name", olds.name === news.name);
      const updates = [
        ...changed("members", sameMembers(olds.members ?? [], news.members ?? [])),
        ...changed(
          "seeds",
          unionHosts(olds.seeds ?? []).join() === unionHosts(news.seeds ?? []).join(),
        ),
        ...changed("connection", sameConnection(olds.connection, news.connection)),
        ...changed("stepDownPrimary", (olds.stepDownPrimary ?? false) === news.stepDownPrimary),
      ];
      return {
        changes: replaces.length + updates.length > 0,
        replaces,
        deleteBeforeReplace: false,
      };
    },

    async create(inputs) {
      const ctx = context(inputs);
      try {
        return await withLock(inputs.name, async () => {
          const hosts = unionHosts(
            inputs.members.map((m) => m.host),
            inputs.seeds,
          );
          const probes = await probe(ctx, hosts);
          const foreign = probes.find(
            (p) => p.hello?.["setName"] !== undefined && p.hello["setName"] !== inputs.name,
          );
          if (foreign !== undefined) {
            throw new Error(
              `replica set ${inputs.name}: member ${foreign.host} already belongs to replica set ` +
                `${String(foreign.hello?.["setName"])}; a member cannot move between sets`,
            );
          }
          const live = probes.some((p) => p.hello?.["setName"] === inputs.name);
          let remembered: Record<string, number> = {};
          if (!live) {
            await initiate(ctx, inputs.members, probes);
            const primary = await findPrimary(ctx, hosts, "after initiate");
            const { config } = await getConfig(ctx, primary, "after initiate");
            await waitCommitted(ctx, primary, version(config), "after initiate");
            remembered = membersOf(config).memberIds;
          }
          const outs = await converge(ctx, inputs, remembered);
          return { id: inputs.name, outs };
        });
      } finally {
        await ctx.runner.close();
      }
    },

    async read(id, props) {
      if (props === undefined)
        throw new Error("ReplicaSet cannot be imported; declare it and run up");
      const ctx = context(props);
      try {
        const hosts = unionHosts(
          (props.members ?? []).map((m) => m.host),
          props.seeds ?? [],
          Object.keys(props.memberIds ?? {}),
        );
        const probes = await probe(ctx, hosts);
        const inSet = probes.filter((p) => p.hello?.["setName"] === props.name);
        const source = inSet.find((p) => p.hello?.["isWritablePrimary"] === true) ?? inSet[0];
        if (source === undefined) {
          const reachable = probes.filter((p) => p.error === undefined);
          if (reachable.length > 0 && reachable.every((p) => p.hello?.["setName"] === undefined)) {
            return {}; // every member answers and none is initiated: the set is gone
          }
          throw new Error(
            `replica set ${props.name}: refresh found no member of the set: ` +
              probes
                .map(
                  (p) =>
                    `${p.host}: ${p.error !== undefined ? "unreachable" : `in set ${String(p.hello?.["setName"] ?? "none")}`}`,
                )
                .join("; "),
          );
        }
        const { config } = await getConfig(ctx, source.host, "during refresh");
        const live = membersOf(config);
        const members = orderLike(live.members, props.members ?? []);
        const inputs: ReplicaSetInputs = {
          name: props.name,
          members,
          seeds: props.seeds ?? [],
          connection: props.connection ?? {},
          stepDownPrimary: props.stepDownPrimary ?? false,
        };
        const outs: ReplicaSetOutputs = {
          ...inputs,
          memberIds: live.memberIds,
          configVersion: version(config),
          configTerm: Number(config["term"] ?? 0),
          replicaSetId: replicaSetIdOf(config),
        };
        return { id, props: outs, inputs: inputs as ReplicaSetOutputs };
      } finally {
        await ctx.runner.close();
      }
    },

    async update(_id, olds, news) {
      const ctx = context(news);
      try {
        const former = unionHosts(
          (olds.members ?? []).map((m) => m.host),
          Object.keys(olds.memberIds ?? {}),
          olds.seeds ?? [],
        );
        const outs = await withLock(news.name, () =>
          converge(ctx, news, olds.memberIds ?? {}, former),
        );
        return { outs };
      } finally {
        await ctx.runner.close();
      }
    },

    async delete() {
      // Deliberately nothing: the members and their data outlive the resource. Taking a member
      // out of the set is a change of `members`, never a side effect of deleting the resource.
    },
  };
}

/** The implementation the runtime package serves for this type (no test runner). */
export const replicaSetProviderInstance = replicaSetProvider();
