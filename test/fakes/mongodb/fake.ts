/**
 * An in-process MongoDB replica set, written from the server's documented behaviour of
 * `hello`, `replSetInitiate`, `replSetGetConfig` (with `commitmentStatus`), `replSetGetStatus`,
 * `replSetReconfig`, `replSetStepDown`, `createUser`, `updateUser`, `usersInfo` and `dropUser`
 * (MongoDB 8.0 manual; messages and codes as in the server's repl_set_config_checks.cpp and
 * member_config.cpp). It validates independently of the provider: it does not import it.
 *
 * Time is modelled by commands: every command first lets heartbeats run (members that are up and
 * not lagging install the primary's configuration) and counts down a pending election.
 *
 * Fault injection: `stop(host)` (unreachable), `setLagging(host)` (never installs new configs),
 * `requireAuth(creds)` (every command but `hello` needs these credentials).
 */
import { randomBytes } from "node:crypto";
import type { AdminCredentials, Doc, MongoCommandRunner } from "../../../providers/mongodb/types";

export const CODES = {
  BadValue: 2,
  UserNotFound: 11,
  Unauthorized: 13,
  AuthenticationFailed: 18,
  AlreadyInitialized: 23,
  RoleNotFound: 31,
  MaxTimeMSExpired: 50,
  CommandNotFound: 59,
  NodeNotFound: 74,
  InvalidReplicaSetConfig: 93,
  NotYetInitialized: 94,
  NewReplicaSetConfigurationIncompatible: 103,
  ExceededTimeLimit: 262,
  CurrentConfigNotCommittedYet: 308,
  NotWritablePrimary: 10107,
  UserAlreadyExists: 51003,
} as const;

type CodeName = keyof typeof CODES;

export class FakeServerError extends Error {
  readonly code: number;
  readonly codeName: string;
  constructor(codeName: CodeName, message: string) {
    super(message);
    this.name = "MongoServerError";
    this.codeName = codeName;
    this.code = CODES[codeName];
  }
}

/** What a client sees when nothing answers: no numeric `code`. */
export class FakeNetworkError extends Error {
  constructor(host: string) {
    super(`connect ECONNREFUSED ${host}`);
    this.name = "MongoNetworkError";
  }
}

type State = "STARTUP" | "PRIMARY" | "SECONDARY" | "REMOVED";

interface Node {
  host: string;
  /** `replication.replSetName` on its command line. */
  setName: string;
  up: boolean;
  lagging: boolean;
  config?: Doc;
  state: State;
}

interface User {
  user: string;
  db: string;
  pwd: string;
  roles: { role: string; db: string }[];
}

const BUILTIN_ROLES = ["read", "readWrite", "dbAdmin", "dbOwner", "userAdmin"];
const ADMIN_ONLY_ROLES = [
  "clusterAdmin",
  "clusterManager",
  "clusterMonitor",
  "hostManager",
  "backup",
  "restore",
  "readAnyDatabase",
  "readWriteAnyDatabase",
  "userAdminAnyDatabase",
  "dbAdminAnyDatabase",
  "root",
];

const clone = <T>(v: T): T => structuredClone(v);
const members = (config: Doc | undefined): Doc[] =>
  Array.isArray(config?.["members"]) ? (config["members"] as Doc[]) : [];
const votes = (m: Doc) => (m["votes"] === undefined ? 1 : Number(m["votes"]));
const priority = (m: Doc) => (m["priority"] === undefined ? 1 : Number(m["priority"]));
const electable = (m: Doc) =>
  votes(m) === 1 && priority(m) > 0 && m["hidden"] !== true && m["arbiterOnly"] !== true;
const versionTerm = (c: Doc) =>
  `{version: ${Number(c["version"])}, term: ${Number(c["term"] ?? 0)}}`;
/** (term, version) order, as the server compares configurations. */
const newer = (a: Doc, b: Doc | undefined) =>
  b === undefined ||
  Number(a["term"] ?? 0) > Number(b["term"] ?? 0) ||
  (Number(a["term"] ?? 0) === Number(b["term"] ?? 0) &&
    Number(a["version"]) > Number(b["version"]));

export interface RecordedCall {
  host: string;
  db: string;
  command: Doc;
}

export class FakeMongoCluster {
  readonly nodes = new Map<string, Node>();
  readonly calls: RecordedCall[] = [];
  private users = new Map<string, User>();
  private term = 0;
  private electionIn = -1;
  private steppedDown: string | undefined;
  private auth: AdminCredentials | undefined;
  /** Commands a new election takes after initiate or a stepdown. */
  electionDelay = 1;

