/**
 * `npm run harbor:conformance -- --url https://HARBOR --user USER [--ca FILE | --insecure]`
 *
 * Runs the full lifecycle of every Harbor resource type through the provider code against a real
 * Harbor (or the fake) under a random `conformance-xxxxx` name prefix, cleans up, prints a
 * pass/fail table with request counts and exits non-zero on any failure. The password comes from
 * HARBOR_PASSWORD, never from the command line.
 */
import { providers } from "../providers/harbor/providers";
import type { HarborConnection } from "../providers/harbor/types";
import { runConformance } from "./harbor-conformance-run";
import { parseConnectionArgs, report, runCommand } from "./support/conformance";

async function main(): Promise<void> {
  const { user, ...connection } = parseConnectionArgs(process.argv.slice(2), {
    usage: "--url https://HARBOR --user USER [--ca FILE | --insecure]",
  });
  const conn: HarborConnection = connection;
  const password = process.env["HARBOR_PASSWORD"] ?? "";
  if (password === "") throw new Error("set HARBOR_PASSWORD");
  const config = {
    get: (k: string) =>
      ({ "baremetal:harborUsername": user, "baremetal:harborAdminPassword": password })[k],
    require: (k: string) => k,
  };
  for (const p of Object.values(providers)) await p.configure({ config });
  report(await runConformance(conn));
}

runCommand(main);
