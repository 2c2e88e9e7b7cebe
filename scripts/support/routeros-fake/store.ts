/** State and write semantics of the fake router: validation, defaults, normalisation, order. */
import { ETHERNETS, MENUS, type FakeField, type FakeMenu } from "./schema";
import { durationToMs, formatDuration, networkOf, toBool, withPrefix } from "./values";

export interface FakeRow {
  id: string;
  values: Record<string, string>;
  /** Fields written at least once (decides presence of `onlyIfWritten` fields). */
  written: Set<string>;
  /** When a timed entry disappears (ms since epoch; see `FakeField.countdown`). */
  expiresAt?: number;
}

/** A RouterOS-style failure: becomes `{"error":status,"message":…,"detail":…}`. */
export class RosFailure extends Error {
  readonly status: number;
  readonly detail: string | undefined;
  constructor(status: number, detail?: string) {
    super(detail ?? String(status));
    this.status = status;
    this.detail = detail;
  }
}

const bad = (detail: string) => new RosFailure(400, detail);

export class RouterState {
  readonly menus = new Map<string, FakeMenu>(MENUS.map((m) => [m.path, m]));
  readonly rows = new Map<string, FakeRow[]>();
  readonly settings = new Map<string, Record<string, string>>();
  private nextId = 1;
  private nextRouteId = 0x80000001;

  constructor() {
    for (const m of MENUS) {
      if (m.singleton) this.settings.set(m.path, defaults(m));
      else this.rows.set(m.path, []);
    }
    for (const name of ["all", "none", "dynamic", "static"]) {
      this.list("interface/list").push({
        id: this.newId("interface/list"),
        values: { name, include: "", exclude: "", builtin: "true", dynamic: "false" },
        written: new Set(),
      });
    }
    for (const m of MENUS) {
      for (const values of m.factoryRows ?? []) {
        this.list(m.path).push({
          id: this.newId(m.path),
          values: { ...defaults(m), ...values },
          written: new Set(),
        });
      }
    }
  }

  list(menu: string): FakeRow[] {
    const rows = this.rows.get(menu);
    if (!rows) throw bad(`no such command or directory (${menu})`);
    // Timed entries are gone once their time is up.
    const now = Date.now();
    for (let i = rows.length - 1; i >= 0; i--) {
      const at = rows[i]?.expiresAt;
      if (at !== undefined && at <= now) rows.splice(i, 1);
    }
    return rows;
  }

  private newId(menu: string): string {
    // Non-connected routes share their own *8000xxxx counter (routeros-rest §9).
    const n = menu === "ip/route" ? this.nextRouteId++ : this.nextId++;
    return `*${n.toString(16).toUpperCase()}`;
  }

  interfaceNames(): string[] {
    const names = [...ETHERNETS];
    for (const m of MENUS) {
      if (m.isInterface) names.push(...this.list(m.path).map((r) => r.values["name"] ?? ""));
    }
    return names;
  }

  find(menu: string, idOrName: string): FakeRow | undefined {
    const m = this.menus.get(menu);
    return this.list(menu).find(
      (r) => r.id === idOrName || (m?.isInterface === true && r.values["name"] === idOrName),
    );
  }

  private normalise(m: FakeMenu, key: string, raw: unknown): string {
    const f: FakeField | undefined = m.fields[key];
    if (!f || f.ro) throw bad(`unknown parameter ${key}`);
    if (typeof raw !== "string" && typeof raw !== "number" && typeof raw !== "boolean") {
      throw bad(`invalid value for ${key}`);
    }
    const v = String(raw);
    const noMatch = () => bad(`input does not match any value of ${key}`);
    switch (f.t) {
      case "bool":
        return (
          toBool(v) ??
          (() => {
            throw noMatch();
          })()
        );
      case "int": {
        const n = typeof raw === "number" ? raw : /^\d+$/.test(v) ? Number(v) : Number.NaN;
        if (!Number.isInteger(n)) throw noMatch();
        if ((f.min !== undefined && n < f.min) || (f.max !== undefined && n > f.max)) {
          throw bad(`value of ${key} out of range (${f.min ?? 0}..${f.max ?? 4294967295})`);
        }
        return String(n);
      }
      case "dur": {
        const ms = durationToMs(v);
        if (ms === undefined) throw bad(`invalid time value for argument ${key}`);
        return formatDuration(ms);
      }
      case "addr":
        return withPrefix(v);
      case "fwaddr":
        return v
          .replace(/^(!?\d+\.\d+\.\d+\.\d+)\/32$/, "$1")
          .replace(/^(!?[0-9a-fA-F:]*:[0-9a-fA-F:.]*)\/128$/, "$1");
      case "kib": {
        const m = /^(\d+)(KiB)?$/.exec(v);
        if (!m) throw bad(`invalid value for ${key}`);
        return `${Number(m[1])}KiB`;
      }
      case "enum":
        if (!f.values?.includes(v)) throw noMatch();
        return v;
      case "iface":
        if (!this.interfaceNames().includes(v)) throw noMatch();
        return v;
      case "list":
        return v
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
          .join(",");
      case "addrs":
        return v
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
          .map(withPrefix)
          .join(",");
      case "str":
        return v;
    }
  }

