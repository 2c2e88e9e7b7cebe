/**
 * The floor the offline preview is measured against: a fresh Node process that loads only
 * @pulumi/pulumi, installs mocks and registers the same resources the program registers (type,
 * name, parent, inputs and the property keys its class hands the SDK, declared outputs included,
 * replayed from a file the measured preview wrote), then exits. Nothing
 * of the program is loaded, so the difference to the preview is the program's own cost: its
 * modules, configuration checks, planning and the offline engine's bookkeeping.
 * Prints a JSON line like bench/preview-once.ts.
 *
 *   node scripts/bench/floor-once.cjs <recorded-resources.json>
 */
"use strict";
const { readFileSync } = require("node:fs");
const pulumi = require("@pulumi/pulumi");

function cpuMicros() {
  const { user, system } = process.cpuUsage();
  return user + system;
}

async function main() {
  /** @type {{type: string, name: string, parentUrn?: string, custom: boolean, inputs: object, dependencies?: string[], propertyKeys?: string[]}[]} */
  const recorded = JSON.parse(readFileSync(process.argv[2], "utf8"));
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => ({
        id: args.custom === false ? undefined : `${args.name}-id`,
        state: args.inputs,
      }),
      call: () => ({}),
    },
    "baremetal",
    "floor",
    true,
  );
  await pulumi.runtime.runInPulumiStack(async () => {
    const byUrn = new Map();
    for (const r of recorded) {
      const opts = r.parentUrn && byUrn.has(r.parentUrn) ? { parent: byUrn.get(r.parentUrn) } : {};
      // The same dependency edges the program's registration carried (its Outputs' resources),
      // which the SDK resolves for every registration that has them.
      const dependsOn = (r.dependencies ?? []).map((urn) => byUrn.get(urn)).filter(Boolean);
      if (dependsOn.length > 0) opts.dependsOn = dependsOn;
      if (r.type === "pulumi:pulumi:Stack") continue;
      // Every key the class passes gets an Output in the SDK; unset ones travel as undefined.
      const props = { ...r.inputs };
      for (const key of r.propertyKeys ?? []) if (!(key in props)) props[key] = undefined;
      const resource = r.custom
        ? new pulumi.CustomResource(r.type, r.name, props, opts)
        : new pulumi.ComponentResource(r.type, r.name, r.inputs, opts);
      if (!r.custom) resource.registerOutputs({});
      byUrn.set(r.urn, resource);
    }
    return {};
  });
  await pulumi.runtime.disconnect();
  console.log(
    JSON.stringify({
      ok: true,
      resources: recorded.length,
      cpuMs: Math.round(cpuMicros() / 1000),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
