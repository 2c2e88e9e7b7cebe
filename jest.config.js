/** @type {import('jest').Config} */
module.exports = {
  // Jest's Node environment without the cost of source-mapping the SDK's promise records.
  testEnvironment: "<rootDir>/test/support/environment.cjs",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  // The SDK's closure serializer loads the TypeScript compiler at start-up; nothing here uses it,
  // so every test file gets it on demand (scripts/support/typescript-on-demand.cjs).
  moduleNameMapper: { "^typescript$": "<rootDir>/scripts/support/typescript-on-demand.cjs" },
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
