import { spawnSync } from "node:child_process";
import * as path from "node:path";

const root = path.resolve(__dirname, "../..");

interface Line {
  provider: string;
  ok: boolean;
  bytes?: number;
  error?: string;
  readError?: string;
}

function run(
  args: string[],
  env: Record<string, string> = {},
): { lines: Line[]; status: number | null } {
  const child = spawnSync(process.execPath, [...args, "scripts/mongodb-serialization-check.ts"], {
    cwd: root,
    encoding: "utf8",
    timeout: 240_000,
    env: { ...process.env, ...env },
  });
  const lines = child.stdout
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Line);
  return { lines, status: child.status };
}

/**
 * The round trip runs in plain Node child processes, not inside Jest (Jest can make a provider
 * serialize that plain Node cannot): once under ts-node, which is how `pulumi up` runs this
 * TypeScript program, and once under tsx, the repository's script runner.
 */
describe.each([
  ["ts-node", ["-r", "ts-node/register"], { TS_NODE_TRANSPILE_ONLY: "1" }],
  ["tsx", [path.join(root, "node_modules/tsx/dist/cli.mjs")], {}],
])("MongoDB providers serialize in plain Node (%s)", (_loader, args, env) => {
  test("without secrets, within budget, and work after loading", () => {
    const { lines, status } = run(args, env);
    expect(lines.filter((l) => !l.ok)).toEqual([]);
    expect(lines.map((l) => l.provider).sort()).toEqual(["MongoUser", "ReplicaSet"]);
    for (const l of lines) {
      expect(l.bytes).toBeLessThanOrEqual(96_000);
      expect(l.readError).toContain("127.0.0.1:1");
    }
    expect(status).toBe(0);
  }, 300_000);
});
