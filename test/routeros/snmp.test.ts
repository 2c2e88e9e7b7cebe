/** SNMP providers against the fake router: the `/snmp` settings and `/snmp/community`. */
import { restPath, rosRequest } from "../../providers/routeros/http";
import { providers } from "../../providers/routeros/runtime";
import { clearReadCache, registry } from "../../providers/routeros/registry";
import type { SingletonOutputs } from "../../providers/routeros/settingsProvider";
import type { MenuOutputs } from "../../providers/routeros/types";
import type { FakeRouter } from "../../scripts/support/routeros-fake/server";
import { printed, routerOf, startFake } from "./helpers";

let fake: FakeRouter;
beforeAll(async () => {
  fake = await startFake();
});
afterAll(() => fake.stop());
beforeEach(() => {
  fake.faults.length = 0;
  clearReadCache();
});

const MENU = "snmp/community";
const AUTH = "auth-secret-1f3b9c";
const PRIV = "priv-secret-8e2d4a";
const communities = () => printed(fake, MENU);
const byName = (name: string) => communities().find((r) => r["name"] === name);
const v3 = (name: string) => ({
  router: routerOf(fake),
  name,
  addresses: ["10.20.0.0/24"],
  security: "private",
  authenticationProtocol: "SHA1",
  authenticationPassword: AUTH,
  encryptionProtocol: "AES",
  encryptionPassword: PRIV,
  readAccess: true,
  writeAccess: false,
});

describe("the fake router's factory SNMP state", () => {
  test("SNMP is off and the default community is public, open to every address", () => {
    expect(fake.state.settings.get("snmp")).toMatchObject({
      enabled: "false",
      contact: "",
      location: "",
      "trap-community": "public",
      "trap-version": "1",
    });
    expect(communities()).toEqual([
      expect.objectContaining({
        name: "public",
        addresses: "::/0",
        security: "none",
        "read-access": "true",
        "write-access": "false",
        "authentication-protocol": "MD5",
        "encryption-protocol": "DES",
        "authentication-password": "",
        default: "true",
        disabled: "false",
      }),
    ]);
  });

  test("the default community cannot be removed, nor its read-only flag written", async () => {
    const id = byName("public")?.[".id"] ?? "";
    const creds = registry().credentials;
    if (!creds) throw new Error("not configured");
    await expect(
      rosRequest(routerOf(fake), creds, "DELETE", restPath(MENU, id), undefined, {
        idempotent: true,
      }),
    ).rejects.toMatchObject({ status: 400, detail: "failure: can not remove default community" });
    await expect(
      rosRequest(
        routerOf(fake),
        creds,
        "PATCH",
        restPath(MENU, id),
        { default: "no" },
        {
          idempotent: true,
        },
      ),
    ).rejects.toMatchObject({ status: 400, detail: "unknown parameter default" });
    expect(byName("public")).toBeDefined();
  });
});

describe("SnmpSettings", () => {
  const p = providers.SnmpSettings;

  test("set, read without diff, drift, then delete restores what was there before", async () => {
    fake.state.setSettings("snmp", { contact: "someone else" });
    const before = { ...fake.state.settings.get("snmp") };
    const inputs = { router: routerOf(fake), enabled: true, location: "sp1 rack 4" };
    const created = await p.create(inputs);
    const outs = created.outs as SingletonOutputs;
    expect(created.id).toBe("snmp");
    expect(outs.original).toEqual({ enabled: "false", location: "" });
    expect(fake.state.settings.get("snmp")).toMatchObject({
      enabled: "true",
      location: "sp1 rack 4",
      contact: "someone else",
    });

    const read = await p.read(created.id, outs);
    expect(read.inputs).toEqual(inputs);
    expect((await p.diff(created.id, read.props as SingletonOutputs, inputs)).changes).toBe(false);

    // A field declared later joins the remembered values with what the router had then.
    const more = { ...inputs, contact: "noc@example.com", trapVersion: 2 };
    const updated = (await p.update(created.id, outs, more)).outs as SingletonOutputs;
    expect(updated.original).toEqual({
      enabled: "false",
      location: "",
      contact: "someone else",
      "trap-version": "1",
    });

    fake.state.setSettings("snmp", { enabled: "no" });
    clearReadCache();
    const drifted = await p.read(created.id, updated);
    expect(drifted.props).toMatchObject({ enabled: false });
    expect((await p.diff(created.id, drifted.props as SingletonOutputs, more)).changes).toBe(true);

    fake.resetCounts();
    await p.delete(created.id, updated);
    // One write to the menu; the rest is the ownership ledger (read, then its line dropped).
    expect(fake.requests("POST", "/rest/snmp/set")).toBe(1);
    expect(fake.requests("POST")).toBe(1);
    expect(printed(fake, "system/script")).toEqual([]);
    expect(fake.state.settings.get("snmp")).toEqual(before);
    fake.state.setSettings("snmp", { contact: "" });
  });

  test("traps can only name an existing community", async () => {
    await expect(
      p.create({ router: routerOf(fake), trapCommunity: "no-such-community" }),
    ).rejects.toThrow(/input does not match any value of trap-community/);
    expect(fake.state.settings.get("snmp")?.["trap-community"]).toBe("public");
  });

  test("check rejects a trap version RouterOS does not have", async () => {
    const { failures } = await p.check({} as never, { router: routerOf(fake), trapVersion: 4 });
    expect(failures).toEqual([
      { property: "trapVersion", reason: "trapVersion must be in 1..3, got 4" },
    ]);
  });
});

