/**
 * MongoDB application users: unique names that are not the program's own users, and roles from
 * MongoDB's built-in database roles (with the spelling meant when one is close). A stack always
 * has a replica set to hold them: an even number of members, zero included, is refused already
 * (`placement.ts`).
 */
import { closest } from "../keys";
import {
  MONGODB_ADMIN_USERNAME,
  MONGODB_DATABASE_ROLES,
  MONGODB_EXPORTER_USERNAME,
} from "../mongodb";
import type { Report, Sections } from "./context";
import { duplicates } from "./context";

const RESERVED: Readonly<Record<string, string>> = {
  [MONGODB_ADMIN_USERNAME]: "the replica set's admin user, which the first member creates",
  [MONGODB_EXPORTER_USERNAME]: "the exporter's monitoring user, which the program manages",
};

export function mongodbRules({ mongodb }: Sections, report: Report): void {
  if (!mongodb) return;
  const users = mongodb.applicationUsers;
  const at = (i: number, ...rest: PropertyKey[]) => ["mongodb", "applicationUsers", i, ...rest];
  duplicates(
    users,
    (u) => u.name,
    (i, name) => {
      const first = users.findIndex((u) => u.name === name);
      report(
        at(i, "name"),
        `user "${name}" is already declared at ${report.pathOf(at(first, "name"))}`,
      );
    },
  );
  users.forEach((user, i) => {
    const reserved = RESERVED[user.name];
    if (reserved) report(at(i, "name"), `"${user.name}" is ${reserved}; choose another name`);
    user.roles.forEach((role, j) => {
      if ((MONGODB_DATABASE_ROLES as readonly string[]).includes(role)) return;
      const suggestion = closest(role, MONGODB_DATABASE_ROLES);
      report(
        at(i, "roles", j),
        `"${role}" is not a built-in database role (${MONGODB_DATABASE_ROLES.join(", ")})` +
          (suggestion ? `; did you mean "${suggestion}"?` : ""),
      );
    });
    duplicates(
      user.roles,
      (r) => r,
      (j, role) => report(at(i, "roles", j), `role "${role}" is listed twice`),
    );
  });
}
