import { parsePreviewArgs } from "../../scripts/offline/args";

test("no arguments preview both stacks, staging first, as text", () => {
  expect(parsePreviewArgs([])).toEqual({ stacks: ["staging", "production"], json: false });
});

test("stacks, --json, --stack-file and --json-file in any order", () => {
  expect(parsePreviewArgs(["--json-file", "out.json", "production", "--json"])).toEqual({
    stacks: ["production"],
    json: true,
    jsonFile: "out.json",
  });
  expect(parsePreviewArgs(["broken", "--stack-file", "Pulumi.broken.yaml"])).toEqual({
    stacks: ["broken"],
    json: false,
    stackFile: "Pulumi.broken.yaml",
  });
});

test("an option's value is never taken for a stack name", () => {
  expect(parsePreviewArgs(["--json-file", "staging"])).toEqual({
    stacks: ["staging", "production"],
    json: false,
    jsonFile: "staging",
  });
});

test("refusals name the problem", () => {
  expect(parsePreviewArgs(["--stack-file", "f.yaml"])).toEqual({
    error: "--stack-file needs exactly one stack name",
  });
  expect(parsePreviewArgs(["a", "b", "--stack-file", "f.yaml"])).toEqual({
    error: "--stack-file needs exactly one stack name",
  });
  expect(parsePreviewArgs(["--json-file"])).toEqual({ error: "--json-file needs a file" });
  expect(parsePreviewArgs(["--json-file", "--json"])).toEqual({
    error: "--json-file needs a file",
  });
  expect(parsePreviewArgs(["--json-file", "a", "--json-file", "b"])).toEqual({
    error: "--json-file is given twice",
  });
  expect(parsePreviewArgs(["--jsn"])).toEqual({ error: "unknown option --jsn" });
});
