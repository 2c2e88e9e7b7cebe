/**
 * In-process RouterOS v7 REST fake: an HTTP server on 127.0.0.1 speaking routeros-rest.md.
 * Requests are handled one at a time, like the router's www server. Faults can be injected
 * (latency, 5xx, connection reset, apply-then-reset) and every request is counted.
 */
import type * as http from "node:http";
import { FakeHttpServer, type FaultMatch } from "../fakeHttpServer";
import { matches } from "./query";
import { RosFailure, RouterState } from "./store";

export type FaultKind = "status" | "reset" | "apply-then-reset" | "body";

export interface Fault extends FaultMatch {
  kind: FaultKind;
  /** For `status`: the HTTP status (default 503) and optional detail. */
  status?: number;
  detail?: string;
  /** For `body`: this raw text is answered with HTTP 200 instead of the real reply. */
  body?: string;
}

export interface FakeOptions {
  username?: string;
  password?: string;
  /** Added to every request while it holds the (serial) server. */
  latencyMs?: number;
  /** Serve HTTPS (www-ssl) with this certificate and key instead of plain HTTP (www). */
  tls?: { cert: string; key: string };
}

const REASONS: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  404: "Not Found",
  406: "Not Acceptable",
  500: "Internal Server Error",
  501: "Not Implemented",
  503: "Service Unavailable",
};
const COMMANDS = ["print", "add", "set", "remove", "unset", "move", "enable", "disable"];

export class FakeRouter extends FakeHttpServer<Fault> {
  readonly state = new RouterState();
  latencyMs: number;
  private readonly username: string;
  private readonly password: string;

  constructor(options: FakeOptions = {}) {
    // Like the router's www server: one request at a time.
    super({ tls: options.tls, serial: true });
    this.username = options.username ?? "admin";
    this.password = options.password ?? "";
    this.latencyMs = options.latencyMs ?? 0;
  }

  protected async handle(req: http.IncomingMessage, res: http.ServerResponse, raw: string) {
    const url = new URL(req.url ?? "/", "http://fake");
    const method = req.method ?? "GET";
    this.count(method, url.pathname);
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    const send = (status: number, payload?: unknown) => {
      const text = payload === undefined ? "" : JSON.stringify(payload);
      res.writeHead(status, { "content-type": "application/json" });
      res.end(text);
    };
    const fail = (status: number, detail?: string) =>
      send(status, {
        error: status,
        message: REASONS[status] ?? "Error",
        ...(detail ? { detail } : {}),
      });
    const fault = this.takeFault(method, url.pathname);
    if (fault?.kind === "reset") return void req.socket.destroy();
    if (fault?.kind === "status") return fail(fault.status ?? 503, fault.detail);
    if (fault?.kind === "body") {
      res.writeHead(200, { "content-type": "application/json" });
      return void res.end(fault.body ?? "");
    }
    const auth = req.headers.authorization ?? "";
    const expected = `Basic ${Buffer.from(`${this.username}:${this.password}`).toString("base64")}`;
    if (auth !== expected) return fail(401);
    try {
      const reply = this.route(method, url, raw);
      if (fault?.kind === "apply-then-reset") return void req.socket.destroy();
      if (reply === undefined) {
        res.writeHead(204);
        res.end();
      } else send(200, reply);
    } catch (e) {
      if (e instanceof RosFailure) return fail(e.status, e.detail);
      return fail(500, String(e));
    }
  }

  private resolve(segments: string[]): { menu: string; rest: string[] } {
    for (let n = segments.length; n > 0; n--) {
      const menu = segments.slice(0, n).join("/");
      if (this.state.menus.has(menu) || menu === "interface")
        return { menu, rest: segments.slice(n) };
    }
    throw new RosFailure(400, `no such command or directory (${segments[0] ?? ""})`);
  }

