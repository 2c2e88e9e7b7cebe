/**
 * Per-process state of the MongoDB providers: the admin credentials read by `configure`, and one
 * lock per replica set so that two reconfigurations never overlap (a server accepts one at a
 * time). It hangs off `globalThis` under a registered symbol, so nothing here is ever captured
 * when Pulumi serializes a provider.
 */
import type { AdminCredentials } from "./types";

export interface MongoRegistry {
  credentials?: AdminCredentials;
  locks: Map<string, Promise<unknown>>;
}

export function mongoRegistry(): MongoRegistry {
  const holder = globalThis as unknown as Record<symbol, MongoRegistry | undefined>;
  const key = Symbol.for("baremetal.mongodb.registry");
  let found = holder[key];
  if (found === undefined) {
    found = { locks: new Map() };
    holder[key] = found;
  }
  return found;
}

/** The engine's configuration as `configure` receives it (secrets decrypted). */
export interface ConfigSource {
  get(key: string): string | undefined;
}

/**
 * `baremetal:mongodbAdminUsername` (default `admin`) and the secret
 * `baremetal:mongodbAdminPassword`, else `MONGODB_ADMIN_USERNAME` / `MONGODB_ADMIN_PASSWORD`.
 * Without a password the providers connect unauthenticated (a set without `security.keyFile`).
 */
export function credentialsFrom(config: ConfigSource): AdminCredentials | undefined {
  const env = process.env;
  const password = config.get("baremetal:mongodbAdminPassword") ?? env["MONGODB_ADMIN_PASSWORD"];
  if (password === undefined || password === "") return undefined;
  const username =
    config.get("baremetal:mongodbAdminUsername") ?? env["MONGODB_ADMIN_USERNAME"] ?? "admin";
  return { username, password };
}

/** Runs `fn` after every earlier call for the same key has settled. */
export async function withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const locks = mongoRegistry().locks;
  const before = locks.get(key) ?? Promise.resolve();
  const run = before.then(fn, fn);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  locks.set(key, settled);
  try {
    return await run;
  } finally {
    if (locks.get(key) === settled) locks.delete(key);
  }
}
