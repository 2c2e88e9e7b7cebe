/**
 * The compiled program (dist/, scripts/program-build.cjs) is the program: evaluated offline it
 * registers exactly the resources the TypeScript sources register, and the build notices any
 * change to a source it was made from.
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..", "..");
const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
// Each case starts fresh Node processes; generous for a loaded 2-core machine.
jest.setTimeout(180_000);

function node(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: ROOT, encoding: "utf8" });
}

interface JsonPreview {
  stack: string;
  ok: boolean;
  resources: { urn: string; parent?: string; protect: boolean }[];
}

beforeAll(() => {
  node(["scripts/program-build.cjs"]);
});

test("after a build, --check finds dist/ in step with every source it was made from", () => {
  expect(() => node(["scripts/program-build.cjs", "--check"])).not.toThrow();
  const manifest = JSON.parse(
    node(["-e", "process.stdout.write(require('fs').readFileSync('dist/build.json','utf8'))"]),
  ) as {
    inputs: string[];
  };
  expect(manifest.inputs).toContain("index.ts");
  expect(manifest.inputs).toContain("components/datacenter.ts");
  expect(manifest.inputs.some((file) => file.startsWith("node_modules/"))).toBe(false);
});

test("the compiled previews register the same resources, parents and protection as the sources", () => {
  const compiled = JSON.parse(
    node(["scripts/run-compiled.cjs", "preview-offline", "staging", "production", "--json"]),
  ) as JsonPreview[];
  const source = JSON.parse(
    node([TSX, "scripts/preview-offline.ts", "staging", "production", "--json"]),
  ) as JsonPreview[];
  const shape = (previews: JsonPreview[]) =>
    previews.map((p) => ({
      stack: p.stack,
      ok: p.ok,
      resources: p.resources
        .map((r) => `${r.urn} <- ${r.parent ?? ""}${r.protect ? " [protected]" : ""}`)
        .sort(),
    }));
  expect(shape(compiled)).toEqual(shape(source));
  expect(compiled.map((p) => p.ok)).toEqual([true, true]);
  expect(compiled[1]?.resources.length).toBeGreaterThan(100);
});
