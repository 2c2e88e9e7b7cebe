import { harborSettingsSchema } from "../../components/config/harborSettings";
import {
  accessOf,
  dockerConfigJson,
  ecrEndpoint,
  patternKey,
  pullProjects,
} from "../../components/harbor/plan";

test("access strings become Harbor access entries", () => {
  expect(accessOf(["repository:pull", "artifact:read"])).toEqual([
    { resource: "repository", action: "pull" },
    { resource: "artifact", action: "read" },
  ]);
});

test("the pull robot reads every private project and no public one", () => {
  const settings = harborSettingsSchema.parse({
    projects: [{ name: "apps" }, { name: "mirror", public: true }, { name: "base" }],
  });
  expect(pullProjects(settings)).toEqual(["apps", "base"]);
});

test("pattern keys are readable and never collide for patterns that read alike", () => {
  expect(patternKey("**", "v*")).toMatch(/^v-[0-9a-f]{6}$/);
  expect(patternKey("**", "v*")).not.toBe(patternKey("**", "v?"));
  expect(patternKey("**", "v*")).toBe(patternKey("**", "v*"));
  expect(patternKey("**", "**")).toMatch(/^all-[0-9a-f]{6}$/);
});

test("docker config for a registry host", () => {
  const config = JSON.parse(dockerConfigJson("harbor.example.com", "robot$k8s-pull", "s3cret")) as {
    auths: Record<string, { auth: string }>;
  };
  expect(Buffer.from(config.auths["harbor.example.com"]?.auth ?? "", "base64").toString()).toBe(
    "robot$k8s-pull:s3cret",
  );
  expect(ecrEndpoint("sa-east-1")).toBe("https://api.ecr.sa-east-1.amazonaws.com");
});
