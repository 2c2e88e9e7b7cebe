/**
 * Plain-Node serialization round trip of every Harbor provider as resources store it (what
 * `dynamic.Resource` and the dynamic-provider host do), run outside Jest because Jest can make a
 * broken closure serialize.
 *
 * For each type: configure with a secret password, take the thin provider text resources store
 * (providers/shared/thinText.ts), check the size budget, that it loads the runtime package by
 * name and that no secret appears, load the text as a fresh module (as the host does), then call
 * `configure`, `check` and `diff` on the loaded copy; they must be served by the built
 * `@baremetal/harbor-runtime` bundle and answer what the TypeScript provider answers. Prints one
 * JSON line per type; exits non-zero on any failure.
 */
import * as fs from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { providers } from "../providers/harbor/providers";
import { harborRuntime } from "../providers/harbor/runtime-freshness";
import { loadStoredProvider } from "./support/storedProvider";
import { HARBOR, type RuntimeProvider } from "../providers/harbor/thin";
import { loadedThinProviders } from "../providers/shared/thinLoad";

const SECRET = `pw-${Math.random().toString(36).slice(2)}-never-serialized`;
// Stands in for an ECR secret access key the program passes as an input.
const INPUT_SECRET = `ecr-${Math.random().toString(36).slice(2)}-input`;

const connection = { url: "https://harbor.example.com" };
export const SAMPLES: Record<string, Record<string, unknown>> = {
  Project: { name: "apps", storageQuota: "50Gi" },
  RobotAccount: {
    name: "puller",
    permissions: [{ namespace: "apps", access: [{ resource: "repository", action: "pull" }] }],
  },
  RegistryEndpoint: {
    name: "ecr",
    type: "aws-ecr",
    url: "https://api.ecr.sa-east-1.amazonaws.com",
    accessKey: "AKIAEXAMPLE",
    accessSecret: INPUT_SECRET,
  },
  ReplicationPolicy: { name: "ecr-apps", sourceRegistryId: 1, destinationNamespace: "apps" },
  RetentionPolicy: { project: "apps", rules: [{ template: "latestPushedK", count: 10 }] },
  ImmutableTagRule: { project: "apps", tags: "v*" },
  GcSchedule: { schedule: "0 0 4 * * 6" },
  CveAllowlist: { items: ["CVE-2024-3094"] },
  DefaultScanner: { url: "http://harbor-trivy:8080" },
};

async function main(): Promise<void> {
  const config = {
    get: (k: string) =>
      ({ "baremetal:harborUsername": "admin", "baremetal:harborAdminPassword": SECRET })[k],
    require: (k: string) => k,
  };
  if (harborRuntime.builtRuntimeHash() !== harborRuntime.runtimeSourceHash()) {
    console.log(JSON.stringify({ provider: "*", ok: false, error: "runtime bundle is stale" }));
    process.exitCode = 1;
    return;
  }
  const bundlePath = fs.realpathSync(harborRuntime.runtimeBundle);
  // Each type's thin provider as the host builds it from the stored text.
  const thinProviders = loadedThinProviders<keyof typeof providers, RuntimeProvider>(
    HARBOR,
    Object.keys(providers) as (keyof typeof providers)[],
  );
  let failed = false;
  for (const [name, impl] of Object.entries(providers)) {
    const type = name as keyof typeof providers;
    const result: Record<string, unknown> = { provider: name };
    try {
      const thin = thinProviders[type];
      await thin.configure({ config } as unknown as Parameters<typeof thin.configure>[0]);
      const { text, provider: loaded } = await loadStoredProvider<RuntimeProvider>(HARBOR, type, {
        bundlePath,
        secrets: [SECRET, INPUT_SECRET],
        first: (provider) =>
          provider.configure({ config } as unknown as Parameters<typeof provider.configure>[0]),
      });
      result["bytes"] = text.length;
      const news = { connection, ...(SAMPLES[name] ?? {}) };
      const checked = await loaded.check({}, news);
      if ((checked.failures?.length ?? 0) > 0) {
        throw new Error(`the sample inputs fail check: ${JSON.stringify(checked.failures)}`);
      }
      const olds = { ...checked.inputs };
      const diff = await loaded.diff("1", olds, checked.inputs);
      result["diffChanges"] = diff.changes;
      if (diff.changes !== false) throw new Error("identical inputs show a diff");
      const direct = impl as unknown as RuntimeProvider;
      if (!isDeepStrictEqual(checked, await direct.check({}, news))) {
        throw new Error("check through the runtime differs from the TypeScript provider");
      }
      if (!isDeepStrictEqual(diff, await direct.diff("1", olds, checked.inputs))) {
        throw new Error("diff through the runtime differs from the TypeScript provider");
      }
      result["ok"] = true;
    } catch (e) {
      result["ok"] = false;
      result["error"] = String(e).slice(0, 600);
      failed = true;
    }
    console.log(JSON.stringify(result));
  }
  process.exitCode = failed ? 1 : 0;
}

void main();