  /** Applies a write body to `values`; `!field` unsets (routeros-rest §6). */
  private apply(m: FakeMenu, row: FakeRow, body: Record<string, unknown>, create: boolean): void {
    for (const [key, raw] of Object.entries(body)) {
      if (key === ".id" || key === "numbers") continue;
      if (key === "place-before" && create && m.ordered) continue;
      if (key.startsWith("!")) {
        const field = key.slice(1);
        if (!m.fields[field] || m.fields[field]?.ro) throw bad(`unknown parameter ${field}`);
        const def = m.fields[field]?.def;
        if (def === undefined) {
          row.values = Object.fromEntries(Object.entries(row.values).filter(([k]) => k !== field));
        } else row.values[field] = def;
        row.written.delete(field);
        continue;
      }
      if (key === "protocol" && raw === "") throw bad("input does not match any value of protocol");
      row.values[key] = this.normalise(m, key, raw);
      row.written.add(key);
      const ms = m.fields[key]?.countdown ? durationToMs(row.values[key]) : undefined;
      if (ms !== undefined) {
        row.expiresAt = Date.now() + ms;
        row.values["dynamic"] = "true";
      }
    }
    if (m.path === "interface/list/member") {
      const lists = this.list("interface/list").map((r) => r.values["name"]);
      if (!lists.includes(row.values["list"])) throw bad("input does not match any value of list");
    }
  }

  private derive(m: FakeMenu, row: FakeRow): void {
    const v = row.values;
    if (m.path === "ip/address" && v["address"]) {
      if (!row.written.has("network")) v["network"] = networkOf(v["address"]);
      v["actual-interface"] = v["interface"] ?? "";
    }
    if (m.isInterface) {
      v["running"] = "true";
      v["l2mtu"] = "1596";
      const vrid = Number(v["vrid"] ?? 0)
        .toString(16)
        .toUpperCase()
        .padStart(2, "0");
      v["mac-address"] =
        m.path === "interface/vrrp" ? `00:00:5E:00:01:${vrid}` : "4C:5E:0C:11:22:33";
    }
    if (m.path === "interface/vrrp") {
      v["invalid"] = "false";
      v["backup"] = "true";
    }
    if (m.path === "ip/route") {
      v["active"] = "true";
      v["inactive"] = "false";
      v["immediate-gw"] = `${v["gateway"] ?? ""}%ether1`;
    }
  }

  create(menu: string, body: Record<string, unknown>): FakeRow {
    const m = this.menus.get(menu);
    if (!m || m.singleton) throw bad(`no such command or directory (${menu})`);
    const rows = this.list(menu);
    if ("place-before" in body && !m.ordered) throw bad("unknown parameter place-before");
    const row: FakeRow = { id: "", values: defaults(m), written: new Set() };
    this.apply(m, row, body, true);
    for (const [k, f] of Object.entries(m.fields)) {
      if (f.required && row.values[k] === undefined)
        throw bad(`missing value(s) of argument(s) ${k}`);
    }
    if (m.isInterface) {
      row.values["name"] ??= `${m.autoName ?? "if"}${rows.length + 1}`;
      if (this.interfaceNames().includes(row.values["name"])) {
        throw bad("failure: already have interface with such name");
      }
    }
    if (menu === "ip/dns/static" && !row.values["name"] === !row.values["regexp"]) {
      throw bad("missing value(s) of argument(s) name");
    }
    const dup = m.duplicate?.(
      row.values,
      rows.map((r) => r.values),
    );
    if (dup) throw bad(dup);
    this.derive(m, row);
    row.id = this.newId(menu);
    const before = body["place-before"];
    const at = typeof before === "string" ? rows.findIndex((r) => r.id === before) : -1;
    if (typeof before === "string" && at < 0) throw bad("no such item");
    if (at >= 0) rows.splice(at, 0, row);
    else rows.push(row);
    return row;
  }

