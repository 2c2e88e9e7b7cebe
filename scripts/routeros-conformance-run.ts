/**
 * Runs every resource type's lifecycle through the provider code against a router: create, read
 * (no diff), update, drift detection (out-of-band change), adopt (object created outside Pulumi),
 * delete. Everything it created is removed and every setting it touched restored, even on failure.
 */
import { stepRecorder, type StepResult } from "./support/conformance";
import { providers } from "../providers/routeros/runtime";
import { clearReadCache, registry } from "../providers/routeros/registry";
import { restPath, rosRequest } from "../providers/routeros/http";
import { createBody } from "../providers/routeros/payload";
import type { MenuSpec, RouterConnection } from "../providers/routeros/types";
import { conformanceCases, type ConformanceCase } from "./routeros-conformance-cases";

type Row = Record<string, string>;
type Outs = Record<string, unknown> & { router: RouterConnection; routerosId: string };
interface AnyProvider {
  spec?: MenuSpec;
  create(i: Record<string, unknown>): Promise<{ id: string; outs?: unknown }>;
  read(id: string, props?: never): Promise<{ id?: string; props?: unknown }>;
  update(id: string, olds: never, news: never): Promise<{ outs?: unknown }>;
  diff(id: string, olds: never, news: never): Promise<{ changes?: boolean }>;
  delete(id: string, props: never): Promise<void>;
}

export async function runConformance(conn: RouterConnection): Promise<StepResult[]> {
  const creds = registry().credentials;
  if (!creds) throw new Error("credentials not configured");
  const raw = (method: "GET" | "PUT" | "PATCH" | "DELETE" | "POST", path: string, body?: unknown) =>
    rosRequest(conn, creds, method, path, body, {
      idempotent: method !== "PUT" && method !== "POST",
    });
  const created: { menu: string; id: string }[] = [];
  const { results, step, expect } = stepRecorder(() => registry().requestsSent);

  const tag = Math.random().toString(36).slice(2, 7);
  const dnsBefore = (await raw("GET", restPath("ip/dns"))) as Row;
  const identityBefore = (await raw("GET", restPath("system/identity"))) as Row;
  const snmpBefore = (await raw("GET", restPath("snmp"))) as Row;
  const cases = conformanceCases(tag, identityBefore["name"] ?? "MikroTik");
  const outs = new Map<ConformanceCase, Outs>();
  try {
    for (const c of cases) {
      const p = providers[c.type] as unknown as AnyProvider;
      const inputs = { router: conn, ...c.create };
      const ok = await step(c.type, "create", async () => {
        const r = await p.create(inputs);
        if (!c.settings) created.push({ menu: c.menu, id: r.id });
        outs.set(c, r.outs as Outs);
        if (!c.settings)
          expect(
            ((await raw("GET", restPath(c.menu, r.id))) as Row)[".id"] === r.id,
            "row not on router",
          );
      });
      if (!ok) continue;
      const news = { ...inputs, ...c.update };
      await step(c.type, "read", async () => {
        clearReadCache();
        const o = outs.get(c) as Outs;
        const r = await p.read(o.routerosId, o as never);
        expect(r.id === o.routerosId, `read returned id ${String(r.id)}`);
        expect(
          (await p.diff(o.routerosId, r.props as never, inputs as never)).changes === false,
          "diff after read",
        );
      });
      await step(c.type, "update", async () => {
        const o = outs.get(c) as Outs;
        expect(
          (await p.diff(o.routerosId, o as never, news as never)).changes === true,
          "no diff for update",
        );
        const u = await p.update(o.routerosId, o as never, news as never);
        outs.set(c, u.outs as Outs);
        clearReadCache();
        const r = await p.read(o.routerosId, u.outs as never);
        expect(
          (await p.diff(o.routerosId, r.props as never, news as never)).changes === false,
          "diff after update",
        );
      });
      if (c.drift) {
        const [field, value] = c.drift;
        await step(c.type, "drift", async () => {
          const o = outs.get(c) as Outs;
          if (c.settings) await raw("POST", restPath(c.menu, "set"), { [field]: value });
          else await raw("PATCH", restPath(c.menu, o.routerosId), { [field]: value });
          clearReadCache();
          const r = await p.read(o.routerosId, o as never);
          expect(
            (await p.diff(o.routerosId, r.props as never, news as never)).changes === true,
            "drift not detected",
          );
          const fixed = await p.update(o.routerosId, r.props as never, news as never);
          outs.set(c, fixed.outs as Outs);
          clearReadCache();
          const again = await p.read(o.routerosId, fixed.outs as never);
          expect(
            (await p.diff(o.routerosId, again.props as never, news as never)).changes === false,
            "drift not repaired",
          );
        });
      }
    }
    await step("FirewallChain", "order", () => chainLifecycle(conn, tag, raw, created));
    for (const c of [...cases].reverse()) {
      const o = outs.get(c);
      if (!o) continue;
      const p = providers[c.type] as unknown as AnyProvider;
      if (!c.settings && p.spec) {
        const spec = p.spec;
        await step(c.type, "adopt", async () => {
          await p.delete(o.routerosId, o as never);
          const news = { ...o };
          const existing = (await raw("PUT", restPath(c.menu), createBody(spec, news))) as Row;
          created.push({ menu: c.menu, id: existing[".id"] ?? "" });
          clearReadCache();
          const r = await p.create(news);
          expect(r.id === existing[".id"], `adopted ${r.id}, existing ${existing[".id"] ?? "?"}`);
          outs.set(c, r.outs as Outs);
        });
      }
      await step(c.type, "delete", async () => {
        const cur = outs.get(c) as Outs;
        await p.delete(cur.routerosId, cur as never);
        if (!c.settings) {
          const gone = await raw("GET", restPath(c.menu, cur.routerosId)).then(
            () => false,
            (e: { status?: number }) => e.status === 404,
          );
          expect(gone, "row still on router after delete");
        }
      });
    }
  } finally {
    for (const { menu, id } of created.reverse()) {
      await raw("DELETE", restPath(menu, id)).catch(() => undefined);
    }
    await raw("POST", restPath("ip/dns", "set"), {
      "cache-max-ttl": dnsBefore["cache-max-ttl"] ?? "1w",
    }).catch(() => undefined);
    await raw("POST", restPath("system/identity", "set"), {
      name: identityBefore["name"] ?? "MikroTik",
    }).catch(() => undefined);
    await raw("POST", restPath("snmp", "set"), {
      contact: snmpBefore["contact"] ?? "",
      location: snmpBefore["location"] ?? "",
    }).catch(() => undefined);
  }
  return results;
}

