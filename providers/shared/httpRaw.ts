/**
 * The HTTP exchange both REST providers (RouterOS, Harbor) are built on: one request on Node's
 * own http/https with a keep-alive agent per endpoint and trust setting, a timeout that destroys
 * the request, and optionally a cap on how much of a reply is buffered. Retries, credentials and
 * what a status means stay with each provider's client.
 *
 * Node modules are `require`d inside the functions: this code runs in the runtime bundles, and
 * nothing here should be evaluated before a request is made.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, see above. */

/** Error codes of a connection that broke before a reply (the request may have been applied). */
export const CONNECTION_CODES = [
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "ECONNABORTED",
  "EHOSTUNREACH",
] as const;

/** Where a request goes and whom to trust there. */
export interface Endpoint {
  url: string;
  /** PEM file of the CA that signs the endpoint's certificate. */
  caFile?: string;
  /** The same, inline. */
  caPem?: string;
  /** Skip certificate verification (a lab only). */
  insecure?: boolean;
}

/** The keep-alive agent for `endpoint`, made once per endpoint and trust setting in `agents`. */
export function keepAliveAgent(agents: Map<string, unknown>, endpoint: Endpoint): unknown {
  const key = `${endpoint.url}|${endpoint.caFile ?? ""}|${endpoint.caPem ?? ""}|${endpoint.insecure === true}`;
  let agent = agents.get(key);
  if (!agent) {
    if (endpoint.url.startsWith("https:")) {
      const https = require("node:https") as typeof import("node:https");
      const fs = require("node:fs") as typeof import("node:fs");
      agent = new https.Agent({
        keepAlive: true,
        ca: endpoint.caPem ?? (endpoint.caFile ? fs.readFileSync(endpoint.caFile) : undefined),
        rejectUnauthorized: endpoint.insecure !== true,
      });
    } else {
      const http = require("node:http") as typeof import("node:http");
      agent = new http.Agent({ keepAlive: true });
    }
    agents.set(key, agent);
  }
  return agent;
}

export interface RawRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: Buffer;
  agent: unknown;
  timeoutMs: number;
  /** Refuse a reply larger than this many bytes (declared or received), without buffering it. */
  maxReplyBytes?: number;
  /** How the refusal reads: its error `code` and the setting that raises the limit. */
  tooLarge?: { code: string; setting: string };
}

export interface RawReply {
  status: number;
  text: string;
  headers: Record<string, string | string[] | undefined>;
}

/** Sends one request and buffers its reply; rejects with Node's error (or ETIMEDOUT) otherwise. */
export function sendRaw(request: RawRequest): Promise<RawReply> {
  const mod = (
    request.url.protocol === "https:" ? require("node:https") : require("node:http")
  ) as typeof import("node:http");
  const { maxReplyBytes, tooLarge } = request;
  const refusal = (what: string) =>
    Object.assign(
      new Error(
        `reply ${what} exceeds ${maxReplyBytes} bytes${tooLarge ? ` (${tooLarge.setting})` : ""}; refusing to buffer it`,
      ),
      { code: tooLarge?.code ?? "EREPLYTOOLARGE" },
    );
  const headers: Record<string, string> = { ...request.headers };
  if (request.body) headers["content-length"] = String(request.body.length);
  return new Promise<RawReply>((resolve, reject) => {
    // Declared before the request: its callbacks refer to it.
    let timer: NodeJS.Timeout | undefined = undefined;
    const req = mod.request(
      request.url,
      { method: request.method, agent: request.agent as import("node:http").Agent, headers },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const abort = (e: Error) => {
          clearTimeout(timer);
          res.destroy();
          req.destroy();
          reject(e);
        };
        res.on("error", reject);
        const declared = Number(res.headers["content-length"] ?? Number.NaN);
        if (maxReplyBytes !== undefined && declared > maxReplyBytes) {
          abort(refusal(`of ${declared} bytes`));
          return;
        }
        res.on("data", (c: Buffer) => {
          size += c.length;
          if (maxReplyBytes !== undefined && size > maxReplyBytes) abort(refusal("body"));
          else chunks.push(c);
        });
        res.on("end", () => {
          clearTimeout(timer);
          resolve({
            status: res.statusCode ?? 0,
            text: Buffer.concat(chunks).toString("utf8"),
            headers: res.headers,
          });
        });
      },
    );
    timer = setTimeout(() => {
      req.destroy(
        Object.assign(new Error(`no reply within ${request.timeoutMs} ms`), { code: "ETIMEDOUT" }),
      );
    }, request.timeoutMs);
    req.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    req.end(request.body);
  });
}