  update(menu: string, row: FakeRow, body: Record<string, unknown>): FakeRow {
    const m = this.menus.get(menu);
    if (!m) throw bad(`no such command or directory (${menu})`);
    if ("place-before" in body) throw bad("unknown parameter place-before");
    const next: FakeRow = { ...row, values: { ...row.values }, written: new Set(row.written) };
    this.apply(m, next, body, false);
    if (m.isInterface && next.values["name"] !== row.values["name"]) {
      if (this.interfaceNames().includes(next.values["name"] ?? "")) {
        throw bad("failure: already have interface with such name");
      }
    }
    const others = this.list(menu)
      .filter((r) => r.id !== row.id)
      .map((r) => r.values);
    const dup = m.duplicate?.(next.values, others);
    if (dup) throw bad(dup);
    this.derive(m, next);
    row.values = next.values;
    row.written = next.written;
    row.expiresAt = next.expiresAt;
    return row;
  }

  remove(menu: string, id: string): void {
    const rows = this.list(menu);
    const i = rows.findIndex((r) => r.id === id);
    if (i < 0) throw new RosFailure(404);
    const refusal = this.menus.get(menu)?.factoryRemove;
    if (refusal && rows[i]?.values["default"] === "true") throw bad(refusal);
    rows.splice(i, 1);
  }

  /** Console `move`: `numbers` (in order) go just before `destination`, or to the end. */
  move(menu: string, numbers: string[], destination?: string): void {
    const rows = this.list(menu);
    const moving = numbers.map((id) => rows.find((r) => r.id === id) ?? failNoItem());
    const rest = rows.filter((r) => !moving.includes(r));
    const at =
      destination === undefined ? rest.length : rest.findIndex((r) => r.id === destination);
    if (at < 0) failNoItem();
    rows.splice(0, rows.length, ...rest.slice(0, at), ...moving, ...rest.slice(at));
  }

  setSettings(menu: string, body: Record<string, unknown>): void {
    const m = this.menus.get(menu);
    const current = this.settings.get(menu);
    if (!m || !current) throw bad("no such command");
    const row: FakeRow = { id: "", values: { ...current }, written: new Set() };
    this.apply(m, row, body, false);
    // Traps go out with a community of `/snmp/community` (terraform-provider-routeros docs).
    const trapCommunity = row.values["trap-community"];
    if (menu === "snmp" && trapCommunity !== current["trap-community"]) {
      const names = this.list("snmp/community").map((r) => r.values["name"]);
      if (!names.includes(trapCommunity))
        throw bad("input does not match any value of trap-community");
    }
    this.settings.set(menu, row.values);
  }

  /** The row as RouterOS prints it: strings only, empty comment and unset fields omitted. */
  render(menu: string, row: FakeRow): Record<string, string> {
    const m = this.menus.get(menu);
    const out: Record<string, string> = { ".id": row.id };
    const disabled = row.values["disabled"] === "true";
    for (const [k, v] of Object.entries(row.values)) {
      const f = m?.fields[k];
      if (k === "comment" && v === "") continue;
      if (f?.countdown && row.expiresAt !== undefined) {
        // The time left, in whole seconds as the console prints it.
        const left = Math.max(0, Math.floor((row.expiresAt - Date.now()) / 1000) * 1000);
        out[k] = formatDuration(left);
        continue;
      }
      if (f?.onlyIfWritten && !row.written.has(k)) continue;
      if (menu === "tool/netwatch" && k === "disabled" && v === "false") continue;
      if (["backup", "master"].includes(k) && (v !== "true" || disabled)) continue;
      if (menu === "interface/vrrp" && k === "invalid" && disabled) continue;
      // A disabled static route loses these (routeros-rest §10).
      const routeDropped = [
        "distance",
        "routing-table",
        "scope",
        "target-scope",
        "dynamic",
        "active",
        "immediate-gw",
      ];
      if (menu === "ip/route" && disabled && routeDropped.includes(k)) continue;
      out[k] = v;
    }
    return out;
  }
}

function failNoItem(): never {
  throw bad("no such item");
}

function defaults(m: FakeMenu): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, f] of Object.entries(m.fields)) if (f.def !== undefined) out[k] = f.def;
  return out;
}
