import { readFileSync } from "node:fs";
import * as path from "node:path";
import type { FakeRouter } from "../../scripts/support/routeros-fake/server";
import { runScriptAsync } from "../support/scriptProcess";
import { PASSWORD, USER, snapshot, startFake } from "./helpers";

/** Runs the conformance command in a child process (async: the fake answers from this one). */
async function conformance(
  url: string,
  ...extra: string[]
): Promise<{ code: number; out: string }> {
  const args = [
    "--url",
    url,
    "--user",
    USER,
    // The fake serves plain HTTP, which must be allowed explicitly.
    ...(url.startsWith("http://") ? ["--allow-insecure-http"] : []),
    ...extra,
  ];
  const env = { ...process.env, ROUTEROS_PASSWORD: PASSWORD, ROUTEROS_RETRY_BASE_MS: "5" };
  const run = await runScriptAsync("scripts/routeros-conformance.ts", args, { env });
  return { code: run.code, out: run.stdout + run.stderr };
}

let fake: FakeRouter;
beforeEach(async () => {
  fake = await startFake();
  fake.state.create("ip/firewall/filter", {
    chain: "input",
    action: "accept",
    comment: "existing",
  });
  // Values the conformance run overwrites and must put back.
  fake.state.setSettings("snmp", { contact: "noc@example.com", location: "rack 4" });
});
afterEach(() => fake.stop());

test("conformance passes against the fake and leaves the router as found", async () => {
  const before = snapshot(fake);
  const { code, out } = await conformance(fake.url);
  expect(out).not.toMatch(/FAIL/);
  expect(out).toMatch(/steps passed/);
  expect(code).toBe(0);
  expect(out).not.toContain(PASSWORD);
  // The SNMP community's passwords (`snmpauth-…`, `snmppriv-…`) are never printed.
  expect(out).not.toMatch(/snmpauth|snmppriv/);
  for (const step of ["create", "read", "update", "drift", "adopt", "delete"]) {
    expect(out).toMatch(new RegExp(`SnmpCommunity\\s+${step}\\s+PASS`));
  }
  for (const step of ["create", "read", "update", "drift", "delete"]) {
    expect(out).toMatch(new RegExp(`SnmpSettings\\s+${step}\\s+PASS`));
  }
  expect(snapshot(fake)).toEqual(before);
}, 120_000);

test("conformance passes with faults injected and still leaves the router as found", async () => {
  fake.faults.push(
    { kind: "status", status: 503, method: "GET", times: 3 },
    { kind: "reset", method: "PATCH", times: 2 },
    { kind: "apply-then-reset", method: "PUT", path: "/rest/ip/dns/static", times: 1 },
    { kind: "apply-then-reset", method: "PUT", path: "/rest/snmp/community", times: 1 },
    { kind: "status", status: 503, method: "POST", path: "/rest/snmp/set", times: 1 },
  );
  const before = snapshot(fake);
  const { code, out } = await conformance(fake.url);
  expect(out).not.toMatch(/FAIL/);
  expect(code).toBe(0);
  expect(fake.faults.every((f) => f.times === 0)).toBe(true);
  expect(snapshot(fake)).toEqual(before);
}, 120_000);

describe("over HTTPS (www-ssl)", () => {
  const tls = path.join(__dirname, "..", "fakes", "routeros", "tls");
  let secure: FakeRouter;
  beforeEach(async () => {
    secure = await startFake({
      tls: {
        cert: readFileSync(path.join(tls, "router.pem"), "utf8"),
        key: readFileSync(path.join(tls, "router.key"), "utf8"),
      },
    });
  });
  afterEach(() => secure.stop());

  test("passes with the router's CA and leaves the router as found", async () => {
    const before = snapshot(secure);
    const { code, out } = await conformance(secure.url, "--ca", path.join(tls, "test-ca.pem"));
    expect(out).not.toMatch(/FAIL/);
    expect(code).toBe(0);
    expect(snapshot(secure)).toEqual(before);
  }, 120_000);

  test("fails without the CA: certificates are verified by default", async () => {
    const { code, out } = await conformance(secure.url);
    expect(code).not.toBe(0);
    expect(out).toContain("TLS certificate not trusted");
  }, 120_000);
});

test("conformance fails with a non-zero exit on wrong credentials", async () => {
  const { code } = await runScriptAsync(
    "scripts/routeros-conformance.ts",
    ["--url", fake.url, "--allow-insecure-http", "--user", "nobody"],
    { env: { ...process.env, ROUTEROS_PASSWORD: "x" } },
  );
  expect(code).not.toBe(0);
}, 60_000);
