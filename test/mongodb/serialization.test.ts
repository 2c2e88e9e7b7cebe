import { runScript } from "../support/scriptProcess";

interface Line {
  provider: string;
  ok: boolean;
  bytes?: number;
  error?: string;
  readError?: string;
}

/**
 * The round trip runs in a plain Node child process, not inside Jest: the stored text is loaded
 * the way the dynamic-provider host loads it, against the built `@baremetal/mongodb-runtime`.
 */
test("MongoDB providers store a small thin provider, without secrets, that works after loading", () => {
  const child = runScript("scripts/mongodb-serialization-check.ts", [], { timeout: 240_000 });
  const lines = child.stdout
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Line);
  expect(lines.filter((l) => !l.ok)).toEqual([]);
  expect(lines.map((l) => l.provider).sort()).toEqual(["MongoUser", "ReplicaSet"]);
  for (const l of lines) {
    expect(l.bytes).toBeLessThanOrEqual(4_096);
    expect(l.readError).toContain("127.0.0.1:1");
  }
  expect(child.status).toBe(0);
}, 300_000);
