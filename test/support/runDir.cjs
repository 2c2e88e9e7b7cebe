/**
 * Jest global setup and teardown: a fresh directory per test run for results several test files
 * share (test/support/sharedPreview.ts), named in BAREMETAL_TEST_RUN_DIR for the workers.
 */
"use strict";
const { mkdtempSync, rmSync } = require("node:fs");
const { tmpdir } = require("node:os");
const path = require("node:path");

module.exports = async function setup() {
  process.env.BAREMETAL_TEST_RUN_DIR = mkdtempSync(path.join(tmpdir(), "baremetal-test-run-"));
};

module.exports.teardown = async function teardown() {
  const dir = process.env.BAREMETAL_TEST_RUN_DIR;
  if (dir) rmSync(dir, { recursive: true, force: true });
};
