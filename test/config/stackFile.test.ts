/**
 * What the Pulumi CLI refuses in a stack file before a program runs, the offline reader refuses
 * too, as configuration problems with key paths: YAML errors and secrets in plain text.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
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
