/**
 * Jest's test order, with a first run in mind.
 *
 * Jest starts the slowest files first, by the durations it recorded in its cache, so that no
 * worker is left with a long file at the end. A fresh clone (CI) has no recorded durations, and
 * Jest falls back to file size, which starts the short files that drive real binaries and child
 * processes late: the suite took about 4.5 s longer that way (54.5 s against 50.1 s, the same
 * clone with and without its recorded durations). Without recorded durations, the files known to
 * be slow go first, slowest first (SLOW: seconds on the 2-core machine, only an order, never a
 * limit); every other file keeps Jest's order. Once Jest has recorded any duration, its own order
 * stands.
 */
"use strict";
const path = require("node:path");
const Sequencer = require("@jest/test-sequencer").default;

const ROOT = path.resolve(__dirname, "..", "..");

/**
 * The slowest files of a warm run. test/stacks/production.test.ts is not here: most of its time is
 * waiting for the shared source preview (test/support/sharedPreview.ts), which starting it first
 * would not shorten.
 */
const SLOW = {
  "test/services/real/zabbix.test.ts": 11,
  "test/preview/offline-preview.test.ts": 10,
  "test/services/garageBootstrap.test.ts": 10,
  "test/services/real/postgres.test.ts": 5,
  "test/routeros/conformance.test.ts": 4.7,
  "test/services/layer.test.ts": 3.1,
  "test/harbor/conformance.test.ts": 2.9,
  "test/providers/startHooks.test.ts": 2.8,
  "test/services/shellcheck.test.ts": 2.3,
  "test/kubernetes/valueKeys.test.ts": 2.1,
  "test/config/corpus.test.ts": 1.8,
};

class FirstRunSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    if (sorted.some((test) => test.duration != null)) return sorted;
    const hint = (test) => SLOW[path.relative(ROOT, test.path)] ?? 0;
    // Array sort is stable: files without a hint keep Jest's order among themselves.
    return [...sorted].sort((a, b) => hint(b) - hint(a));
  }
}

module.exports = FirstRunSequencer;
module.exports.SLOW = SLOW;
