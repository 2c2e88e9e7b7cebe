/**
 * The `MongoUser` provider (the resource: resources.ts): a database user (`createUser` /
 * `updateUser` / `dropUser`). The user's password is the managed object, so it is an input, kept
 * secret in state (`additionalSecretOutputs`) and never quoted in a message; the admin
 * credentials used to manage it come from `configure`.
 * `create` adopts a user that already exists (sets its password and roles). `read` reports role
 * drift; the password cannot be read back and is carried over from state.
 */
import type * as pulumi from "@pulumi/pulumi";
import {
  connectionFailures,
  hostListFailures,
  normalizeConnection,
  sameConnection,
} from "./checks";
import { isUnknown, type Failure } from "./members";
import { CODES, errorCode, explain, findPrimary, type OpsContext } from "./ops";
import { credentialsFrom, mongoRegistry } from "./registry";
import { driverRunner } from "./runner";
import type {
  ConnectionSettings,
  Doc,
  MongoUserInputs,
  MongoUserOutputs,
  RunnerFactory,
  UserRole,
} from "./types";

type Provider = Required<pulumi.dynamic.ResourceProvider<MongoUserInputs, MongoUserOutputs>>;

const MIN_PASSWORD = 12;

function normalizeRoles(value: unknown, db: string): UserRole[] {
  if (!Array.isArray(value)) return [];
  return value.map((r) =>
    typeof r === "string"
      ? { role: r, db }
      : { role: String((r as Doc)["role"]), db: String((r as Doc)["db"] ?? db) },
  );
}

const roleKey = (r: UserRole) => `${r.db}.${r.role}`;
const sameRoles = (a: UserRole[], b: UserRole[]) =>
  a.map(roleKey).sort().join() === b.map(roleKey).sort().join();

/** Live roles in the declared order (others after), so a refresh without drift changes nothing. */
function rolesLike(live: UserRole[], declared: UserRole[]): UserRole[] {
  const rank = new Map(declared.map((r, i) => [roleKey(r), i]));
  const known = live.filter((r) => rank.has(roleKey(r)));
  known.sort((a, b) => (rank.get(roleKey(a)) ?? 0) - (rank.get(roleKey(b)) ?? 0));
  return [...known, ...live.filter((r) => !rank.has(roleKey(r)))];
}

