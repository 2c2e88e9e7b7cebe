/**
 * HTTPS (www-ssl): certificates are verified by default, a custom CA is honoured, and
 * verification is skipped only when `insecure` is set explicitly.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { providers } from "../../providers/routeros/runtime";
import { clearReadCache, registry } from "../../providers/routeros/registry";
import type { FakeRouter } from "../../scripts/support/routeros-fake/server";
import { printed, startFake } from "./helpers";

const TLS = path.join(__dirname, "..", "fakes", "routeros", "tls");
const tls = {
  cert: readFileSync(path.join(TLS, "router.pem"), "utf8"),
  key: readFileSync(path.join(TLS, "router.key"), "utf8"),
};

let fake: FakeRouter;
beforeAll(async () => {
  fake = await startFake({ tls });
});
afterAll(() => fake.stop());
beforeEach(() => {
  clearReadCache();
  registry().agents.clear();
});

const record = (name: string, router: Record<string, unknown>) => ({
  router: { url: fake.url, ...router },
  name,
  address: "10.9.0.1",
});

test("the fake serves HTTPS", () => {
  expect(fake.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
});

test("with the router's CA the provider talks HTTPS and creates the record", async () => {
  const created = await providers.DnsStaticRecord.create(
    record("ca.tls.test", { caFile: path.join(TLS, "test-ca.pem") }),
  );
  expect(printed(fake, "ip/dns/static").find((r) => r[".id"] === created.id)?.["name"]).toBe(
    "ca.tls.test",
  );
});

test("without a CA the certificate is verified against the system store and rejected, naming the request", async () => {
  const before = fake.requests();
  await expect(providers.DnsStaticRecord.create(record("default.tls.test", {}))).rejects.toThrow(
    /certificate|self.signed|issuer/i,
  );
  // Nothing reached the router: the TLS handshake failed first.
  expect(fake.requests()).toBe(before);
  expect(printed(fake, "ip/dns/static").some((r) => r["name"] === "default.tls.test")).toBe(false);
});

test("a CA that did not sign the router's certificate is rejected", async () => {
  await expect(
    providers.DnsStaticRecord.create(
      record("other.tls.test", { caFile: path.join(TLS, "other-ca.pem") }),
    ),
  ).rejects.toThrow(/TLS certificate not trusted/);
});

test("insecure skips verification only when set explicitly", async () => {
  const created = await providers.DnsStaticRecord.create(
    record("insecure.tls.test", { insecure: true }),
  );
  expect(printed(fake, "ip/dns/static").find((r) => r[".id"] === created.id)?.["name"]).toBe(
    "insecure.tls.test",
  );
});
