/**
 * config → plan → layers: a floor never imports from a floor above it. Checked on the import
 * statements of the source files, so a new upward import fails here rather than in review.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const COMPONENTS = path.join(__dirname, "..", "..", "components");
const LAYERS = ["network", "compute", "kubernetes", "services", "harbor"];

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

/** Folders under components/ that a file imports from (relative imports only). */
function importedFolders(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const specifiers = [...text.matchAll(/from\s+"(\.[^"]+)"/g)].map((m) => m[1] ?? "");
  return specifiers.map((specifier) => {
    const target = path.relative(COMPONENTS, path.resolve(path.dirname(file), specifier));
    return target.split(path.sep)[0] ?? "";
  });
}

function violations(floor: string, forbidden: readonly string[]): string[] {
  return sources(path.join(COMPONENTS, floor)).flatMap((file) =>
    importedFolders(file)
      .filter((folder) => forbidden.includes(folder))
      .map((folder) => `${path.relative(COMPONENTS, file)} imports ${folder}/`),
  );
}

test("config imports nothing from the plan or the layers", () => {
  expect(violations("config", ["plan", "datacenter", ...LAYERS])).toEqual([]);
});

test("the plan imports nothing from the layers", () => {
  expect(violations("plan", ["datacenter", ...LAYERS])).toEqual([]);
});

test("a layer imports no other layer: outputs pass through the data-center wiring", () => {
  for (const layer of LAYERS) {
    expect(violations(layer, ["datacenter", ...LAYERS.filter((l) => l !== layer)])).toEqual([]);
  }
});

test("the check sees imports (a layer does import the plan)", () => {
  expect(importedFolders(path.join(COMPONENTS, "network", "router.ts"))).toContain("plan");
});