  /** A `mongod --replSet <setName>` that has not been initiated. */
  addNode(host: string, setName: string): this {
    this.nodes.set(host, { host, setName, up: true, lagging: false, state: "STARTUP" });
    return this;
  }

  stop(host: string): void {
    const n = this.node(host);
    n.up = false;
    if (n.state === "PRIMARY") {
      n.state = "SECONDARY";
      this.electionIn = this.electionDelay;
    }
  }

  start(host: string): void {
    this.node(host).up = true;
  }

  setLagging(host: string, lagging = true): void {
    this.node(host).lagging = lagging;
  }

  requireAuth(credentials: AdminCredentials): void {
    this.auth = credentials;
  }

  primary(): string | undefined {
    return [...this.nodes.values()].find((n) => n.up && n.state === "PRIMARY")?.host;
  }

  /** The primary's configuration (a copy). */
  config(): Doc {
    const p = this.primary();
    if (p === undefined) throw new Error("fake: no primary");
    return clone(this.node(p).config ?? {});
  }

  /** Members' configuration versions as each member has installed it. */
  installedVersions(): Record<string, number | undefined> {
    return Object.fromEntries(
      [...this.nodes.values()].map((n) => [n.host, n.config?.["version"] as number | undefined]),
    );
  }

  userPassword(db: string, user: string): string | undefined {
    return this.users.get(`${db}.${user}`)?.pwd;
  }

  /** Configurations installed by `replSetReconfig` so far, in order. */
  readonly accepted: Doc[] = [];

  /** `replSetReconfig` commands sent (accepted or not). */
  reconfigCalls(): Doc[] {
    return this.calls.filter((c) => "replSetReconfig" in c.command).map((c) => c.command);
  }

  /** The runner factory the providers take (credentials as the provider got them). */
  runnerFactory() {
    return (
      _connection: unknown,
      credentials: AdminCredentials | undefined,
    ): MongoCommandRunner => ({
      runAdmin: (host, command) => this.run(host, "admin", command, credentials),
      runOn: (host, db, command) => this.run(host, db, command, credentials),
      close: async () => undefined,
    });
  }

  /** Runs a command as a client with `credentials` would. */
  async run(
    host: string,
    db: string,
    command: Doc,
    credentials: AdminCredentials | undefined,
  ): Promise<Doc> {
    this.calls.push({ host, db, command: clone(command) });
    this.heartbeat();
    const node = this.nodes.get(host);
    if (node === undefined || !node.up) throw new FakeNetworkError(host);
    const name = Object.keys(command)[0] ?? "";
    if (name !== "hello") this.authenticate(credentials, name);
    const reply = this.dispatch(node, db, name, command);
    return { ...reply, ok: 1 };
  }

  private authenticate(credentials: AdminCredentials | undefined, name: string): void {
    if (this.auth === undefined) return;
    if (credentials === undefined) {
      throw new FakeServerError("Unauthorized", `Command ${name} requires authentication`);
    }
    if (
      credentials.username !== this.auth.username ||
      credentials.password !== this.auth.password
    ) {
      throw new FakeServerError("AuthenticationFailed", "Authentication failed.");
    }
  }

  private dispatch(node: Node, db: string, name: string, command: Doc): Doc {
    switch (name) {
      case "hello":
        return this.hello(node);
      case "replSetInitiate":
        return this.initiate(node, command["replSetInitiate"] as Doc);
      case "replSetGetConfig":
        return this.getConfig(node, command["commitmentStatus"] === true);
      case "replSetGetStatus":
        return this.getStatus(node);
      case "replSetReconfig":
        return this.reconfig(node, command["replSetReconfig"] as Doc, command["maxTimeMS"]);
      case "replSetStepDown":
        return this.stepDown(node);
      case "createUser":
      case "updateUser":
      case "dropUser":
      case "usersInfo":
        return this.userCommand(node, db, name, command);
      default:
        throw new FakeServerError("CommandNotFound", `no such command: '${name}'`);
    }
  }

  private node(host: string): Node {
    const n = this.nodes.get(host);
    if (n === undefined) throw new Error(`fake: no node ${host}`);
    return n;
  }

  // ---- time: heartbeats and elections ---------------------------------------------------

