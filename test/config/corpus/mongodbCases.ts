/**
 * `baremetal:mongodb.applicationUsers`: names, databases and roles a replica set accepts, and the
 * users the program keeps for itself. Each case is a real stack file with one change.
 */
import { addAt, getAt, setAt } from "../../support/stackConfig";
import type { BadCase, GoodCase } from "./cases";

const USERS = ["mongodb", "applicationUsers"] as const;

function addUser(raw: Record<string, unknown>, user: Record<string, unknown>): void {
  const list = getAt(raw, [...USERS]);
  if (!Array.isArray(list)) throw new Error("mongodb.applicationUsers is not a list");
  list.push(user);
}

export const MONGODB_BAD_CASES: readonly BadCase[] = [
  {
    name: "a MongoDB role spelled in the wrong case",
    base: "production",
    change: (c) => setAt(c, [...USERS, "@payments", "roles"], ["readwrite"]),
    expect: [
      {
        path: "mongodb.applicationUsers[@payments].roles[0]",
        message:
          '"readwrite" is not a built-in database role (read, readWrite, dbAdmin, dbOwner, userAdmin); did you mean "readWrite"?',
      },
    ],
  },
  {
    name: "a role that is no database role",
    base: "staging",
    change: (c) => setAt(c, [...USERS, "@payments", "roles"], ["readWrite", "root"]),
    expect: [
      {
        path: "mongodb.applicationUsers[@payments].roles[1]",
        message: '"root" is not a built-in database role',
      },
    ],
  },
  {
    name: "a role listed twice",
    base: "staging",
    change: (c) => setAt(c, [...USERS, "@payments", "roles"], ["readWrite", "readWrite"]),
    expect: [
      {
        path: "mongodb.applicationUsers[@payments].roles[1]",
        message: 'role "readWrite" is listed twice',
      },
    ],
  },
  {
    name: "no role at all",
    base: "staging",
    change: (c) => setAt(c, [...USERS, "@payments", "roles"], []),
    expect: [{ path: "mongodb.applicationUsers[@payments].roles", message: "at least one role" }],
  },
  {
    name: "two application users with one name",
    base: "production",
    change: (c) => addUser(c, { name: "payments", database: "ledger", roles: ["read"] }),
    expect: [
      {
        path: "mongodb.applicationUsers[1].name",
        message:
          'user "payments" is already declared at baremetal:mongodb.applicationUsers[0].name',
      },
    ],
  },
  {
    name: "an application user named like the exporter's monitoring user",
    base: "production",
    change: (c) => addUser(c, { name: "mongodb_exporter", database: "metrics", roles: ["read"] }),
    expect: [
      {
        path: "mongodb.applicationUsers[1].name",
        message: '"mongodb_exporter" is the exporter\'s monitoring user',
      },
    ],
  },
  {
    name: "an application user named like the set's admin user",
    base: "staging",
    change: (c) => setAt(c, [...USERS, "@payments", "name"], "admin"),
    expect: [
      {
        path: "mongodb.applicationUsers[0].name",
        message: '"admin" is the replica set\'s admin user',
      },
    ],
  },
  {
    name: "an application user on one of MongoDB's own databases",
    base: "production",
    change: (c) => setAt(c, [...USERS, "@payments", "database"], "admin"),
    expect: [
      {
        path: "mongodb.applicationUsers[@payments].database",
        message: "not one of MongoDB's (admin, local, config)",
      },
    ],
  },
  {
    name: "a database name MongoDB refuses",
    base: "staging",
    change: (c) => setAt(c, [...USERS, "@payments", "database"], "pay.ments"),
    expect: [{ path: "mongodb.applicationUsers[@payments].database", message: "database name" }],
  },
  {
    name: "a user name with a space",
    base: "staging",
    change: (c) => setAt(c, [...USERS, "@payments", "name"], "pay ments"),
    expect: [{ path: "mongodb.applicationUsers[0].name", message: "must be a user name" }],
  },
  {
    name: "a misspelled key of an application user",
    base: "production",
    change: (c) => {
      const user = getAt(c, [...USERS, "@payments"]) as Record<string, unknown>;
      user["role"] = user["roles"];
      delete user["roles"];
    },
    expect: [{ path: "mongodb.applicationUsers[@payments]", message: 'did you mean "roles"?' }],
    alsoAllowed: ["mongodb.applicationUsers[@payments].roles"],
  },
  {
    name: "a misspelled key of the mongodb section",
    base: "staging",
    change: (c) => {
      setAt(c, ["mongodb"], { applicationUser: [] });
    },
    expect: [{ path: "mongodb", message: 'did you mean "applicationUsers"?' }],
  },
];

export const MONGODB_GOOD_CASES: readonly GoodCase[] = [
  {
    name: "several application users, one with a rotation",
    base: "production",
    change: (c) => {
      addAt(c, [...USERS, "@payments", "rotation"], 3);
      addUser(c, {
        name: "ledger-reader",
        database: "ledger",
        roles: ["read", "dbAdmin"],
        rotation: "2026-12-01",
      });
    },
  },
  {
    name: "no mongodb section: no application users",
    base: "staging",
    change: (c) => {
      delete c["mongodb"];
    },
  },
];
