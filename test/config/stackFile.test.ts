/**
 * What the Pulumi CLI refuses in a stack file before a program runs, the offline reader refuses
 * too, as configuration problems with key paths: YAML errors and secrets in plain text.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { CORE_SCHEMA, load } from "js-yaml";
import { parse } from "yaml";
import { knownConfigKeys } from "../../components/config/keys";
import { SECRET_KEYS } from "../../components/config/schema";
import { declaredSecretKeys, readStackFile } from "../../scripts/offline/stackFile";
import { REPO_ROOT, stackFilePath } from "../support/stackConfig";

function stackFile(text: string, projectFile?: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "baremetal-stack-"));
  if (projectFile !== undefined) writeFileSync(path.join(dir, "Pulumi.yaml"), projectFile);
  const file = path.join(dir, "Pulumi.test.yaml");
  writeFileSync(file, text);
  return file;
}

const production = readFileSync(stackFilePath("production"), "utf8");

describe("readStackFile", () => {
  it.each(["production", "staging"] as const)("finds nothing wrong in the %s stack file", (s) => {
    const config = readStackFile(stackFilePath(s));
    expect(config.issues).toEqual([]);
    expect(config.placeholders).toEqual(SECRET_KEYS.map((key) => `baremetal:${key}`));
  });

  it("reports a duplicated top-level key at that key, with its line", () => {
    const text = production.replace(
      "  baremetal:hosts:",
      "  baremetal:site: { name: other }\n  baremetal:hosts:",
    );
    const { issues, values } = readStackFile(stackFile(text));
    expect(values).toEqual({});
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe("baremetal:site");
    expect(issues[0]?.message).toMatch(
      /^key "baremetal:site" appears twice .*\(Pulumi\.test\.yaml line \d+, column \d+\)$/,
    );
  });

  it("reports a duplicated key inside a section at the section's key path", () => {
    const text = production.replace(
      "    - { name: mongo-1, role: mongodb,",
      "    - { name: mongo-1, role: mongodb, role: redis,",
    );
    const { issues } = readStackFile(stackFile(text));
    expect(issues.map((i) => i.path)).toEqual(["baremetal:guests"]);
    expect(issues[0]?.message).toContain('key "role" appears twice');
  });

  it("reports every YAML error, not only the first", () => {
    const text = production
      .replace("  baremetal:hosts:", "  baremetal:site: {}\n  baremetal:hosts:")
      .replace(
        "    ha: { enabled: true }",
        "    ha: { enabled: true }\n    ha: { enabled: false }",
      );
    const { issues } = readStackFile(stackFile(text));
    expect(issues.map((i) => i.path)).toEqual(["baremetal:proxmox", "baremetal:site"]);
  });

  it("reports YAML that does not parse at all, naming the file", () => {
    const { issues } = readStackFile(stackFile("config:\n  baremetal:site: [unclosed\n"));
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]?.message).toContain("Pulumi.test.yaml line");
  });

  it.each(SECRET_KEYS)("refuses %s in plain text, naming the command that sets it", (key) => {
    const text = `${production.trimEnd()}\n  baremetal:${key}: plain-text-value\n`;
    const { issues } = readStackFile(stackFile(text));
    expect(issues).toEqual([
      {
        path: `baremetal:${key}`,
        message: expect.stringContaining(`pulumi config set --secret ${key}`) as unknown,
      },
    ]);
  });

  it("refuses a plain value for any key the project file declares secret", () => {
    const project =
      "name: baremetal\nconfig:\n  harborAdminPassword:\n    type: string\n    secret: true\n";
    const text = `${production.trimEnd()}\n  baremetal:harborAdminPassword: hunter2\n`;
    const { issues } = readStackFile(stackFile(text, project));
    expect(issues.map((i) => i.path)).toEqual(["baremetal:harborAdminPassword"]);
  });

  it("accepts secure values and gives them placeholders", () => {
    const text = `${production.trimEnd()}\n  baremetal:routerosPassword:\n    secure: AAABAC0ffee\n`;
    const config = readStackFile(stackFile(text));
    expect(config.issues).toEqual([]);
    expect(config.secretKeys).toContain("baremetal:routerosPassword");
    expect(config.values["baremetal:routerosPassword"]).toBe(
      "offline-placeholder-routerosPassword",
    );
  });
});

describe("Pulumi.yaml and the program agree on the keys", () => {
  const project = parse(readFileSync(path.join(REPO_ROOT, "Pulumi.yaml"), "utf8")) as {
    config: Record<string, { secret?: boolean }>;
  };

  it("declares every secret key secret, so the CLI refuses it in plain text", () => {
    const declared = declaredSecretKeys(path.join(REPO_ROOT, "Pulumi.production.yaml"));
    for (const key of SECRET_KEYS) {
      expect({ key, secret: project.config[key]?.secret }).toEqual({ key, secret: true });
      expect(declared).toContain(`baremetal:${key}`);
    }
  });

  it("declares no key the validator would call unknown", () => {
    const known = new Set(knownConfigKeys());
    expect(Object.keys(project.config).filter((key) => !known.has(key))).toEqual([]);
  });
});

describe("keys outside the namespace", () => {
  it("refuses a key without a namespace, as the CLI does", () => {
    const text = production.replace("  baremetal:uplinks:", "  uplinks:");
    const { issues } = readStackFile(stackFile(text));
    expect(issues).toEqual([
      {
        path: "uplinks",
        message:
          "is not a configuration key: keys are written <namespace>:<name>, as in baremetal:uplinks",
      },
    ]);
  });
});

describe("the fast reader (js-yaml) and the full parser (yaml) read stack files alike", () => {
  const fast = (text: string): unknown => load(text, { schema: CORE_SCHEMA });

  it.each(["production", "staging"] as const)("reads the %s stack file to the same values", (s) => {
    const text = readFileSync(stackFilePath(s), "utf8");
    expect(fast(text)).toEqual(parse(text));
  });

  it.each([
    ["plain and quoted strings", "a: x\nb: \"5\"\nc: 'on'\nd: yes\ne: 12:30\nf: 2026-12-01\n"],
    ["core-schema numbers", "a: 12\nb: +12\nc: 0o17\nd: 0x1F\ne: 1e3\nf: .5\ng: 1_000\n"],
    ["core-schema booleans and nulls", "a: TRUE\nb: false\nc: ~\nd: Null\ne:\n"],
    ["block scalars", "a: |\n  line1\n  line2\nb: >-\n  folded\n  text\n"],
    ["flow collections", "a: { b: [1, two, 3.0], c: { d: null } }\n"],
    ["explicit tags and merge keys as plain keys", "a: !!str 5\n<<: { b: 1 }\n"],
  ])("reads %s to the same values", (_, text) => {
    expect(fast(text)).toEqual(parse(text));
  });

  it("reads binary integers as the Pulumi CLI does (a number), where YAML 1.2 core keeps the text", () => {
    // YAML 1.2's core schema has no 0b form, so `yaml` keeps the text; the CLI's Go parser and
    // js-yaml read 5.
    expect(parse("a: 0b101")).toEqual({ a: "0b101" });
    expect(fast("a: 0b101")).toEqual({ a: 5 });
  });

  it("refuses what the full parser refuses, so a broken file always gets the full report", () => {
    for (const text of ["a: 1\na: 2\n", "a: [unclosed\n", "a:\n  - b\n c: d\n", "a: b: c\n"]) {
      expect(() => parse(text, { uniqueKeys: true })).toThrow();
      expect(() => fast(text)).toThrow();
    }
  });
});