  private heartbeat(): void {
    const p = this.primary();
    const source = p !== undefined ? this.node(p).config : this.newestConfig();
    if (source !== undefined) {
      const hosts = new Set(members(source).map((m) => String(m["host"])));
      for (const n of this.nodes.values()) {
        if (!n.up || n.lagging || n.setName !== source["_id"] || !newer(source, n.config)) continue;
        // A node that was never initiated learns the configuration only if it is a member.
        if (n.config === undefined && !hosts.has(n.host)) continue;
        n.config = clone(source);
        if (!hosts.has(n.host)) n.state = "REMOVED";
        else if (n.state === "REMOVED" || n.state === "STARTUP") n.state = "SECONDARY";
      }
    }
    this.primaryKeepsMajority();
    if (this.electionIn > 0) this.electionIn--;
    else if (this.electionIn === 0) this.elect();
  }

  /** A primary that cannot see a majority of the voters steps down (and nobody can win). */
  private primaryKeepsMajority(): void {
    const p = this.primary();
    if (p === undefined) return;
    const voters = members(this.node(p).config).filter((m) => votes(m) === 1);
    const up = voters.filter((m) => this.nodes.get(String(m["host"]))?.up === true);
    if (up.length < Math.floor(voters.length / 2) + 1) {
      this.node(p).state = "SECONDARY";
      this.electionIn = this.electionDelay;
    }
  }

  private newestConfig(): Doc | undefined {
    let best: Doc | undefined;
    for (const n of this.nodes.values()) if (n.config && newer(n.config, best)) best = n.config;
    return best;
  }

  private elect(): void {
    const config = this.newestConfig();
    if (config === undefined) return;
    const voters = members(config).filter((m) => votes(m) === 1);
    const upVoters = voters.filter((m) => this.nodes.get(String(m["host"]))?.up === true);
    if (upVoters.length < Math.floor(voters.length / 2) + 1) return; // no majority: stays without
    const candidates = members(config)
      .filter(electable)
      .filter((m) => String(m["host"]) !== this.steppedDown)
      .filter((m) => {
        const n = this.nodes.get(String(m["host"]));
        return n?.up === true && n.config !== undefined && !newer(config, n.config);
      })
      .sort((a, b) => priority(b) - priority(a));
    const winner = candidates[0];
    if (winner === undefined) return;
    this.term++;
    this.electionIn = -1;
    this.steppedDown = undefined;
    for (const n of this.nodes.values()) if (n.state === "PRIMARY") n.state = "SECONDARY";
    const w = this.node(String(winner["host"]));
    w.state = "PRIMARY";
    // A new primary stamps its term on the configuration (4.4+ config term).
    w.config = { ...clone(config), term: this.term };
  }

  // ---- replication commands ---------------------------------------------------------------

  private hello(node: Node): Doc {
    const base = { me: node.host, maxWireVersion: 25, isreplicaset: node.config === undefined };
    if (node.config === undefined || node.state === "REMOVED") {
      return {
        ...base,
        isWritablePrimary: false,
        secondary: false,
        info: "Does not have a valid replica set config",
      };
    }
    const visible = members(node.config).filter(
      (m) => m["hidden"] !== true && m["arbiterOnly"] !== true,
    );
    const self = members(node.config).find((m) => m["host"] === node.host);
    const reply: Doc = {
      ...base,
      isreplicaset: undefined,
      setName: node.config["_id"],
      setVersion: node.config["version"],
      isWritablePrimary: node.state === "PRIMARY",
      secondary: node.state === "SECONDARY",
      hosts: visible.filter((m) => priority(m) > 0).map((m) => m["host"]),
      passives: visible.filter((m) => priority(m) === 0).map((m) => m["host"]),
    };
    const primary = this.primary();
    if (primary !== undefined) reply["primary"] = primary;
    if (self?.["hidden"] === true) reply["hidden"] = true;
    delete reply["isreplicaset"];
    return reply;
  }

  private requireConfig(node: Node): Doc {
    if (node.config === undefined) {
      throw new FakeServerError("NotYetInitialized", "no replset config has been received");
    }
    return node.config;
  }

  private getConfig(node: Node, commitmentStatus: boolean): Doc {
    const config = this.requireConfig(node);
    const reply: Doc = { config: clone(config) };
    if (commitmentStatus) {
      if (node.state !== "PRIMARY") {
        throw new FakeServerError(
          "NotWritablePrimary",
          "commitmentStatus is only supported on primary.",
        );
      }
      reply["commitmentStatus"] = this.committed(config);
    }
    return reply;
  }

