/**
 * `baremetal:mongodb`: what the program manages inside the replica set beyond its members — the
 * application's database users. Each user gets a generated password (secret) and the listed
 * built-in roles on its own database; it authenticates against `admin`.
 */
import { z } from "./zod";

/** MongoDB's built-in database roles, which apply to one database. */
export const MONGODB_DATABASE_ROLES = [
  "read",
  "readWrite",
  "dbAdmin",
  "dbOwner",
  "userAdmin",
] as const;
export type MongoDbDatabaseRole = (typeof MONGODB_DATABASE_ROLES)[number];

/**
 * Users the program creates itself: the set's admin user (created by the first member's
 * bootstrap) and the exporter's monitoring user. No application user may take their names.
 */
export const MONGODB_ADMIN_USERNAME = "admin";
export const MONGODB_EXPORTER_USERNAME = "mongodb_exporter";

/** MongoDB's own databases; application data never lives there. */
export const MONGODB_SYSTEM_DATABASES = ["admin", "local", "config"] as const;

const username = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/,
    "must be a user name: 1-64 letters, digits, '_', '.' or '-', starting with a letter or digit",
  );

const database = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,63}$/, "must be a database name: 1-63 letters, digits, '_' or '-'")
  .refine(
    (name) => !(MONGODB_SYSTEM_DATABASES as readonly string[]).includes(name),
    "must be the application's own database, not one of MongoDB's (admin, local, config)",
  );

export const mongodbApplicationUserSchema = z.strictObject({
  name: username,
  /** The database the roles are granted on. */
  database,
  /** Built-in database roles (`read`, `readWrite`, `dbAdmin`, `dbOwner`, `userAdmin`). */
  roles: z.array(z.string().min(1)).min(1, "must list at least one role"),
  /**
   * Change it (a date, a counter) to generate a new password on the next `pulumi up`: the user's
   * password is updated in place (`updateUser`), the user and its roles stay.
   */
  rotation: z.union([z.string().min(1), z.number().int().min(0)]).optional(),
});

export const mongodbSettingsSchema = z
  .strictObject({
    applicationUsers: z.array(mongodbApplicationUserSchema).default([]),
  })
  .default({ applicationUsers: [] });

export type MongoDbApplicationUser = z.infer<typeof mongodbApplicationUserSchema>;
export type MongoDbSettings = z.infer<typeof mongodbSettingsSchema>;