  /** Dispatches one request; returns the JSON reply, or undefined for an empty body. */
  route(method: string, url: URL, raw: string): unknown {
    if (!url.pathname.startsWith("/rest/")) throw new RosFailure(404);
    if (method === "HEAD") throw new RosFailure(501);
    const segments = url.pathname.slice(6).split("/").filter(Boolean).map(decodeURIComponent);
    const { menu, rest } = this.resolve(segments);
    let body: Record<string, unknown> = {};
    if (raw.trim() !== "") {
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        throw new RosFailure(400, "JSON parse error");
      }
    }
    if (menu === "interface") return this.interfaces(method);
    const m = this.state.menus.get(menu);
    const item = rest[0];
    if (m?.singleton) {
      if (method === "GET" && !item) return { ...this.state.settings.get(menu) };
      if (method === "POST" && item === "set") {
        this.state.setSettings(menu, body);
        return [];
      }
      throw new RosFailure(400, "no such command");
    }
    if (item && COMMANDS.includes(item)) {
      if (method !== "POST") throw new RosFailure(400, "no such command");
      return this.command(menu, item, body);
    }
    const render = (r: Parameters<RouterState["render"]>[1]) => this.state.render(menu, r);
    if (method === "GET" && !item) return this.print(menu, [...url.searchParams]);
    if (method === "PUT" && !item) return render(this.state.create(menu, body));
    const row = item ? this.state.find(menu, item) : undefined;
    if (!row) throw new RosFailure(item ? 404 : 400, item ? undefined : "no such command");
    if (method === "GET") return render(row);
    if (method === "PATCH") return render(this.state.update(menu, row, body));
    if (method === "DELETE") return void this.state.remove(menu, row.id);
    throw new RosFailure(400, "no such command");
  }

  private interfaces(method: string): unknown {
    if (method !== "GET") throw new RosFailure(400, "no such command");
    return this.state
      .interfaceNames()
      .map((name, i) => ({ ".id": `*${(i + 1).toString(16)}`, name }));
  }

  private print(menu: string, params: [string, string][], query: string[] = []): unknown {
    const proplist = params.find(([k]) => k === ".proplist")?.[1];
    const filters = params.filter(([k]) => k !== ".proplist");
    const rows = this.state
      .list(menu)
      .map((r) => this.state.render(menu, r))
      .filter((r) => filters.every(([k, v]) => r[k] === v) && matches(r, query));
    if (!proplist) return rows;
    const keep = new Set([".id", ...proplist.split(",")]);
    return rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => keep.has(k))));
  }

  private command(menu: string, command: string, body: Record<string, unknown>): unknown {
    const targets = () =>
      String(body["numbers"] ?? body[".id"] ?? "")
        .split(",")
        .filter(Boolean)
        .map((x) => this.state.find(menu, x) ?? noSuchItem());
    switch (command) {
      case "print": {
        const props = body[".proplist"];
        const proplist = Array.isArray(props) ? props.join(",") : (props as string | undefined);
        const query = Array.isArray(body[".query"]) ? (body[".query"] as string[]) : [];
        return this.print(menu, proplist ? [[".proplist", proplist]] : [], query);
      }
      case "add":
        return { ret: this.state.create(menu, body).id };
      case "set":
      case "enable":
      case "disable": {
        const extra = command === "set" ? body : { disabled: command === "disable" ? "yes" : "no" };
        for (const row of targets()) this.state.update(menu, row, extra);
        return [];
      }
      case "unset":
        for (const row of targets()) {
          this.state.update(menu, row, { [`!${String(body["value-name"])}`]: "" });
        }
        return [];
      case "remove":
        for (const row of targets()) this.state.remove(menu, row.id);
        return [];
      case "move": {
        const dest = body["destination"];
        this.state.move(
          menu,
          targets().map((r) => r.id),
          typeof dest === "string" ? dest : undefined,
        );
        return [];
      }
    }
    throw new RosFailure(400, "no such command");
  }
}

function noSuchItem(): never {
  throw new RosFailure(400, "no such item");
}
