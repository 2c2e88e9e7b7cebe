/**
 * The real command runner: one `MongoClient` per member with a direct connection (no topology
 * discovery, so a command reaches exactly the member it names, also before the set is initiated).
 * The driver is required inside the function, never imported: an import would be captured by the
 * closure serializer.
 */
/* eslint-disable @typescript-eslint/no-require-imports --
   `require("mongodb")` inside a function keeps the driver out of the serialized provider. */
import type { MongoClientOptions } from "mongodb";
import type { AdminCredentials, ConnectionSettings, Doc, MongoCommandRunner } from "./types";

/** What the runner needs of a driver client; `MongoClient` fits, and so does a test stub. */
export interface DriverClient {
  db(name: string): { command(command: Doc): Promise<Doc> };
  close(): Promise<void>;
}
export type DriverClientConstructor = new (
  url: string,
  options: MongoClientOptions,
) => DriverClient;

/** Connection string and options for one member. Credentials go in options, never in the URL. */
export function driverClientOptions(
  host: string,
  connection: ConnectionSettings,
  credentials: AdminCredentials | undefined,
): { url: string; options: MongoClientOptions } {
  const timeout = connection.connectTimeoutMs ?? 10_000;
  const options: MongoClientOptions = {
    directConnection: true,
    appName: "baremetal-pulumi",
    serverSelectionTimeoutMS: timeout,
    connectTimeoutMS: timeout,
    tls: connection.tls ?? true,
  };
  if (options.tls) {
    if (connection.caFile !== undefined && connection.caFile !== "") {
      options.tlsCAFile = connection.caFile;
    }
    if (connection.caPem !== undefined && connection.caPem !== "") options.ca = connection.caPem;
    if (connection.insecure === true) {
      options.tlsAllowInvalidCertificates = true;
      options.tlsAllowInvalidHostnames = true;
    }
  }
  if (credentials !== undefined) {
    options.auth = { username: credentials.username, password: credentials.password };
    options.authSource = connection.authSource ?? "admin";
  }
  return { url: `mongodb://${host}/`, options };
}

function hasNumericCode(e: unknown): boolean {
  return typeof (e as { code?: unknown } | null)?.code === "number";
}

/**
 * A runner over the `mongodb` driver. Clients are opened lazily, one per member, and all closed
 * by `close()`. Server errors pass through with their `code`; connection failures become an
 * error naming the member, without a numeric code (the provider's "unreachable").
 */
export function driverRunner(
  connection: ConnectionSettings,
  credentials: AdminCredentials | undefined,
  clientConstructor?: DriverClientConstructor,
): MongoCommandRunner {
  const clients = new Map<string, DriverClient>();
  const ctor =
    clientConstructor ??
    (require("mongodb") as { MongoClient: DriverClientConstructor }).MongoClient;
  const clientFor = (host: string): DriverClient => {
    let client = clients.get(host);
    if (client === undefined) {
      const { url, options } = driverClientOptions(host, connection, credentials);
      client = new ctor(url, options);
      clients.set(host, client);
    }
    return client;
  };
  const run = async (host: string, db: string, command: Doc): Promise<Doc> => {
    try {
      return await clientFor(host).db(db).command(command);
    } catch (e) {
      if (hasNumericCode(e)) throw e;
      const reason = e instanceof Error ? e.message : String(e);
      const err = new Error(`${host} is unreachable: ${reason}`, { cause: e });
      err.name = "MongoUnreachable";
      throw err;
    }
  };
  return {
    runAdmin: (host, command) => run(host, "admin", command),
    runOn: run,
    async close() {
      const all = [...clients.values()];
      clients.clear();
      await Promise.allSettled(all.map((c) => c.close()));
    },
  };
}
