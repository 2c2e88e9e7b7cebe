/** The fake admin API on a loopback port, with a log of every call and injectable failures. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { GarageAdminState, MUTATING, type AdminReply } from "./adminApi";

export interface RecordedCall {
  method: string;
  operation: string;
  query: string;
  body: string;
  status: number;
}

export class GarageAdminFake {
  readonly state: GarageAdminState;
  readonly calls: RecordedCall[] = [];
  private readonly faults = new Map<string, AdminReply>();
  private server: Server | undefined;

  constructor(adminToken: string, region = "garage") {
    this.state = new GarageAdminState(adminToken, region);
  }

  /** The next call to `operation` gets this reply instead of being handled (state unchanged). */
  failNext(operation: string, status: number, code: string, message: string): void {
    this.faults.set(operation, {
      status,
      body: { code, message, region: this.state.region, path: `/v2/${operation}` },
    });
  }

  /** Calls that would change the cluster (whatever their answer). */
  mutatingCalls(): RecordedCall[] {
    return this.calls.filter((c) => MUTATING.has(c.operation));
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const url = new URL(req.url ?? "/", "http://fake");
        const operation = url.pathname.startsWith("/v2/")
          ? url.pathname.slice("/v2/".length)
          : url.pathname;
        const body = Buffer.concat(chunks).toString("utf8");
        const fault = this.faults.get(operation);
        if (fault) this.faults.delete(operation);
        const reply =
          fault ??
          this.state.handle({
            method: req.method ?? "GET",
            operation,
            query: url.searchParams,
            authorization: req.headers.authorization,
            body,
          });
        this.calls.push({
          method: req.method ?? "GET",
          operation,
          query: url.search,
          body,
          status: reply.status,
        });
        const text = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
        res.writeHead(reply.status, {
          "content-type": typeof reply.body === "string" ? "text/plain" : "application/json",
        });
        res.end(text);
      });
    });
    const server = this.server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
  }
}
