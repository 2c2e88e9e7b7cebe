/**
 * Faults: a create whose reply is lost never leaves a duplicate, 5xx and resets are retried only
 * where repeating is safe, TLS is verified by default, errors carry Harbor's code and message, and
 * no cookie is ever sent back (Harbor would then demand a CSRF token).
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { providers } from "../../providers/harbor/providers";
import { harborRegistry } from "../../providers/harbor/registry";
import type { FakeHarbor } from "../fakes/harbor/server";
import { checked, configFor, connectionOf, must, startFake } from "./helpers";

let fake: FakeHarbor;
beforeEach(async () => {
  fake = await startFake();
});
afterEach(() => fake.stop());

const projectInputs = () => ({ connection: connectionOf(fake), name: "apps" });

describe("lost replies never duplicate", () => {
  test("project: the POST was applied but the reply lost → adopted, one project", async () => {
    fake.faults.push({ kind: "apply-then-reset", method: "POST", path: "/projects", times: 1 });
    const p = providers.Project;
    const { id } = await p.create(await checked(p, projectInputs()));
    expect(fake.state.projects.size).toBe(1);
    expect(id).toBe(String(fake.state.projectByName("apps")?.project_id));
    expect(fake.requests("POST", "/projects")).toBe(1);
  });

  test("project: 5xx on POST before anything happened → looked up, then created once", async () => {
    fake.faults.push({ kind: "status", status: 502, method: "POST", path: "/projects", times: 1 });
    const p = providers.Project;
    await p.create(await checked(p, projectInputs()));
    expect(fake.state.projects.size).toBe(1);
    expect(fake.requests("POST", "/projects")).toBe(2);
  });

  test("robot: lost reply → adopted with a refreshed, working secret", async () => {
    const p = providers.Project;
    await p.create(await checked(p, projectInputs()));
    fake.faults.push({ kind: "apply-then-reset", method: "POST", path: "/robots", times: 1 });
    const r = providers.RobotAccount;
    const { outs } = await r.create(
      await checked(r, {
        connection: connectionOf(fake),
        name: "puller",
        permissions: [{ namespace: "apps", access: [{ resource: "repository", action: "pull" }] }],
      }),
    );
    expect(fake.state.robots.size).toBe(1);
    expect(outs?.secret).toBe([...fake.state.robots.values()][0]?.secret);
  });

  test("registry, replication policy and immutability rule: lost replies adopted", async () => {
    await providers.Project.create(await checked(providers.Project, projectInputs()));
    fake.faults.push(
      { kind: "apply-then-reset", method: "POST", path: "/registries", times: 1 },
      { kind: "apply-then-reset", method: "POST", path: "/replication/policies", times: 1 },
      { kind: "apply-then-reset", method: "POST", path: "/immutabletagrules", times: 1 },
      { kind: "apply-then-reset", method: "POST", path: "/retentions", times: 1 },
      { kind: "apply-then-reset", method: "POST", path: "/replication/executions", times: 1 },
    );
    const g = providers.RegistryEndpoint;
    const reg = await g.create(
      await checked(g, {
        connection: connectionOf(fake),
        name: "ecr",
        type: "aws-ecr",
        url: "https://api.ecr.sa-east-1.amazonaws.com",
        accessKey: "AKIA",
        accessSecret: "s",
      }),
    );
    const rp = providers.ReplicationPolicy;
    const policy = await rp.create(
      await checked(rp, {
        connection: connectionOf(fake),
        name: "ecr-apps",
        sourceRegistryId: must(reg.outs).registryId,
        destinationNamespace: "apps",
        executionTrigger: 1,
      }),
    );
    const im = providers.ImmutableTagRule;
    await im.create(
      await checked(im, { connection: connectionOf(fake), project: "apps", tags: "v*" }),
    );
    const rt = providers.RetentionPolicy;
    await rt.create(
      await checked(rt, {
        connection: connectionOf(fake),
        project: "apps",
        rules: [{ template: "always" }],
      }),
    );
    expect(fake.faults.every((f) => f.times === 0)).toBe(true);
    expect(fake.state.registries.size).toBe(1);
    expect(fake.state.policies.size).toBe(1);
    expect(fake.state.immutableRules.size).toBe(1);
    expect(fake.state.retentions.size).toBe(1);
    expect(fake.state.executions.size).toBe(1);
    expect(policy.outs?.lastExecutionId).toBe([...fake.state.executions.keys()][0]);
  });

  test("a 409 that is not ours (same name, created meanwhile) is adopted, not retried", async () => {
    fake.state.addProject("apps");
    const p = providers.Project;
    await p.create(await checked(p, projectInputs()));
    expect(fake.state.projects.size).toBe(1);
  });
});

describe("retries", () => {
  test("reads retry 5xx and connection resets", async () => {
    const p = providers.Project;
    const { id, outs } = await p.create(await checked(p, projectInputs()));
    fake.faults.push(
      { kind: "status", status: 503, method: "GET", times: 2 },
      { kind: "reset", method: "GET", times: 1 },
    );
    const read = await p.read(id, outs);
    expect(read.id).toBe(id);
    expect(fake.faults.every((f) => f.times === 0)).toBe(true);
  });

  test("429 is retried even for a POST (Harbor refused it before doing anything)", async () => {
    fake.faults.push({ kind: "status", status: 429, method: "POST", times: 1 });
    const p = providers.Project;
    await p.create(await checked(p, projectInputs()));
    expect(fake.state.projects.size).toBe(1);
  });

  test("a slow Harbor times out and the read is retried", async () => {
    const p = providers.Project;
    const { id, outs } = await p.create(await checked(p, projectInputs()));
    fake.faults.push({ kind: "slow", method: "GET", delayMs: 400, times: 1 });
    const slow = { ...must(outs), connection: { url: fake.url, timeoutMs: 150 } };
    const read = await p.read(id, slow);
    expect(read.id).toBe(id);
  });

  test("gives up after the configured attempts with Harbor's masked 5xx message", async () => {
    const p = providers.Project;
    const { id, outs } = await p.create(await checked(p, projectInputs()));
    fake.faults.push({ kind: "status", status: 500, method: "GET", times: 10 });
    await expect(p.read(id, outs)).rejects.toThrow(
      /Harbor GET \/projects\/\d+ \(project "apps"\): HTTP 500 UNKNOWN: internal server error \(gave up after 4 attempts\)/,
    );
  });
});

describe("errors and credentials", () => {
  test("wrong password: 401 names the user, never the password", async () => {
    await providers.Project.configure(
      configFor({
        "baremetal:harborUsername": "admin",
        "baremetal:harborAdminPassword": "wrong-pw",
      }),
    );
    const p = providers.Project;
    const err = await p.create(await checked(p, projectInputs())).catch((e: Error) => e);
    expect(String(err)).toMatch(
      /HTTP 401 UNAUTHORIZED: unauthorized \(check the credentials of Harbor user "admin"\)/,
    );
    expect(String(err)).not.toContain("wrong-pw");
  });

  test("without credentials the provider says where to set them", async () => {
    const saved = harborRegistry().credentials;
    delete harborRegistry().credentials;
    const savedEnv = process.env["HARBOR_PASSWORD"];
    delete process.env["HARBOR_PASSWORD"];
    try {
      await providers.Project.configure(configFor({}));
      await expect(
        providers.Project.create(await checked(providers.Project, projectInputs())),
      ).rejects.toThrow(/baremetal:harborAdminPassword.*HARBOR_USERNAME \/ HARBOR_PASSWORD/);
    } finally {
      harborRegistry().credentials = saved;
      if (savedEnv !== undefined) process.env["HARBOR_PASSWORD"] = savedEnv;
    }
  });

  test("credentials fall back to HARBOR_USERNAME / HARBOR_PASSWORD", async () => {
    process.env["HARBOR_USERNAME"] = "ops";
    process.env["HARBOR_PASSWORD"] = "from-env";
    try {
      await providers.Project.configure(configFor({}));
      expect(harborRegistry().credentials).toEqual({ username: "ops", password: "from-env" });
    } finally {
      delete process.env["HARBOR_USERNAME"];
      delete process.env["HARBOR_PASSWORD"];
    }
  });

  test("Harbor's session cookie is never sent back, so its CSRF check never applies", async () => {
    const p = providers.Project;
    const { id, outs } = await p.create(await checked(p, projectInputs()));
    await p.update(id, must(outs), await checked(p, { ...projectInputs(), public: true }));
    await p.delete(id, must(outs));
    expect(fake.requests()).toBeGreaterThan(4);
    expect(fake.cookieRequests).toBe(0);
  });
});

describe("TLS", () => {
  const tls = path.join(__dirname, "..", "fakes", "harbor", "tls");
  let secure: FakeHarbor;
  beforeEach(async () => {
    secure = await startFake({
      tls: {
        cert: readFileSync(path.join(tls, "harbor.pem"), "utf8"),
        key: readFileSync(path.join(tls, "harbor.key"), "utf8"),
      },
    });
  });
  afterEach(() => secure.stop());

  test("verified by default: an unknown CA fails with a hint", async () => {
    const p = providers.Project;
    const inputs = await checked(p, { connection: { url: secure.url }, name: "apps" });
    await expect(p.create(inputs)).rejects.toThrow(/TLS certificate not trusted.*set caFile/);
    expect(secure.state.projects.size).toBe(0);
  });

  test("works with the CA certificate as PEM text (caPem)", async () => {
    const p = providers.Project;
    const inputs = await checked(p, {
      connection: { url: secure.url, caPem: readFileSync(path.join(tls, "test-ca.pem"), "utf8") },
      name: "apps",
    });
    await p.create(inputs);
    expect(secure.state.projects.size).toBe(1);
  });

  test("works with caFile", async () => {
    const p = providers.Project;
    const inputs = await checked(p, {
      connection: { url: secure.url, caFile: path.join(tls, "test-ca.pem") },
      name: "apps",
    });
    await p.create(inputs);
    expect(secure.state.projects.size).toBe(1);
  });
});
