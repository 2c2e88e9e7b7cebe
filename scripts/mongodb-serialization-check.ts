/**
 * Plain-Node serialization round trip of the MongoDB providers exactly as resources store them,
 * run outside Jest because Jest can make a broken closure serialize (pulumi-dynamic §5).
 *
 * For each provider: configure it with an admin password (the worst case: credentials must still
 * not be captured), take the thin provider text resources store (providers/shared/thinText.ts),
 * check the size budget and that neither the admin password nor an input password appears,
 * load the text as a fresh module, then call `configure`, `check` and `diff` on the loaded copy
 * (they must answer exactly what the TypeScript provider answers) and `read` against a closed
 * port (which proves the loaded copy finds the `mongodb` driver by name and names the member it
 * cannot reach). Prints one JSON line per provider; exits non-zero on any failure.
 */
import * as pulumi from "@pulumi/pulumi";
import { realpathSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { replicaSetProviderInstance } from "../providers/mongodb/replicaSet";
import { mongoUserProviderInstance } from "../providers/mongodb/user";
import { MONGODB } from "../providers/mongodb/thin";
import { mongodbRuntime } from "../providers/mongodb/runtime-freshness";
import { loadStoredProvider } from "./support/storedProvider";

type AnyProvider = Required<pulumi.dynamic.ResourceProvider>;

const ADMIN_SECRET = `admin-${Math.random().toString(36).slice(2)}-never-serialized`;
const INPUT_SECRET = `user-${Math.random().toString(36).slice(2)}-input`;
const CLOSED = "127.0.0.1:1";
const connection = { tls: false, connectTimeoutMs: 300, stepTimeoutMs: 300, pollIntervalMs: 50 };

const SAMPLES: Record<string, { provider: AnyProvider; news: Record<string, unknown> }> = {
  ReplicaSet: {
    provider: replicaSetProviderInstance as unknown as AnyProvider,
    news: {
      name: "rs0",
      members: [{ host: CLOSED }, { host: "mongo-2.sp1.internal:27017", hidden: true, votes: 0 }],
      connection,
    },
  },
  MongoUser: {
    provider: mongoUserProviderInstance as unknown as AnyProvider,
    news: {
      replicaSet: "rs0",
      hosts: [CLOSED],
      connection,
      username: "payments",
      password: INPUT_SECRET,
      roles: [{ role: "readWrite", db: "payments" }],
    },
  },
};

async function main(): Promise<void> {
  const config = {
    get: (k: string) =>
      ({
        "baremetal:mongodbAdminUsername": "admin",
        "baremetal:mongodbAdminPassword": ADMIN_SECRET,
      })[k],
  };
  const request = { config } as unknown as pulumi.dynamic.ConfigureRequest;
  let failed = false;
  for (const [name, { provider, news }] of Object.entries(SAMPLES)) {
    const result: Record<string, unknown> = { provider: name };
    try {
      await provider.configure(request);
      const { text, provider: loaded } = await loadStoredProvider<AnyProvider>(MONGODB, name, {
        bundlePath: realpathSync(mongodbRuntime.runtimeBundle),
        secrets: [ADMIN_SECRET, INPUT_SECRET],
        first: (p) => p.configure(request),
      });
      result["bytes"] = text.length;
      const checked = await loaded.check({}, news);
      if ((checked.failures ?? []).length > 0) {
        throw new Error(`sample inputs fail check: ${JSON.stringify(checked.failures)}`);
      }
      if (JSON.stringify(checked.failures).includes(INPUT_SECRET)) throw new Error("secret quoted");
      const olds = { ...checked.inputs, memberIds: {}, configVersion: 1, configTerm: 1 };
      const diff = await loaded.diff("rs0", olds, checked.inputs);
      result["diffChanges"] = diff.changes;
      if (!isDeepStrictEqual(checked, await provider.check({}, news))) {
        throw new Error("check of the loaded copy differs from the TypeScript provider");
      }
      if (!isDeepStrictEqual(diff, await provider.diff("rs0", olds, checked.inputs))) {
        throw new Error("diff of the loaded copy differs from the TypeScript provider");
      }
      const refused = await loaded.read("rs0", olds).then(
        () => new Error("read against a closed port succeeded"),
        (e: unknown) => e,
      );
      const message = refused instanceof Error ? refused.message : String(refused);
      if (!message.includes(CLOSED) || !/unreachable/.test(message)) {
        throw new Error(`read did not report the unreachable member: ${message}`);
      }
      if (message.includes(ADMIN_SECRET) || message.includes(INPUT_SECRET)) {
        throw new Error("a password appears in an error message");
      }
      result["readError"] = message.slice(0, 160);
      result["ok"] = true;
    } catch (e) {
      result["ok"] = false;
      result["error"] = String(e).slice(0, 800);
      failed = true;
    }
    console.log(JSON.stringify(result));
  }
  process.exitCode = failed ? 1 : 0;
}

void main();
