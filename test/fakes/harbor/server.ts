/**
 * In-process Harbor v2.0 REST fake: an HTTP(S) server on 127.0.0.1 answering `/api/v2.0` as
 * Harbor's swagger and handlers do — 201 with a `Location` header and an empty body on create
 * (robots: with the secret), 409 on duplicates, 404, 412, 400 with `{"errors":[{code,message}]}`,
 * every 5xx masked to `UNKNOWN: internal server error`, paginated lists with `X-Total-Count`.
 *
 * It sets a `sid` session cookie on every reply, as Harbor does, and enforces the CSRF rule:
 * a write that carries the cookie without `X-Harbor-CSRF-Token` is refused with 403, so a client
 * that kept cookies fails here as it would against Harbor.
 *
 * Faults can be injected (5xx, connection reset before or after applying, latency) and every
 * request is counted.
 */
import { randomUUID } from "node:crypto";
import type * as http from "node:http";
import { FakeHttpServer, type FaultMatch } from "../../../scripts/support/fakeHttpServer";
import { routeRequest, type Reply } from "./routes";
import { HarborFailure, HarborState } from "./state";

export type FaultKind = "status" | "reset" | "apply-then-reset" | "slow";

export interface Fault extends FaultMatch {
  kind: FaultKind;
  /** For `status`: the HTTP status (default 503). */
  status?: number;
  /** For `slow`: added delay in ms. */
  delayMs?: number;
}

export interface FakeHarborOptions {
  username?: string;
  password?: string;
  latencyMs?: number;
  tls?: { cert: string; key: string };
}

const API = "/api/v2.0";

export class FakeHarbor extends FakeHttpServer<Fault> {
  readonly state = new HarborState();
  /** Requests that arrived carrying a Cookie header. */
  cookieRequests = 0;
  latencyMs: number;
  private readonly username: string;
  private readonly password: string;

  constructor(options: FakeHarborOptions = {}) {
    super({ tls: options.tls, serial: false, countedBase: API });
    this.username = options.username ?? "admin";
    this.password = options.password ?? "Harbor12345";
    this.latencyMs = options.latencyMs ?? 0;
  }

  private authorized(req: http.IncomingMessage): boolean {
    const auth = req.headers.authorization ?? "";
    if (!auth.startsWith("Basic ")) return false;
    const [user, ...rest] = Buffer.from(auth.slice(6), "base64").toString("utf8").split(":");
    const password = rest.join(":");
    if (user === this.username && password === this.password) return true;
    // Robot accounts log in with their full name and secret.
    return [...this.state.robots.values()].some(
      (r) => r.name === user && r.secret === password && !r.disable,
    );
  }

  protected async handle(req: http.IncomingMessage, res: http.ServerResponse, raw: string) {
    const url = new URL(req.url ?? "/", "http://fake");
    const method = req.method ?? "GET";
    this.count(method, url.pathname);
    if (req.headers.cookie) this.cookieRequests++;
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "set-cookie": `sid=${randomUUID().replace(/-/g, "")}; Path=/; HttpOnly`,
      "x-request-id": String(req.headers["x-request-id"] ?? randomUUID()),
    };
    const send = (reply: Reply) => {
      const text =
        reply.body === undefined
          ? ""
          : typeof reply.body === "string"
            ? reply.body
            : JSON.stringify(reply.body);
      res.writeHead(reply.status, { ...headers, ...(reply.headers ?? {}) });
      res.end(text);
    };
    const error = (status: number, code: string, message: string) =>
      send({ status, body: { errors: [{ code, message }] } });

    const fault = this.takeFault(method, url.pathname);
    if (fault?.kind === "reset") return void req.socket.destroy();
    if (fault?.kind === "slow") await new Promise((r) => setTimeout(r, fault.delayMs ?? 1000));
    if (fault?.kind === "status") {
      const status = fault.status ?? 503;
      return status >= 500
        ? error(status, "UNKNOWN", "internal server error")
        : error(status, "TOO_MANY_REQUEST", "too many requests");
    }
    if (!url.pathname.startsWith(`${API}/`)) return error(404, "NOT_FOUND", "not found");
    const path = url.pathname.slice(API.length);
    if (path === "/ping" && method === "GET") {
      return send({ status: 200, body: "Pong", headers: { "content-type": "text/plain" } });
    }
    if (!this.authorized(req)) return error(401, "UNAUTHORIZED", "unauthorized");
    // gorilla/csrf is skipped for /api/ only when the request has no session cookie.
    const session = /(^|;\s*)sid=/.test(req.headers.cookie ?? "");
    if (session && method !== "GET" && !req.headers["x-harbor-csrf-token"]) {
      return error(403, "FORBIDDEN", "CSRF token invalid");
    }
    let body: Record<string, unknown> = {};
    if (raw.trim() !== "") {
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        return error(400, "BAD_REQUEST", 'parsing body body from "" failed');
      }
    }
    try {
      const reply = routeRequest(this.state, {
        method,
        path,
        query: url.searchParams,
        body,
        isResourceName: req.headers["x-is-resource-name"] === "true",
      });
      if (fault?.kind === "apply-then-reset") return void req.socket.destroy();
      send(reply);
    } catch (e) {
      if (e instanceof HarborFailure) return error(e.status, e.code, e.message);
      return error(500, "UNKNOWN", "internal server error");
    }
  }
}
