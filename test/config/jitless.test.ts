/**
 * A stack config is parsed once per process, so zod must not compile its schemas into generated
 * code (`new Function`): that costs more than it saves. zod decides when each object schema is
 * constructed, so the setting has to be in force before the first schema exists
 * (components/config/zod.ts). Loading the config modules afresh with `Function` watched proves it.
 */
import type * as Validate from "../../components/config/validate";
import { allSecrets, rawStackConfig } from "../support/stackConfig";

it("validates a stack config without generating code, from the first schema on", () => {
  const generated: unknown[][] = [];
  const RealFunction = globalThis.Function;
  globalThis.Function = new Proxy(RealFunction, {
    construct(target, args: unknown[]) {
      generated.push(args);
      return Reflect.construct(target, args) as object;
    },
  });
  let issues: unknown[] = ["not run"];
  try {
    jest.isolateModules(() => {
      // A fresh copy of the config modules, loaded while `Function` is watched.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const validate = require("../../components/config/validate") as typeof Validate;
      issues = validate.validateStackConfig(rawStackConfig("production"), allSecrets()).issues;
    });
  } finally {
    globalThis.Function = RealFunction;
  }
  expect(issues).toEqual([]);
  expect(generated).toEqual([]);
});
