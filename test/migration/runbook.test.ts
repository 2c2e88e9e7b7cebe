/** The offline preview prints the runbook of the selected phase. */
import { planMigration } from "../../components/plan/migration";
import { runbookText } from "../../scripts/offline/format";
import { inPhase, stackMigration } from "./fixtures";

test("the freeze runbook: numbered steps, what each changes, expected minutes and total", () => {
  const plan = planMigration(inPhase(stackMigration("production"), "freeze"));
  expect(runbookText(plan.phase, plan.runbook)).toBe(
    [
      'Migration runbook, phase "freeze" (expected 6 min):',
      "  1. [preflight] Preflight (the phase gate runs it again before anything changes) (~1 min)",
      "     changes: nothing; blocks unless: 5 images in Harbor with ECR's digest; replication lag <= 10s on every member",
      "  2. [cloudflare] Cut access at Cloudflare (~1 min)",
      "     changes: maintenance rule enabled (page), allowlist 203.0.113.64/27, 198.51.100.0/30",
      "  3. [eks] Scale EKS node groups (wave 1: worker) (~2 min)",
      "     changes: payments-production: workers desired 0/min 0",
      "  4. [eks] Scale EKS node groups (wave 2: system) (~2 min)",
      "     changes: payments-production: system desired 0/min 0",
    ].join("\n"),
  );
});

test("the done runbook points the records at the data center, then reopens", () => {
  const plan = planMigration(inPhase(stackMigration("staging"), "done"));
  const text = runbookText(plan.phase, plan.runbook);
  expect(text).toContain("2 EBS snapshots completed");
  expect(text).toContain("api.staging.example.com A 198.51.100.6 (proxied)");
  expect(text.indexOf("Point the public records")).toBeLessThan(text.indexOf("Reopen access"));
});
