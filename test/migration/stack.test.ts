/**
 * The whole production program offline: the migration layer is wired in, its stack outputs are
 * exported (the backup credentials as a secret), and the preview prints the phase's runbook.
 */
import { formatPreview, previewJson } from "../../scripts/offline/format";
import type { PreviewResult } from "../../scripts/offline/preview";
import { sharedPreview } from "../support/sharedPreview";

let result: PreviewResult;

beforeAll(async () => {
  result = await sharedPreview("production");
}, 240_000);

test("the migration layer sits under the stack, with the gate, the zone and the estate", () => {
  expect(result.ok).toBe(true);
  const layer = result.resources.find((r) => r.type === "baremetal:migration:Migration");
  expect(layer?.name).toBe("migration");
  const children = result.resources.filter((r) => r.parentUrn === layer?.urn).map((r) => r.type);
  expect(children.sort()).toEqual([
    "baremetal:aws:AwsEstate",
    "baremetal:cloudflare:PublicZone",
    "pulumi-nodejs:dynamic/migration:PhaseGate",
  ]);
});

test("phase, runbook and member steps are stack outputs; the backup credentials are secret", () => {
  expect(result.outputs["migrationPhase"]).toBe("replicate");
  expect(result.outputs["migrationMemberSteps"]).toHaveLength(1);
  expect(result.secretOutputs).toContain("offsiteBackupCredentials");
  const json = previewJson(result) as { outputs: Record<string, unknown> };
  expect(json.outputs["offsiteBackupCredentials"]).toBe("[secret]");
});

test("the preview prints the runbook of the phase", () => {
  const text = formatPreview(result);
  expect(text).toContain('Migration runbook, phase "replicate"');
  expect(text).toContain("1. [harbor] Harbor pulls every ECR repository");
});