type Raw = (
  method: "GET" | "PUT" | "PATCH" | "DELETE" | "POST",
  path: string,
  body?: unknown,
) => Promise<unknown>;

async function chainLifecycle(
  conn: RouterConnection,
  tag: string,
  raw: Raw,
  created: { menu: string; id: string }[],
) {
  const menu = "ip/firewall/filter";
  const chain = `cf-${tag}-order`;
  const comments = ["one", "two", "three"].map((n) => `conformance ${tag} ${n}`);
  for (const comment of comments) {
    const r = await providers.FirewallFilterRule.create({
      router: conn,
      chain,
      action: "return",
      comment,
    });
    created.push({ menu, id: r.id });
  }
  const extra = (await raw("PUT", restPath(menu), {
    chain,
    action: "return",
    comment: `conformance ${tag} manual`,
  })) as Row;
  created.push({ menu, id: extra[".id"] ?? "" });
  const order = async () =>
    ((await raw("GET", restPath(menu))) as Row[])
      .filter((r) => r["chain"] === chain)
      .map((r) => r["comment"]);
  const inputs = { router: conn, table: "filter" as const, chain, rules: [...comments].reverse() };
  const p = providers.FirewallChain;
  const made = await p.create(inputs);
  const madeOuts = made.outs;
  if (!madeOuts) throw new Error("chain create returned no outputs");
  const want = [...inputs.rules, `conformance ${tag} manual`];
  if (JSON.stringify(await order()) !== JSON.stringify(want))
    throw new Error(`order ${JSON.stringify(await order())}`);
  await raw("POST", restPath(menu, "move"), {
    numbers: madeOuts.ruleIds[0],
    destination: undefined,
  });
  clearReadCache();
  const drifted = await p.read(made.id, madeOuts);
  if (drifted.props?.inOrder !== false) throw new Error("reorder not detected");
  const owned = await p.update(made.id, drifted.props, { ...inputs, removeUndeclared: true });
  if (JSON.stringify(await order()) !== JSON.stringify(inputs.rules))
    throw new Error("not repaired");
  if ((owned.outs?.undeclared.length ?? 1) !== 0) throw new Error("undeclared rule kept");
  for (const id of madeOuts.ruleIds)
    await providers.FirewallFilterRule.delete(id, { router: conn, routerosId: id });
}