  /** Installed on a majority of the configuration's voting members. */
  private committed(config: Doc): boolean {
    const voters = members(config).filter((m) => votes(m) === 1);
    const installed = voters.filter((m) => {
      const n = this.nodes.get(String(m["host"]));
      return n?.config !== undefined && !newer(config, n.config);
    });
    return installed.length >= Math.floor(voters.length / 2) + 1;
  }

  private getStatus(node: Node): Doc {
    const config = this.requireConfig(node);
    return {
      set: config["_id"],
      term: this.term,
      myState: node.state === "PRIMARY" ? 1 : 2,
      members: members(config).map((m) => {
        const other = this.nodes.get(String(m["host"]));
        const up = other?.up === true;
        return {
          _id: m["_id"],
          name: m["host"],
          health: up ? 1 : 0,
          state: up ? (other.state === "PRIMARY" ? 1 : 2) : 8,
          stateStr: up ? other.state : "(not reachable/healthy)",
          configVersion: up ? (other.config?.["version"] ?? -1) : -1,
          configTerm: up ? (other.config?.["term"] ?? -1) : -1,
          ...(other?.host === node.host ? { self: true } : {}),
        };
      }),
    };
  }

  /** member_config.cpp / repl_set_config.cpp rules; the message of the first broken rule. */
  private invalid(config: Doc): string | undefined {
    const list = members(config);
    if (list.length < 1 || list.length > 50) {
      return `Replica set configuration contains ${list.length} members, but must be at least 1 and no more than 50`;
    }
    for (const m of list) {
      const p = priority(m);
      const v = votes(m);
      if (!Number.isInteger(m["_id"]) || Number(m["_id"]) < 0)
        return "_id field must be a non-negative integer";
      if (typeof m["host"] !== "string" || !/:\d+$/.test(m["host"]))
        return `bad host field: ${String(m["host"])}`;
      if (!(p >= 0 && p <= 1000)) return `priority field value of ${p} is out of range`;
      if (v !== 0 && v !== 1) return `votes field value is ${v} but must be 0 or 1`;
      if (m["hidden"] === true && p !== 0) return "priority must be 0 when hidden=true";
      if (v === 0 && p !== 0) return "priority must be 0 when non-voting (votes:0)";
    }
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = [list[i] ?? {}, list[j] ?? {}];
        if (a["_id"] === b["_id"]) {
          return `Found two member configurations with same _id field, members.${i}._id == members.${j}._id == ${String(a["_id"])}`;
        }
        if (String(a["host"]).toLowerCase() === String(b["host"]).toLowerCase()) {
          return `Found two member configurations with same host field, members.${i}.host == members.${j}.host == ${String(a["host"])}`;
        }
      }
    }
    const voters = list.filter((m) => votes(m) === 1).length;
    if (voters < 1 || voters > 7) {
      return `Replica set configuration contains ${voters} voting members, but must be at least 1 and no more than 7`;
    }
    if (!list.some((m) => priority(m) > 0 && m["arbiterOnly"] !== true)) {
      return "Replica set configuration must contain at least one non-arbiter member with priority > 0";
    }
    return undefined;
  }

  private initiate(node: Node, requested: Doc): Doc {
    if (node.config !== undefined)
      throw new FakeServerError("AlreadyInitialized", "already initialized");
    const config: Doc = { ...clone(requested), version: 1, term: 0, protocolVersion: 1 };
    if (config["_id"] !== node.setName) {
      throw new FakeServerError(
        "InvalidReplicaSetConfig",
        `Attempting to initiate a replica set with name ${String(config["_id"])}, but command line reports ${node.setName}; rejecting`,
      );
    }
    const problem = this.invalid(config);
    if (problem !== undefined) throw new FakeServerError("InvalidReplicaSetConfig", problem);
    const self = members(config).find((m) => m["host"] === node.host);
    if (self === undefined) {
      throw new FakeServerError(
        "InvalidReplicaSetConfig",
        `No host described in new configuration with ${versionTerm(config)} for replica set ${node.setName} maps to this node`,
      );
    }
    if (!electable(self)) {
      throw new FakeServerError(
        "InvalidReplicaSetConfig",
        `This node, ${node.host}, with _id MemberId(${String(self["_id"])}) is not electable under the new configuration with ${versionTerm(config)} for replica set ${node.setName}`,
      );
    }
    // Quorum check: every proposed member must answer and be uninitiated in the same set.
    const refused = members(config)
      .map((m) => this.nodes.get(String(m["host"])))
      .map((n, i) => ({ n, host: String(members(config)[i]?.["host"]) }))
      .filter(
        ({ n }) => n === undefined || !n.up || n.config !== undefined || n.setName !== node.setName,
      );
    if (refused.length > 0) {
      const why = refused
        .map(({ n, host }) =>
          n === undefined || !n.up
            ? `${host} failed with Connection refused`
            : `${host} failed with ${n.config !== undefined ? "member is already initialized" : `replica set name ${n.setName} differs`}`,
        )
        .join(", ");
      throw new FakeServerError(
        "NodeNotFound",
        `replSetInitiate quorum check failed because not all proposed set members responded affirmatively: ${why}`,
      );
    }
    config["settings"] = {
      chainingAllowed: true,
      ...((config["settings"] as Doc | undefined) ?? {}),
      replicaSetId: randomBytes(12).toString("hex"),
    };
    for (const m of members(config)) {
      const n = this.node(String(m["host"]));
      n.config = clone(config);
      n.state = "SECONDARY";
    }
    this.electionIn = this.electionDelay;
    return {};
  }

  private reconfig(node: Node, requested: Doc, maxTimeMS: unknown): Doc {
    const current = this.requireConfig(node);
    if (node.state !== "PRIMARY") {
      throw new FakeServerError(
        "NotWritablePrimary",
        `replSetReconfig should only be run on a writable PRIMARY. Current state ${node.state};`,
      );
    }
    if (!this.committed(current)) {
      throw new FakeServerError(
        "CurrentConfigNotCommittedYet",
        `Cannot run replSetReconfig because the current config: ${versionTerm(current)} is not yet committed.`,
      );
    }
    // The primary sets the term; a term in the request is ignored.
    const next: Doc = { ...clone(requested), term: this.term };
    const incompatible = (message: string) =>
      new FakeServerError("NewReplicaSetConfigurationIncompatible", message);
    const problem = this.invalid(next);
    if (problem !== undefined) throw incompatible(problem);
    if (!newer(next, current)) {
      throw incompatible(
        `New replica set configuration version and term must be greater than old, but ${versionTerm(next)} is not greater than ${versionTerm(current)} for replica set ${String(current["_id"])}`,
      );
    }
    if (next["_id"] !== current["_id"]) {
      throw incompatible(
        `New and old configurations differ in replica set name; old was ${String(current["_id"])}, and new is ${String(next["_id"])}`,
      );
    }
    for (const n of members(next)) {
      for (const o of members(current)) {
        if (n["host"] === o["host"] && n["_id"] !== o["_id"]) {
          throw incompatible(
            `New and old configurations both have members with host of ${String(o["host"])} but in the new configuration the _id field is ${String(n["_id"])} and in the old configuration it is ${String(o["_id"])} for replica set ${String(current["_id"])}`,
          );
        }
      }
    }
    const voterIds = (c: Doc) =>
      new Set(
        members(c)
          .filter((m) => votes(m) === 1)
          .map((m) => m["_id"]),
      );
    const [before, after] = [voterIds(current), voterIds(next)];
    const changed =
      [...before].filter((id) => !after.has(id)).length +
      [...after].filter((id) => !before.has(id)).length;
    if (changed > 1) {
      throw incompatible(
        "Non force replica set reconfig can only add or remove at most 1 voting member.",
      );
    }
    const self = members(next).find((m) => m["host"] === node.host);
    if (self === undefined) {
      throw incompatible(
        `No host described in new configuration with ${versionTerm(next)} for replica set ${String(current["_id"])} maps to this node`,
      );
    }
    if (!electable(self)) {
      throw incompatible(
        `This node, ${node.host}, with _id MemberId(${String(self["_id"])}) is not electable under the new configuration with ${versionTerm(next)} for replica set ${String(current["_id"])}`,
      );
    }
    // Quorum check: a majority of the new configuration's voters must answer.
    const voters = members(next).filter((m) => votes(m) === 1);
    const answering = voters.filter((m) => {
      const n = this.nodes.get(String(m["host"]));
      return n?.up === true && n.setName === current["_id"];
    });
    const needed = Math.floor(voters.length / 2) + 1;
    if (answering.length < needed) {
      const silent = voters
        .filter((m) => !answering.includes(m))
        .map((m) => `${String(m["host"])} failed with Connection refused`);
      throw new FakeServerError(
        "NodeNotFound",
        `Quorum check failed because not enough voting nodes responded; required ${needed} but only the following ${answering.length} voting nodes responded: ${answering.map((m) => m["host"]).join(", ")}; the following nodes did not respond affirmatively: ${silent.join(", ")}`,
      );
    }
    const settings = {
      ...((current["settings"] as Doc | undefined) ?? {}),
      ...((next["settings"] as Doc | undefined) ?? {}),
    };
    next["settings"] = settings;
    node.config = next;
    this.accepted.push(clone(next));
    this.heartbeat();
    if (!this.committed(next) && maxTimeMS !== undefined) {
      throw new FakeServerError("MaxTimeMSExpired", "operation exceeded time limit");
    }
    return {};
  }

  private stepDown(node: Node): Doc {
    this.requireConfig(node);
    if (node.state !== "PRIMARY")
      throw new FakeServerError("NotWritablePrimary", "not primary so can't step down");
    const config = node.config ?? {};
    const others = members(config).filter((m) => {
      const n = this.nodes.get(String(m["host"]));
      return m["host"] !== node.host && electable(m) && n?.up === true && !n.lagging;
    });
    if (others.length === 0) {
      throw new FakeServerError(
        "ExceededTimeLimit",
        "No electable secondaries caught up as of the stepdown deadline.",
      );
    }
    node.state = "SECONDARY";
    this.steppedDown = node.host;
    this.electionIn = this.electionDelay;
    return {};
  }

  // ---- users ------------------------------------------------------------------------------

  private userCommand(node: Node, db: string, name: string, command: Doc): Doc {
    if (name !== "usersInfo" && node.state !== "PRIMARY") {
      throw new FakeServerError("NotWritablePrimary", "not primary");
    }
    if (name === "usersInfo") {
      const q = command["usersInfo"] as Doc;
      const key = `${String(q["db"] ?? db)}.${String(q["user"])}`;
      const u = this.users.get(key);
      const users = u
        ? [
            {
              _id: key,
              user: u.user,
              db: u.db,
              roles: clone(u.roles),
              mechanisms: ["SCRAM-SHA-256"],
            },
          ]
        : [];
      return { users };
    }
    const user = String(command[name]);
    const key = `${db}.${user}`;
    const existing = this.users.get(key);
    if (name === "dropUser") {
      if (existing === undefined)
        throw new FakeServerError("UserNotFound", `User '${user}@${db}' not found`);
      this.users.delete(key);
      return {};
    }
    const roles = command["roles"] === undefined ? undefined : this.roles(command["roles"], db);
    const pwd = command["pwd"];
    if (pwd !== undefined && (typeof pwd !== "string" || pwd === "")) {
      throw new FakeServerError("BadValue", "Password cannot be empty");
    }
    if (name === "createUser") {
      if (existing !== undefined)
        throw new FakeServerError("UserAlreadyExists", `User "${user}@${db}" already exists`);
      if (typeof pwd !== "string")
        throw new FakeServerError(
          "BadValue",
          "Must provide a 'pwd' field for all user documents, except those with '$external' as the user's source db",
        );
      if (roles === undefined)
        throw new FakeServerError("BadValue", '"createUser" command requires a "roles" array');
      this.users.set(key, { user, db, pwd, roles });
      return {};
    }
    if (existing === undefined)
      throw new FakeServerError("UserNotFound", `Could not find user "${user}" for db "${db}"`);
    if (pwd === undefined && roles === undefined) {
      throw new FakeServerError(
        "BadValue",
        "Must specify at least one field to update in updateUser",
      );
    }
    if (typeof pwd === "string") existing.pwd = pwd;
    if (roles !== undefined) existing.roles = roles;
    return {};
  }

  private roles(value: unknown, db: string): { role: string; db: string }[] {
    if (!Array.isArray(value)) throw new FakeServerError("BadValue", "roles must be an array");
    return value.map((r) => {
      const role =
        typeof r === "string"
          ? { role: r, db }
          : { role: String((r as Doc)["role"]), db: String((r as Doc)["db"]) };
      const known =
        BUILTIN_ROLES.includes(role.role) ||
        (role.db === "admin" && ADMIN_ONLY_ROLES.includes(role.role));
      if (!known)
        throw new FakeServerError("RoleNotFound", `Could not find role: ${role.role}@${role.db}`);
      return role;
    });
  }
}

/** A cluster of uninitiated nodes for one set. */
export function fakeNodes(setName: string, hosts: string[]): FakeMongoCluster {
  const cluster = new FakeMongoCluster();
  for (const h of hosts) cluster.addNode(h, setName);
  return cluster;
}