export function mongoUserProvider(runnerFactory?: RunnerFactory): Provider {
  const context = (inputs: MongoUserInputs): OpsContext => {
    const make = runnerFactory ?? driverRunner;
    return {
      runner: make(inputs.connection, mongoRegistry().credentials),
      name: inputs.replicaSet,
      connection: inputs.connection,
    };
  };

  /** Runs a user command on the primary, in the user's database. */
  const onPrimary = async (
    ctx: OpsContext,
    inputs: MongoUserInputs,
    command: Doc,
    what: string,
  ) => {
    const primary = await findPrimary(ctx, inputs.hosts, `to ${what} user ${inputs.username}`);
    try {
      return await ctx.runner.runOn(primary, inputs.db, command);
    } catch (e) {
      const err = new Error(
        `replica set ${inputs.replicaSet}: ${what} user ${inputs.username} on ${primary} failed: ${explain(e)}`,
        { cause: e },
      );
      (err as Error & { code?: number }).code = errorCode(e);
      throw err;
    }
  };

  const lookUp = async (ctx: OpsContext, inputs: MongoUserInputs): Promise<Doc | undefined> => {
    const reply = await onPrimary(
      ctx,
      inputs,
      { usersInfo: { user: inputs.username, db: inputs.db } },
      "look up",
    );
    const users = Array.isArray(reply["users"]) ? (reply["users"] as Doc[]) : [];
    return users[0];
  };

  const withRunner = async <T>(inputs: MongoUserInputs, fn: (ctx: OpsContext) => Promise<T>) => {
    const ctx = context(inputs);
    try {
      return await fn(ctx);
    } finally {
      await ctx.runner.close();
    }
  };

  return {
    async configure(req) {
      mongoRegistry().credentials = credentialsFrom(req.config);
    },

    async check(_olds, news) {
      const raw = news as unknown as Record<string, unknown>;
      const failures: Failure[] = [];
      const text = (k: string) => {
        if (!isUnknown(raw[k]) && (typeof raw[k] !== "string" || raw[k] === "")) {
          failures.push({ property: k, reason: "must be a non-empty string" });
        }
      };
      text("replicaSet");
      text("username");
      const db = (raw["db"] ?? "admin") as string;
      if (!isUnknown(db) && (typeof db !== "string" || !/^[^/\\. "$]{1,64}$/.test(db))) {
        failures.push({ property: "db", reason: "must be a database name" });
      }
      const password = raw["password"];
      if (
        !isUnknown(password) &&
        (typeof password !== "string" || password.length < MIN_PASSWORD)
      ) {
        // Never quote the value: check failures are printed and kept in CI logs.
        failures.push({
          property: "password",
          reason: `must be a string of at least ${MIN_PASSWORD} characters`,
        });
      }
      failures.push(...hostListFailures(raw["hosts"], "hosts", 1));
      failures.push(...connectionFailures(raw["connection"]));
      let roles = raw["roles"] as UserRole[];
      if (!isUnknown(raw["roles"])) {
        if (!Array.isArray(raw["roles"])) {
          failures.push({ property: "roles", reason: "must be a list of roles" });
        }
        roles = normalizeRoles(raw["roles"], db);
        roles.forEach((r, i) => {
          if (r.role === "" || r.role === "undefined") {
            failures.push({ property: `roles[${i}].role`, reason: "must name a role" });
          }
        });
      }
      const inputs: MongoUserInputs = {
        replicaSet: news.replicaSet,
        hosts: news.hosts,
        connection: isUnknown(raw["connection"])
          ? (raw["connection"] as ConnectionSettings)
          : normalizeConnection(raw["connection"]),
        db,
        username: news.username,
        password: news.password,
        roles,
      };
      return { inputs, failures };
    },

    async diff(_id, olds, news) {
      const raw = news as unknown as Record<string, unknown>;
      const changed = (k: string, same: boolean) => (isUnknown(raw[k]) || !same ? [k] : []);
      const replaces = [
        ...changed("replicaSet", olds.replicaSet === news.replicaSet),
        ...changed("db", olds.db === news.db),
        ...changed("username", olds.username === news.username),
      ];
      const updates = [
        ...changed("password", olds.password === news.password),
        ...changed("roles", sameRoles(olds.roles ?? [], news.roles ?? [])),
        ...changed("hosts", (olds.hosts ?? []).join() === (news.hosts ?? []).join()),
        ...changed("connection", sameConnection(olds.connection, news.connection)),
      ];
      return {
        changes: replaces.length + updates.length > 0,
        replaces,
        deleteBeforeReplace: false,
      };
    },

    async create(inputs) {
      return withRunner(inputs, async (ctx) => {
        const existing = await lookUp(ctx, inputs);
        const body = { pwd: inputs.password, roles: inputs.roles };
        if (existing === undefined) {
          await onPrimary(ctx, inputs, { createUser: inputs.username, ...body }, "create");
        } else {
          await onPrimary(ctx, inputs, { updateUser: inputs.username, ...body }, "adopt");
        }
        return { id: `${inputs.replicaSet}/${inputs.db}.${inputs.username}`, outs: { ...inputs } };
      });
    },

    async read(id, props) {
      if (props === undefined)
        throw new Error("MongoUser cannot be imported; declare it and run up");
      return withRunner(props, async (ctx) => {
        const live = await lookUp(ctx, props);
        if (live === undefined) return {};
        const roles = rolesLike(normalizeRoles(live["roles"], props.db), props.roles ?? []);
        const outs: MongoUserOutputs = { ...props, roles };
        return { id, props: outs, inputs: outs };
      });
    },

    async update(_id, olds, news) {
      return withRunner(news, async (ctx) => {
        const command: Doc = { updateUser: news.username };
        if (olds.password !== news.password) command["pwd"] = news.password;
        if (!sameRoles(olds.roles ?? [], news.roles)) command["roles"] = news.roles;
        if (Object.keys(command).length > 1) await onPrimary(ctx, news, command, "update");
        return { outs: { ...news } };
      });
    },

    async delete(_id, props) {
      await withRunner(props, async (ctx) => {
        try {
          await onPrimary(ctx, props, { dropUser: props.username }, "drop");
        } catch (e) {
          if (errorCode(e) !== CODES.UserNotFound) throw e;
        }
      });
    },
  };
}

/** The implementation the runtime package serves for this type (no test runner). */
export const mongoUserProviderInstance = mongoUserProvider();
