/**
 * The TypeScript compiler, loaded on first use instead of at start-up.
 *
 * @pulumi/pulumi requires `typescript` when it loads (runtime/index.js pulls in its closure
 * serializer, whose parser is the TypeScript compiler): about 0.3 s of CPU and 25 MB in every
 * process. This program never runs that serializer — its dynamic resources store a prewritten thin
 * provider (providers/shared/thinText.ts) — so the compiler is only loaded if something actually
 * reads from it (`pulumi.runtime.serializeFunction`, say), and then it is the real one.
 *
 * scripts/support/start-hooks.cjs points the SDK's `require("typescript")` here in the CLI run and
 * the offline preview; Jest maps `typescript` here (jest.config.js).
 */
"use strict";
const path = require("node:path");

/** The compiler's own file: a path, so neither the hook nor Jest's mapper sends it back here. */
const COMPILER = path.join(
  path.dirname(require.resolve("typescript/package.json")),
  "lib",
  "typescript.js",
);

let compiler;
function load() {
  if (compiler === undefined) compiler = require(COMPILER);
  return compiler;
}

const onDemand = new Proxy(
  {},
  {
    get: (_target, key) => load()[key],
    has: (_target, key) => key in load(),
    ownKeys: () => Reflect.ownKeys(load()),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Object.getOwnPropertyDescriptor(load(), key);
      // A proxy may not report a property its (empty) target lacks as non-configurable.
      if (descriptor) descriptor.configurable = true;
      return descriptor;
    },
  },
);

module.exports = onDemand;
