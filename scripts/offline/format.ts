/** Human-readable rendering of an offline preview: tree, counts, capacity and guests. */
import type { HostCapacity, Usage } from "../../components/config/capacity";
import type { RunbookStep } from "../../components/plan/migrationRunbook";
import type { ServiceInventoryEntry } from "../../components/services";
import type { RecordedResource } from "./engine";
import type { PreviewResult } from "./preview";

function table(rows: string[][]): string {
  const columns = Math.max(...rows.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, column) =>
    Math.max(...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (row: string[]) =>
    row
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return rows.map(line).join("\n");
}

/** What a reviewer wants to see at a glance for some types: a release's chart and pinned version. */
function detail(resource: RecordedResource): string | undefined {
  if (resource.type !== "kubernetes:helm.sh/v3:Release") return undefined;
  const { chart, version, namespace } = resource.inputs;
  if (typeof chart !== "string" || typeof version !== "string") return undefined;
  const where = typeof namespace === "string" ? ` in ${namespace}` : "";
  return `${chart} ${version}${where}`;
}

export function resourceTree(resources: RecordedResource[]): string {
  const children = new Map<string | undefined, RecordedResource[]>();
  for (const resource of resources) {
    const siblings = children.get(resource.parentUrn) ?? [];
    siblings.push(resource);
    children.set(resource.parentUrn, siblings);
  }
  const lines: string[] = [];
  // Registration completes in no fixed order; sorting makes the tree stable from run to run.
  const byTypeAndName = (a: RecordedResource, b: RecordedResource) =>
    a.type.localeCompare(b.type) || a.name.localeCompare(b.name, "en", { numeric: true });
  const walk = (parent: string | undefined, depth: number) => {
    for (const resource of [...(children.get(parent) ?? [])].sort(byTypeAndName)) {
      const flags = resource.protect ? "  [protected]" : "";
      const about = detail(resource);
      lines.push(
        `${"  ".repeat(depth)}+ ${resource.type}  ${resource.name}${about ? `  (${about})` : ""}${flags}`,
      );
      walk(resource.urn, depth + 1);
    }
  };
  walk(undefined, 0);
  return lines.join("\n");
}

export function countsByType(resources: RecordedResource[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const resource of resources) counts[resource.type] = (counts[resource.type] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

const usage = (u: Usage, unit = "") => `${u.used}/${u.capacity}${unit} (free ${u.free})`;

export function capacityTable(capacity: HostCapacity[]): string {
  const rows = [
    ["host", "model", "vCPU used/cap", "RAM GB used/cap", "disk GB used/cap by datastore"],
  ];
  for (const host of capacity) {
    const disks = Object.entries(host.datastores)
      .map(([store, u]) => `${store} ${usage(u)}`)
      .join(", ");
    rows.push([host.host, host.model, usage(host.cores), usage(host.memoryGb), disks]);
  }
  return table(rows);
}

/** The runbook of the selected migration phase: numbered steps, what each changes, minutes. */
export function runbookText(phase: string, steps: RunbookStep[]): string {
  const total = steps.reduce((sum, step) => sum + step.expectedMinutes, 0);
  const lines = [`Migration runbook, phase "${phase}" (expected ${total} min):`];
  steps.forEach((step, i) => {
    lines.push(`  ${i + 1}. [${step.layer}] ${step.title} (~${step.expectedMinutes} min)`);
    lines.push(`     changes: ${step.changes}`);
  });
  return lines.join("\n");
}

/** What the services layer installs in which guest, with the pinned versions. */
export function servicesTable(services: ServiceInventoryEntry[]): string {
  return table([
    ["guest", "host", "service", "packages (pinned)"],
    ...services.map((s) => [s.guest, s.host, s.service, s.note ?? s.packages.join(", ")]),
  ]);
}

export function formatPreview(result: PreviewResult): string {
  const out: string[] = [`=== Offline preview: stack "${result.stack}" ===`];
  if (!result.ok) {
    if (result.issues.length > 0) {
      out.push(
        `Configuration is invalid (${result.issues.length} problems); nothing would be created:`,
      );
      for (const issue of result.issues) out.push(`  - ${issue.path}: ${issue.message}`);
    } else {
      out.push(`The program failed: ${result.error}`);
    }
    return out.join("\n");
  }
  if (result.placeholders.length > 0) {
    out.push(`Secrets replaced by placeholders: ${result.placeholders.join(", ")}`);
  }
  out.push("", `Resources to create (${result.resources.length}):`, resourceTree(result.resources));
  out.push("", "Counts by type:");
  out.push(
    table(
      Object.entries(countsByType(result.resources)).map(([type, n]) => [
        String(n).padStart(4),
        type,
      ]),
    ),
  );
  const { capacity, guests } = result.outputs;
  if (capacity) out.push("", "Capacity per host:", capacityTable(capacity));
  if (guests) {
    out.push("", "Guests:");
    out.push(
      table([
        ["name", "role", "kind", "host", "vmid", "ip", "dns name"],
        ...guests.map((g) => [g.name, g.role, g.kind, g.host, String(g.vmId), g.ip, g.fqdn]),
      ]),
    );
  }
  const { migrationPhase, migrationRunbook } = result.outputs;
  if (typeof migrationPhase === "string" && Array.isArray(migrationRunbook)) {
    out.push("", runbookText(migrationPhase, migrationRunbook as RunbookStep[]));
  }
  const services = result.outputs["services"] as ServiceInventoryEntry[] | undefined;
  if (services) out.push("", "Services installed in the guests:", servicesTable(services));
  return out.join("\n");
}

/** The machine-readable form: no raw inputs, so no secret can leak through it. */
export function previewJson(result: PreviewResult): unknown {
  return {
    stack: result.stack,
    ok: result.ok,
    issues: result.issues,
    error: result.error,
    placeholders: result.placeholders,
    resourceCount: result.resources.length,
    resources: result.resources.map((r) => ({
      type: r.type,
      name: r.name,
      parent: r.parentUrn,
      protect: r.protect,
      urn: r.urn,
    })),
    counts: countsByType(result.resources),
    outputs: Object.fromEntries(
      Object.entries(result.outputs).map(([key, value]) => [
        key,
        result.secretOutputs.includes(key) ? "[secret]" : value,
      ]),
    ),
  };
}
