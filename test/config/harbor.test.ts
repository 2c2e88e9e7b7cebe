/**
 * Harbor's external services checked against the placement, end to end: a production stack file
 * whose Harbor names no guest of the right role is refused by the program itself, with every
 * problem at its key path, before a single resource of ours is registered. The offline preview
 * runs as a child process, as a user runs it (a refused program ends the process).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { REPO_ROOT, stackFilePath } from "../support/stackConfig";

interface PreviewJson {
  ok: boolean;
  issues: { path: string; message: string }[];
  resources: { type: string }[];
}

let dir: string;
let result: PreviewJson | undefined;

beforeAll(() => {
  const document = parse(readFileSync(stackFilePath("production"), "utf8")) as {
    config: Record<string, { harbor: Record<string, Record<string, unknown>> }>;
  };
  const harbor = document.config["baremetal:kubernetes"]?.harbor;
  if (!harbor) throw new Error("production has no baremetal:kubernetes.harbor");
  // The store the stack used to name before any guest provided it, and two hosts of other roles.
  harbor["imageStorage"] = {
    ...harbor["imageStorage"],
    regionendpoint: "https://objects.sp1.internal.example.com",
  };
  harbor["database"] = { ...harbor["database"], host: "zabbix-1.sp1.internal.example.com" };
  harbor["redis"] = { addr: "mongo-1.sp1.internal.example.com:6379" };
  dir = mkdtempSync(path.join(tmpdir(), "baremetal-harbor-"));
  const file = path.join(dir, "Pulumi.production.yaml");
  writeFileSync(file, stringify(document));
  // `npm run preview:offline`'s own command. It exits 1 on an invalid stack; its report is on
  // stdout either way.
  const args = ["scripts/run-compiled.cjs", "preview-offline", "production", "--stack-file", file];
  const { stdout } = spawnSync(process.execPath, [...args, "--json"], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    timeout: 120_000,
  });
  [result] = JSON.parse(stdout) as PreviewJson[];
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("every misplaced service is reported at its key path, in one run", () => {
  expect(result?.ok).toBe(false);
  expect(result?.issues).toEqual([
    {
      path: "baremetal:kubernetes.harbor.imageStorage.regionendpoint",
      message: expect.stringContaining(
        "objects.sp1.internal.example.com is not the internal DNS name",
      ) as unknown,
    },
    {
      path: "baremetal:kubernetes.harbor.database.host",
      message: expect.stringContaining('is guest "zabbix-1" with role zabbix') as unknown,
    },
    {
      path: "baremetal:kubernetes.harbor.redis.addr",
      message: expect.stringContaining('is guest "mongo-1" with role mongodb') as unknown,
    },
  ]);
});

test("nothing of ours is registered", () => {
  expect(result?.resources.map((r) => r.type)).toEqual(["pulumi:pulumi:Stack"]);
});
