/**
 * The compiled production preview registers exactly the resources the TypeScript sources register
 * (staging: compiled.test.ts; one program evaluation per test process).
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { previewJson } from "../../scripts/offline/format";
import { previewShape, sharedPreview, type JsonPreview } from "../support/sharedPreview";

const ROOT = path.join(__dirname, "..", "..");
// A fresh Node process; generous for a loaded 2-core machine.
jest.setTimeout(180_000);

test("the compiled production preview registers the same resources, parents and protection as the sources", async () => {
  const [compiled] = JSON.parse(
    execFileSync(
      process.execPath,
      ["scripts/run-compiled.cjs", "preview-offline", "production", "--json"],
      { cwd: ROOT, encoding: "utf8" },
    ),
  ) as JsonPreview[];
  const source = previewJson(await sharedPreview("production")) as JsonPreview;
  expect(previewShape(compiled)).toEqual(previewShape(source));
  expect(compiled?.ok).toBe(true);
  expect(compiled?.resources.length).toBeGreaterThan(300);
});
