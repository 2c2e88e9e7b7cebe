/** @type {import('jest').Config} */
module.exports = {
  // Jest's Node environment without the cost of source-mapping the SDK's promise records.
  testEnvironment: "<rootDir>/test/support/environment.cjs",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  // The SDK loads the TypeScript compiler (for its closure serializer) and its Automation API at
  // start-up; nothing here uses either, so every test file gets them on demand, as the program's
  // processes do (scripts/support/start-hooks.cjs). Only the SDK's index requires `./automation`.
  moduleNameMapper: {
    "^typescript$": "<rootDir>/scripts/support/typescript-on-demand.cjs",
    "^\\./automation$": "<rootDir>/scripts/support/automation-on-demand.cjs",
  },
  // The slow files first also in a run without Jest's recorded durations (a fresh clone).
  testSequencer: "<rootDir>/test/support/sequencer.cjs",
  // One directory per run for results test files share (test/support/sharedPreview.ts).
  globalSetup: "<rootDir>/test/support/runDir.cjs",
  globalTeardown: "<rootDir>/test/support/runDirTeardown.cjs",
  transform: {
    "^.+\\.ts$": "<rootDir>/test/support/esbuild-transform.cjs",
  },
  // Pulumi's runtime keeps global state (mocks, stack resource); one file per worker process.
  maxWorkers: 2,
  testTimeout: 30000,
};
