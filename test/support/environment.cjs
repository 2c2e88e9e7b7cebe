/**
 * Jest's Node environment, with two costs of running many SDK-loading test files in one worker
 * removed:
 *
 * - The Pulumi SDK records a stack trace on every promise it makes (`debuggablePromise`, kept only
 *   to name a promise that leaks), and under Jest each of those stacks went through Jest's
 *   source-map formatter, which copies and maps every frame of up to 100 (about 0.2 s of CPU per
 *   file). Those records are formatted as V8 formats a stack by default, ten frames deep as
 *   outside Jest; every other stack, a failing assertion's among them, is still mapped to the
 *   TypeScript sources by Jest. Jest installs its formatter on the worker's `Error` before it
 *   sets up each file's environment, so the wrapper is put around it here, once per file.
 * - Each file's copy of the SDK creates AsyncLocalStorage instances that outlive the file (see
 *   setup); they are disabled when the file ends.
 */
"use strict";
const asyncHooks = require("node:async_hooks");
const { TestEnvironment } = require("jest-environment-node");

const NodeAsyncLocalStorage = asyncHooks.AsyncLocalStorage;

/** Which class `require("async_hooks").AsyncLocalStorage` gives (a getter in Node's exports). */
function provideAsyncLocalStorage(value) {
  Object.defineProperty(asyncHooks, "AsyncLocalStorage", {
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

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
  /** The AsyncLocalStorage instances this test file's modules created (see setup). */
  storages = [];

  async setup() {
    await super.setup();
    // Every test file loads its own copy of the SDK, and each copy creates AsyncLocalStorage
    // instances that stay enabled after the file ends. Node calls every enabled instance on every
    // promise the worker creates from then on, so each later file paid for all the earlier ones
    // (46 of the test files in one process: 34.6 s with them left enabled, 27.2 s with them
    // disabled). They are disabled when the file ends.
    const storages = this.storages;
    provideAsyncLocalStorage(
      class TrackedAsyncLocalStorage extends NodeAsyncLocalStorage {
        constructor(...args) {
          super(...args);
          storages.push(this);
        }
      },
    );
    const mapped = Error.prepareStackTrace;
    if (typeof mapped !== "function" || mapped.baremetalWrapped) return;
    const wrapper = (error, frames) =>
      isPromiseRecord(frames) ? plainStack(error, frames) : mapped(error, frames);
    wrapper.baremetalWrapped = true;
    Error.prepareStackTrace = wrapper;
  }

  async teardown() {
    provideAsyncLocalStorage(NodeAsyncLocalStorage);
    for (const storage of this.storages.splice(0)) storage.disable();
    await super.teardown();
  }
}

module.exports = BaremetalEnvironment;
