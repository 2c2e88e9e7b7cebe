/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": "<rootDir>/test/support/esbuild-transform.cjs",
  },
  // Pulumi's runtime keeps global state (mocks, stack resource); one file per worker process.
  maxWorkers: 2,
  testTimeout: 30000,
};