describe("SnmpCommunity", () => {
  const p = providers.SnmpCommunity;

  test("an SNMPv3 user: created by name, read back without diff, passwords kept", async () => {
    const inputs = v3("mon-a");
    const { failures } = await p.check({} as never, inputs);
    expect(failures).toEqual([]);
    const created = await p.create(inputs);
    expect(byName("mon-a")).toMatchObject({
      ".id": created.id,
      addresses: "10.20.0.0/24",
      security: "private",
      "authentication-protocol": "SHA1",
      "encryption-protocol": "AES",
      "authentication-password": AUTH,
      "encryption-password": PRIV,
      default: "false",
    });
    clearReadCache();
    const read = await p.read(created.id, created.outs as MenuOutputs);
    expect(read.inputs).toEqual(inputs);
    expect((await p.diff(created.id, read.props as MenuOutputs, inputs)).changes).toBe(false);
    await p.delete(created.id, read.props as MenuOutputs);
    expect(byName("mon-a")).toBeUndefined();
  });

  test("a bare address in addresses is the same as its /32 the router prints", async () => {
    const inputs = { ...v3("mon-b"), addresses: ["10.30.0.7", "10.20.0.0/24"] };
    const created = await p.create(inputs);
    expect(byName("mon-b")?.["addresses"]).toBe("10.30.0.7/32,10.20.0.0/24");
    clearReadCache();
    const read = await p.read(created.id, created.outs as MenuOutputs);
    expect(read.inputs).toEqual(inputs);
    const reordered = { ...inputs, addresses: ["10.20.0.0/24", "10.30.0.7/32"] };
    expect((await p.diff(created.id, read.props as MenuOutputs, reordered)).changes).toBe(false);
    await p.delete(created.id, created.outs as MenuOutputs);
  });

  test("a new name replaces the community, deleting the old one first (names are unique)", async () => {
    const olds = { ...v3("mon-c"), routerosId: "*99" };
    const d = await p.diff("*99", olds, v3("mon-d"));
    expect(d).toEqual({ changes: true, replaces: ["name"], deleteBeforeReplace: true });
    const rotated = await p.diff("*99", olds, {
      ...v3("mon-c"),
      authenticationPassword: "other-pw-1",
    });
    expect(rotated).toEqual({ changes: true, replaces: [], deleteBeforeReplace: true });
  });

  test("deleted out of band: refresh drops it, an update says to refresh, delete is quiet", async () => {
    const created = await p.create(v3("mon-e"));
    const outs = created.outs as MenuOutputs;
    fake.state.remove(MENU, created.id);
    clearReadCache();
    expect(await p.read(created.id, outs)).toEqual({});
    const update = p.update(created.id, outs, { ...v3("mon-e"), comment: "x" });
    await expect(update).rejects.toThrow(/no longer exists.*pulumi refresh/);
    await expect(update).rejects.not.toThrow(AUTH);
    await p.delete(created.id, outs);
  });

  test("adopts a community made outside Pulumi by name, repairing its settings", async () => {
    fake.state.create(MENU, { name: "mon-f", addresses: "0.0.0.0/0", "write-access": "yes" });
    const id = byName("mon-f")?.[".id"];
    clearReadCache();
    fake.resetCounts();
    const adopted = await p.create(v3("mon-f"));
    expect(adopted.id).toBe(id);
    expect(fake.requests("PUT")).toBe(0);
    expect((adopted.outs as MenuOutputs).original).toBeUndefined();
    expect(byName("mon-f")).toMatchObject({ addresses: "10.20.0.0/24", "write-access": "false" });
    await p.delete(adopted.id, adopted.outs as MenuOutputs);
    expect(byName("mon-f")).toBeUndefined();
  });

  test("the built-in public community: adopted and closed, then handed back as found", async () => {
    const found = byName("public");
    const inputs = {
      router: routerOf(fake),
      name: "public",
      disabled: true,
      addresses: ["127.0.0.1/32"],
      comment: "closed",
    };
    fake.resetCounts();
    const created = await p.create(inputs);
    expect(created.id).toBe(found?.[".id"]);
    expect(fake.requests("PUT")).toBe(0);
    const outs = created.outs as MenuOutputs;
    expect(outs.original).toEqual({
      name: "public",
      addresses: "::/0",
      comment: "",
      disabled: "false",
    });
    expect(byName("public")).toMatchObject({
      disabled: "true",
      addresses: "127.0.0.1/32",
      comment: "closed",
      default: "true",
    });

    clearReadCache();
    const read = await p.read(created.id, outs);
    expect(read.inputs).toEqual(inputs);
    expect(read.props).toMatchObject({ original: outs.original });
    expect((await p.diff(created.id, read.props as MenuOutputs, inputs)).changes).toBe(false);

    // Declaring another field remembers its router value; dropping one puts its value back.
    const next = { router: routerOf(fake), name: "public", disabled: true, readAccess: false };
    const updated = (await p.update(created.id, read.props as MenuOutputs, next))
      .outs as MenuOutputs;
    expect(updated.original).toEqual({ name: "public", disabled: "false", "read-access": "true" });
    expect(byName("public")).toMatchObject({
      addresses: "::/0",
      disabled: "true",
      "read-access": "false",
    });
    expect(byName("public")?.["comment"]).toBeUndefined();

    fake.resetCounts();
    await p.delete(created.id, updated);
    // The row is handed back, not removed (the ownership ledger is written besides).
    expect(fake.requests("DELETE", "/rest/snmp/community")).toBe(0);
    expect(fake.requests("PATCH", "/rest/snmp/community")).toBe(1);
    expect(byName("public")).toEqual(found);
  });

  test("check: protocols, security and addresses are validated offline", async () => {
    const { failures } = await p.check({} as never, {
      router: routerOf(fake),
      name: "x",
      security: "secret",
      authenticationProtocol: "SHA256",
      encryptionProtocol: "3DES",
      addresses: ["10.0.0.0/33", "example.com"],
    });
    expect(failures?.map((f) => f.property).sort()).toEqual([
      "addresses",
      "authenticationProtocol",
      "encryptionProtocol",
      "security",
    ]);
    const { failures: missing } = await p.check({} as never, { router: routerOf(fake) });
    expect(missing).toEqual([{ property: "name", reason: "name is required" }]);
  });
});

