/**
 * Jest's Node environment, with one cost removed: the Pulumi SDK records a stack trace on every
 * promise it makes (`debuggablePromise`, kept only to name a promise that leaks), and under Jest
 * each of those stacks goes through Jest's source-map formatter, which copies and maps every frame
 * of up to 100. That formatting was the largest single cost of the tests that register resources
 * (about 0.2 s of CPU per file). Those records are formatted as V8 formats a stack by default, ten
 * frames deep as outside Jest; every other stack, a failing assertion's among them, is still
 * mapped to the TypeScript sources by Jest.
 *
 * Jest installs its formatter on the worker's `Error` before it sets up each test file's
 * environment, so the wrapper is put around it here, once per file.
 */
"use strict";
const { TestEnvironment } = require("jest-environment-node");

/** Node's own stack depth: Jest raises the limit to 100 frames for failing tests. */
const NODE_STACK_FRAMES = 10;

/** What V8 prints when no formatter is installed, as deep as Node records outside Jest. */
function plainStack(error, frames) {
  const head = `${error.name ?? "Error"}: ${error.message ?? ""}`;
  const shown = frames.slice(0, NODE_STACK_FRAMES);
  return head + shown.map((frame) => `\n    at ${frame}`).join("");
}

/** The SDK's own debugging record of where a promise was made. */
function isPromiseRecord(frames) {
  return frames.length > 0 && frames[0].getFunctionName() === "debuggablePromise";
}

class BaremetalEnvironment extends TestEnvironment {
  async setup() {
    await super.setup();
    const mapped = Error.prepareStackTrace;
    if (typeof mapped !== "function" || mapped.baremetalWrapped) return;
    const wrapper = (error, frames) =>
      isPromiseRecord(frames) ? plainStack(error, frames) : mapped(error, frames);
    wrapper.baremetalWrapped = true;
    Error.prepareStackTrace = wrapper;
  }
}

module.exports = BaremetalEnvironment;
