/**
 * A module that stands in for another and loads it on first use: every read, `in`, key listing or
 * descriptor lookup loads the real module (once) and answers from it. What the stand-ins are for:
 * typescript-on-demand.cjs and automation-on-demand.cjs.
 */
"use strict";

/**
 * A stand-in for the module at `file` (an absolute path, so neither the start hooks nor Jest's
 * mapper send the real load back to the stand-in). `esModule` answers `__esModule` without
 * loading: TypeScript's `__importStar` reads it the moment it wraps the stand-in, and the module
 * it stands in for is marked the same way.
 */
function onDemand(file, { esModule = false } = {}) {
  let loaded;
  const load = () => (loaded ??= require(file));
  return new Proxy(
    {},
    {
      get: (_target, key) => (esModule && key === "__esModule" ? true : load()[key]),
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
}

module.exports = { onDemand };
