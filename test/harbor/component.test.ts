/**
 * The Harbor component under the offline engine: what it registers, with which parents and
 * dependencies, and that every credential (robot secret, ECR keys, image-pull Secret) stays secret.
 */
import * as k8s from "../../components/sdk/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { harborSettingsSchema } from "../../components/config/harborSettings";
import { Harbor, harborUrl } from "../../components/harbor";
import { startOfflineEngine, type OfflineEngine } from "../../scripts/offline/engine";
import { plaintextOccurrences } from "../support/preview";

const ECR_SECRET = "ecr-secret-access-key-never-plain";
let engine: OfflineEngine;
let harbor: Harbor;

beforeAll(async () => {
  engine = await startOfflineEngine({ project: "baremetal", stack: "test" });
  const settings = harborSettingsSchema.parse({
    caFile: "/etc/baremetal/private-ca.pem",
    projects: [
      {
        name: "apps",
        storageQuota: "200Gi",
        preventVulnerable: true,
        severity: "critical",
        retention: { schedule: "0 0 2 * * *", rules: [{ template: "latestPushedK", count: 20 }] },
        immutableTags: [{ tags: "v*" }, { tags: "release-*" }],
      },
      { name: "base-images" },
      { name: "public-mirror", public: true },
    ],
    robots: [{ name: "ci", project: "apps", access: ["repository:pull", "repository:push"] }],
    imagePull: { namespaces: ["payments", "ledger"] },
    cveAllowlist: { items: ["CVE-2024-3094"] },
  });
  const provider = new k8s.Provider("k8s", { kubeconfig: "offline" });
  harbor = new Harbor("harbor", {
    settings,
    url: harborUrl("harbor.sp1.example.com"),
    registryHost: "harbor.sp1.example.com",
    kubernetesProvider: provider,
    ecrReplication: {
      region: "sa-east-1",
      accessKeyId: pulumi.secret("AKIAEXAMPLE"),
      secretAccessKey: pulumi.secret(ECR_SECRET),
      destinationProject: "apps",
      repositories: "apps/**",
      enabled: true,
    },
  });
  // Registration barrier: every child's URN (outputs of children resolve after registration).
  await Promise.all(
    [
      ...Object.values(harbor.projects),
      ...Object.values(harbor.robots),
      ...Object.values(harbor.pullSecrets),
    ].map((r) => new Promise((resolve) => r.urn.apply(resolve))),
  );
  await new Promise((resolve) => harbor.urn.apply(resolve));
  await new Promise((resolve) => setTimeout(resolve, 200));
});

const dynamic = (type: string) =>
  engine.resources.filter((r) => r.type === `pulumi-nodejs:dynamic/harbor:${type}`);

test("projects, robots, rules, system settings and the ECR replication are registered", () => {
  expect(
    dynamic("Project")
      .map((r) => r.inputs["name"])
      .sort(),
  ).toEqual(["apps", "base-images", "public-mirror"]);
  expect(dynamic("RetentionPolicy").map((r) => r.inputs["project"])).toEqual(["apps"]);
  expect(
    dynamic("ImmutableTagRule")
      .map((r) => r.inputs["tags"])
      .sort(),
  ).toEqual(["release-*", "v*"]);
  expect(dynamic("GcSchedule")).toHaveLength(1);
  expect(dynamic("CveAllowlist")[0]?.inputs["items"]).toEqual(["CVE-2024-3094"]);
  expect(dynamic("DefaultScanner")[0]?.inputs).toMatchObject({
    name: "Trivy",
    url: "http://harbor-trivy:8080",
  });
  const registry = dynamic("RegistryEndpoint")[0];
  expect(registry?.inputs).toMatchObject({
    type: "aws-ecr",
    url: "https://api.ecr.sa-east-1.amazonaws.com",
  });
  expect(dynamic("ReplicationPolicy")[0]?.inputs).toMatchObject({
    destinationNamespace: "apps",
    repositories: "apps/**",
    enabled: true,
  });
  // Every resource connects to Harbor with the configured CA; no credentials among the inputs.
  for (const r of engine.resources.filter((x) =>
    x.type.startsWith("pulumi-nodejs:dynamic/harbor:"),
  )) {
    expect(r.inputs["connection"]).toEqual({
      url: "https://harbor.sp1.example.com",
      caFile: "/etc/baremetal/private-ca.pem",
    });
    expect(JSON.stringify(r.inputs)).not.toMatch(/password/i);
  }
});

test("every child is parented to the component, with names from natural keys", () => {
  const component = engine.resources.find((r) => r.type === "baremetal:harbor:Harbor");
  const children = engine.resources.filter(
    (r) =>
      r.type.startsWith("pulumi-nodejs:dynamic/harbor:") ||
      r.type.startsWith("kubernetes:core/v1:"),
  );
  expect(children.length).toBeGreaterThan(10);
  for (const c of children) expect(c.parentUrn).toBe(component?.urn);
  const names = children.map((c) => c.name);
  expect(names).toEqual(
    expect.arrayContaining([
      "harbor-project-apps",
      "harbor-robot-apps+ci",
      "harbor-robot-k8s-pull",
      "harbor-pull-payments",
      "harbor-pull-ledger",
    ]),
  );
  expect(names.filter((n) => n.startsWith("harbor-immutable-apps-"))).toHaveLength(2);
});

