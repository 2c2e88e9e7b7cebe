/**
 * `npm run routeros:conformance -- --url https://HOST[:PORT] --user USER [--ca FILE | --insecure]`
 * (`--allow-insecure-http` for an `http://` URL: the password then crosses the network in clear)
 *
 * Runs the full lifecycle of every RouterOS resource type through the provider code against a
 * real (lab) router or the fake, prints a pass/fail table with request counts and exits non-zero
 * on any failure. The password comes from ROUTEROS_PASSWORD, never from the command line.
 */
import { providers } from "../providers/routeros/runtime";
import type { RouterConnection } from "../providers/routeros/types";
import { runConformance } from "./routeros-conformance-run";
import { parseConnectionArgs, report, runCommand } from "./support/conformance";

async function main(): Promise<void> {
  const { user, ...connection } = parseConnectionArgs(process.argv.slice(2), {
    usage: "--url https://HOST[:PORT] --user USER [--ca FILE | --insecure]",
    allowInsecureHttp: true,
  });
  const conn: RouterConnection = connection;
  const password = process.env["ROUTEROS_PASSWORD"] ?? "";
  const config = {
    get: (k: string) =>
      ({ "baremetal:routerosUsername": user, "baremetal:routerosPassword": password })[k],
    require: (k: string) => k,
  };
  for (const p of Object.values(providers)) await p.configure({ config });
  report(await runConformance(conn));
}

runCommand(main);
