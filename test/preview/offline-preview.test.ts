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

test("without arguments it previews both stacks: tree, counts, capacity", async () => {
  const { code, stdout } = await preview();
  expect(code).toBe(0);
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

test("--json gives a machine-readable form without input values, the sources' resources", async () => {
  const { code, stdout } = await preview("production", "--json");
  expect(code).toBe(0);
  const [production] = JSON.parse(stdout) as {
    stack: string;
    ok: boolean;
    resourceCount: number;
    counts: Record<string, number>;
    resources: object[];
  }[];
  expect(production?.stack).toBe("production");
  expect(production?.ok).toBe(true);
  expect(production?.counts["proxmoxve:index/containerLegacy:ContainerLegacy"]).toBe(9);
  expect(production?.counts["kubernetes:helm.sh/v3:Release"]).toBe(10);
  expect(production?.resources).toHaveLength(production?.resourceCount ?? -1);
  // Secret outputs are masked as `pulumi stack output` masks them; no placeholder leaks.
  expect(stdout).not.toContain("offline-");
  expect(stdout).toContain('"kubeconfig": "[secret]"');
  expect(stdout).toContain('"platformCredentials": "[secret]"');
  // The compiled program registers exactly what the TypeScript sources register (evaluated once in
  // this run; staging: compiled.test.ts).
  const source = previewJson(await sharedPreview("production")) as JsonPreview;
  expect(previewShape(production as unknown as JsonPreview)).toEqual(previewShape(source));
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