test("robots: project CI robot and a pull-only system robot over the private projects", () => {
  const ci = dynamic("RobotAccount").find((r) => r.name === "harbor-robot-apps+ci");
  expect(ci?.inputs).toMatchObject({
    level: "project",
    permissions: [
      {
        namespace: "apps",
        access: [
          { resource: "repository", action: "pull" },
          { resource: "repository", action: "push" },
        ],
      },
    ],
  });
  const puller = dynamic("RobotAccount").find((r) => r.name === "harbor-robot-k8s-pull");
  expect(puller?.inputs["level"]).toBe("system");
  const perms = puller?.inputs["permissions"] as { namespace: string; access: unknown[] }[];
  expect(perms.map((p) => p.namespace)).toEqual(["apps", "base-images"]);
  for (const p of perms) expect(p.access).toEqual([{ resource: "repository", action: "pull" }]);
  for (const robot of dynamic("RobotAccount")) {
    expect(robot.additionalSecretOutputs).toContain("secret");
    expect(robot.deleteBeforeReplace).toBe(true);
    const projects = dynamic("Project").map((p) => p.urn);
    expect(robot.dependencies.some((d) => projects.includes(d))).toBe(true);
  }
});

test("an image-pull Secret per namespace, secret, built from the pull robot", async () => {
  const secrets = engine.resources.filter((r) => r.type === "kubernetes:core/v1:Secret");
  expect(
    secrets.map((s) => (s.inputs["metadata"] as { namespace: string }).namespace).sort(),
  ).toEqual(["ledger", "payments"]);
  for (const s of secrets) {
    expect(s.inputs["type"]).toBe("kubernetes.io/dockerconfigjson");
    expect((s.inputs["metadata"] as { name: string }).name).toBe("harbor-pull");
    // The whole docker config travels as a secret.
    expect(plaintextOccurrences(s.rawInputs, "auths")).toEqual([]);
    const config = JSON.parse(
      (s.inputs["stringData"] as Record<string, string>)[".dockerconfigjson"] ?? "{}",
    ) as { auths: Record<string, { username: string; password: string; auth: string }> };
    const entry = config.auths["harbor.sp1.example.com"];
    expect(entry?.username).toBe("robot$k8s-pull");
    expect(entry?.password).toMatch(/^offline-harbor-robot-k8s-pull/);
    expect(Buffer.from(entry?.auth ?? "", "base64").toString()).toBe(
      `${entry?.username}:${entry?.password}`,
    );
  }
  const namespaces = engine.resources.filter((r) => r.type === "kubernetes:core/v1:Namespace");
  expect(namespaces.every((n) => n.retainOnDelete)).toBe(true);
  const pullSecret = await new Promise<boolean>((resolve) =>
    pulumi
      .isSecret(harbor.pullSecrets["payments"]?.stringData ?? pulumi.output(undefined))
      .then(resolve),
  );
  expect(pullSecret).toBe(true);
});

test("ECR keys reach Harbor only as secrets", () => {
  for (const r of engine.resources) {
    expect(plaintextOccurrences(r.rawInputs, ECR_SECRET)).toEqual([]);
    expect(plaintextOccurrences(r.rawInputs, "AKIAEXAMPLE")).toEqual([]);
  }
  const registry = dynamic("RegistryEndpoint")[0];
  expect(registry?.additionalSecretOutputs).toContain("accessSecretHash");
});

test("without a CA file the program's own CA certificate is trusted", async () => {
  const settings = harborSettingsSchema.parse({ projects: [{ name: "ca-test" }] });
  const pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
  const h = new Harbor("h3", {
    settings,
    url: "https://harbor.example.com",
    registryHost: "harbor.example.com",
    certificateAuthority: pulumi.output(pem),
  });
  await new Promise((resolve) => h.projects["ca-test"]?.urn.apply(resolve));
  await new Promise((resolve) => setTimeout(resolve, 100));
  const project = dynamic("Project").find((r) => r.name === "h3-project-ca-test");
  expect(project?.inputs["connection"]).toEqual({ url: "https://harbor.example.com", caPem: pem });
});

test("namespaces without a kubernetes provider are refused with the argument named", () => {
  const settings = harborSettingsSchema.parse({
    projects: [{ name: "apps" }],
    imagePull: { namespaces: ["payments"] },
  });
  expect(() => new Harbor("h2", { settings, url: "https://h", registryHost: "h" })).toThrow(
    "[kubernetesProvider] is required by [settings.imagePull.namespaces]",
  );
});