describe("SNMP secrets never reach logs or errors", () => {
  const p = providers.SnmpCommunity;
  const logged: string[] = [];
  const spies: jest.SpyInstance[] = [];
  beforeEach(() => {
    logged.length = 0;
    for (const method of ["log", "info", "warn", "error", "debug"] as const) {
      spies.push(
        jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
          logged.push(args.map(String).join(" "));
        }),
      );
    }
  });
  afterEach(() => {
    for (const spy of spies.splice(0)) spy.mockRestore();
  });

  test("check failures about a password never quote it", async () => {
    const short = "pw-7chr";
    const { failures } = await p.check({} as never, {
      ...v3("mon-g"),
      authenticationPassword: short,
      encryptionPassword: { value: PRIV } as unknown as string,
    });
    expect(failures?.map((f) => f.property).sort()).toEqual([
      "authenticationPassword",
      "encryptionPassword",
    ]);
    expect(failures).toContainEqual({
      property: "authenticationPassword",
      reason: "authenticationPassword must be at least 8 characters long",
    });
    const text = JSON.stringify(failures);
    expect(text).not.toContain(short);
    expect(text).not.toContain(PRIV);
  });

  test("a whole lifecycle with router errors along the way logs nothing secret", async () => {
    fake.faults.push(
      { kind: "status", status: 400, method: "PUT", path: MENU, times: 1, detail: "failure: x" },
      { kind: "status", status: 503, method: "PATCH", path: MENU, times: 5 },
    );
    const errors: string[] = [];
    const capture = (e: unknown) => {
      errors.push(e instanceof Error ? `${e.message} ${String(e.cause ?? "")}` : String(e));
    };
    await p.create(v3("mon-h")).catch(capture);
    const created = await p.create(v3("mon-h"));
    const outs = created.outs as MenuOutputs;
    const rotated = { ...v3("mon-h"), authenticationPassword: "auth-rotated-77" };
    await p.update(created.id, outs, rotated).catch(capture);
    const updated = await p.update(created.id, outs, rotated);
    await p.read(created.id, updated.outs as MenuOutputs);
    await p.delete(created.id, updated.outs as MenuOutputs);
    expect(errors).toHaveLength(2);
    for (const text of [...errors, ...logged]) {
      expect(text).not.toContain(AUTH);
      expect(text).not.toContain(PRIV);
      expect(text).not.toContain("auth-rotated-77");
    }
  });
});
