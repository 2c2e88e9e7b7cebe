/**
 * The README's main command, run as a user runs it: a child process on plain Node running the
 * compiled program (scripts/run-compiled.cjs, what `npm run preview:offline` calls).
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { parse, stringify } from "yaml";
import { previewJson } from "../../scripts/offline/format";
import { previewShape, sharedPreview, type JsonPreview } from "../support/sharedPreview";

const ROOT = path.join(__dirname, "..", "..");

/** One stack in the machine-readable form, as far as these tests read it. */
interface JsonPreviewFile extends JsonPreview {
  resourceCount: number;
  counts: Record<string, number>;
}
const run = promisify(execFile);
// Each case starts a fresh Node process; generous for a loaded 2-core machine.
jest.setTimeout(120_000);

async function preview(...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(
      process.execPath,
      ["scripts/run-compiled.cjs", "preview-offline", ...args],
      {
        cwd: ROOT,
        env: { ...process.env, NO_COLOR: "1" },
      },
    );
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

describe("without arguments: both stacks, as text, and as data with --json-file", () => {
  let stdout = "";
  let data: JsonPreviewFile[] = [];

  beforeAll(async () => {
    // One run of the README's main command gives both forms (what CI posts on a pull request).
    const file = path.join(mkdtempSync(path.join(tmpdir(), "baremetal-")), "preview.json");
    const run = await preview("--json-file", file);
    expect(run.code).toBe(0);
    stdout = run.stdout;
    data = JSON.parse(readFileSync(file, "utf8")) as JsonPreviewFile[];
  });

  test("the text: tree, counts, releases, capacity", () => {
    expect(stdout).toContain('=== Offline preview: stack "staging" ===');
    expect(stdout).toContain('=== Offline preview: stack "production" ===');
    expect(stdout).toMatch(
      /\+ proxmoxve:index\/containerLegacy:ContainerLegacy {2}mongo-1 {2}\[protected\]/,
    );
    expect(stdout).toMatch(
      /Counts by type:\n(\s+\d+ {2}\S+\n)*\s+\d+ {2}baremetal:compute:ComputeLayer/,
    );
    // Every release with its pinned chart version, in both stacks.
    expect(stdout).toContain(
      "+ kubernetes:helm.sh/v3:Release  platform-proxmox-csi-plugin  (oci://ghcr.io/sergelogvinov/charts/proxmox-csi-plugin 0.3.11 in csi-proxmox)",
    );
    expect(stdout.match(/platform-harbor {2}\(harbor 1\.19\.1 in harbor\)/g)).toHaveLength(2);
    expect(stdout).toMatch(/pve-01 +PowerEdge R750 +15\/248 \(free 233\) +48\/480 \(free 432\)/);
  });

  test("the data: both stacks, counts, every resource, secrets masked", () => {
    expect(data.map((preview) => preview.stack)).toEqual(["staging", "production"]);
    const production = data[1];
    expect(production?.ok).toBe(true);
    expect(production?.counts["proxmoxve:index/containerLegacy:ContainerLegacy"]).toBe(9);
    expect(production?.counts["kubernetes:helm.sh/v3:Release"]).toBe(10);
    expect(production?.resources).toHaveLength(production?.resourceCount ?? -1);
    // Secret outputs are masked as `pulumi stack output` masks them; no placeholder leaks.
    const text = JSON.stringify(data);
    expect(text).not.toContain("offline-");
    expect(text).toContain('"kubeconfig":"[secret]"');
    expect(text).toContain('"platformCredentials":"[secret]"');
  });

  test.each(["staging", "production"] as const)(
    "the compiled %s program registers what the sources register (resources, parents, protection)",
    async (stack) => {
      const compiled = data.find((preview) => preview.stack === stack);
      // The TypeScript sources, evaluated once in this run (the stack tests read the same result).
      const source = previewJson(await sharedPreview(stack)) as JsonPreview;
      expect(compiled?.resources.length).toBeGreaterThan(100);
      expect(previewShape(compiled)).toEqual(previewShape(source));
    },
  );
});

test("a bad stack file prints every problem with its key path, registers nothing and exits 1", async () => {
  const document = parse(readFileSync(path.join(ROOT, "Pulumi.production.yaml"), "utf8")) as {
    config: Record<string, unknown>;
  };
  const guests = document.config["baremetal:guests"] as Record<string, unknown>[];
  guests[1] = { ...guests[1], host: "pve-01" }; // second MongoDB member beside the first
  guests[3] = { ...guests[3], ip: "10.20.0.1" }; // Redis on the VRRP gateway address
  (document.config["baremetal:networks"] as Record<string, unknown>[])[2] = {
    ...(document.config["baremetal:networks"] as Record<string, unknown>[])[2],
    vlanId: 5000,
  };
  const file = path.join(mkdtempSync(path.join(tmpdir(), "baremetal-")), "Pulumi.broken.yaml");
  writeFileSync(file, stringify(document));

  const text = await preview("broken", "--stack-file", file);
  expect(text.code).toBe(1);
  expect(text.stdout).toContain("baremetal:guests[1].host");
  expect(text.stdout).toContain(
    "baremetal:guests[3].ip: 10.20.0.1 is already the gateway / VRRP address at baremetal:networks[1].gateway",
  );
  expect(text.stdout).toContain("baremetal:networks[2].vlanId");

  const json = await preview("broken", "--stack-file", file, "--json");
  const [broken] = JSON.parse(json.stdout) as {
    ok: boolean;
    issues: { path: string }[];
    resources: { type: string }[];
  }[];
  expect(broken?.ok).toBe(false);
  expect(broken?.issues.map((i) => i.path)).toEqual(
    expect.arrayContaining([
      "baremetal:guests[1].host",
      "baremetal:guests[3].ip",
      "baremetal:networks[2].vlanId",
    ]),
  );
  // Only the stack's own root is registered before the program runs; no resource of ours.
  expect(broken?.resources.map((r) => r.type)).toEqual(["pulumi:pulumi:Stack"]);
});

test("a stack file the CLI would refuse is a configuration problem, not a stack trace", async () => {
  const text = readFileSync(path.join(ROOT, "Pulumi.staging.yaml"), "utf8")
    .replace("    ha: { enabled: false }", "    ha: { enabled: false }\n    ha: { enabled: true }")
    .concat("  baremetal:routerosPassword: hunter2\n");
  const file = path.join(mkdtempSync(path.join(tmpdir(), "baremetal-")), "Pulumi.dup.yaml");
  writeFileSync(file, text);

  const { code, stdout } = await preview("dup", "--stack-file", file);
  expect(code).toBe(1);
  expect(stdout).toContain("Configuration is invalid");
  expect(stdout).toMatch(/- baremetal:proxmox: key "ha" appears twice in one map/);
  expect(stdout).not.toMatch(/\n\s+at .+:\d+:\d+/);
});
