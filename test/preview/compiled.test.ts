/**
 * The compiled program (dist/, scripts/program-build.cjs) is the program: the build notices any
 * change to a source it was made from. That it registers exactly the resources the TypeScript
 * sources register is checked on the README's main command, for both stacks
 * (offline-preview.test.ts).
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..", "..");
// Each case starts fresh Node processes; generous for a loaded 2-core machine.
jest.setTimeout(180_000);

function node(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: ROOT, encoding: "utf8" });
}

beforeAll(() => {
  // `npm test` has brought dist/ up to date already; a rebuild here would rewrite the files other
  // test files are running.
  node(["scripts/program-build.cjs", "--ensure"]);
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
