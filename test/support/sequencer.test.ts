/**
 * test/support/sequencer.cjs: without Jest's recorded durations the known slow files start first,
 * slowest first, the rest in Jest's order; with recorded durations Jest's order stands.
 */
import { existsSync } from "node:fs";
import * as path from "node:path";

interface FakeTest {
  path: string;
  duration?: number;
  context: { config: { cache: boolean }; hasteFS: { getSize(file: string): number } };
}
interface Sequencer {
  sort(tests: FakeTest[]): FakeTest[];
  time(test: FakeTest): number | undefined;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the CommonJS module Jest loads
const FirstRunSequencer = require("./sequencer.cjs") as (new (options: object) => Sequencer) & {
  SLOW: Record<string, number>;
};

const ROOT = path.resolve(__dirname, "..", "..");
const SIZES: Record<string, number> = {
  "test/a/big.test.ts": 9000,
  "test/services/real/zabbix.test.ts": 100,
  "test/b/medium.test.ts": 5000,
  "test/preview/offline-preview.test.ts": 200,
  "test/c/small.test.ts": 10,
};

function tests(): FakeTest[] {
  // No cache: Jest records and reads no durations (what a fresh clone has).
  const context = {
    config: { cache: false },
    hasteFS: { getSize: (file: string) => SIZES[path.relative(ROOT, file)] ?? 0 },
  };
  return Object.keys(SIZES).map((file) => ({ path: path.join(ROOT, file), context }));
}

const order = (sorted: FakeTest[]) => sorted.map((test) => path.relative(ROOT, test.path));

test("every file named slow exists", () => {
  const missing = Object.keys(FirstRunSequencer.SLOW).filter(
    (file) => !existsSync(path.join(ROOT, file)),
  );
  expect(missing).toEqual([]);
});

test("without recorded durations the slow files go first, then Jest's order by size", () => {
  expect(order(new FirstRunSequencer({}).sort(tests()))).toEqual([
    "test/services/real/zabbix.test.ts",
    "test/preview/offline-preview.test.ts",
    "test/a/big.test.ts",
    "test/b/medium.test.ts",
    "test/c/small.test.ts",
  ]);
});

test("with recorded durations Jest's own order stands", () => {
  const sequencer = new FirstRunSequencer({});
  const recorded: Record<string, number> = {
    "test/c/small.test.ts": 30,
    "test/services/real/zabbix.test.ts": 1,
  };
  sequencer.time = (test) => recorded[path.relative(ROOT, test.path)];
  expect(order(sequencer.sort(tests()))).toEqual([
    // Jest runs files it has no duration for first (by size), then the recorded ones, slowest first.
    "test/a/big.test.ts",
    "test/b/medium.test.ts",
    "test/preview/offline-preview.test.ts",
    "test/c/small.test.ts",
    "test/services/real/zabbix.test.ts",
  ]);
});
