/**
 * Jest transform: TypeScript to CommonJS with esbuild, one file at a time.
 *
 * Type checking is `npm run typecheck`'s job (CI runs it before the tests); the tests only need
 * the code. esbuild strips types in about a millisecond per file, where ts-jest compiled through
 * the TypeScript compiler, which dominated a cold run (a fresh clone has an empty Jest cache).
 * The options mirror tsconfig.json: ES2022 with define semantics for class fields (a `declare`
 * field emits nothing, so dynamic-resource outputs keep the values `super()` gave them).
 */
const { createHash } = require("node:crypto");
const { readFileSync } = require("node:fs");
const esbuild = require("esbuild");

const SELF = readFileSync(__filename, "utf8");

/** One TypeScript file to CommonJS, as tsconfig.json compiles it. */
function compileTypeScript(source, filename, sourcemap) {
  return esbuild.transformSync(source, {
    loader: "ts",
    format: "cjs",
    target: "es2022",
    platform: "node",
    sourcemap,
    sourcefile: filename,
    tsconfigRaw: { compilerOptions: { useDefineForClassFields: true, esModuleInterop: true } },
  }).code;
}

module.exports = {
  getCacheKey(source, filename) {
    return createHash("sha256")
      .update(SELF)
      .update(esbuild.version)
      .update(filename)
      .update("\0")
      .update(source)
      .digest("hex");
  },
  process(source, filename) {
    return { code: compileTypeScript(source, filename, "inline") };
  },
  compileTypeScript,
};
