/**
 * What the in-process REST fakes (RouterOS: scripts/support/routeros-fake, Harbor:
 * test/fakes/harbor) share: an HTTP or HTTPS server on a free loopback port that buffers each
 * request body before handing it over, one at a time when the real device serves serially, a
 * count of every request by method and path, and faults that hit a number of matching requests.
 * What a request means is each fake's `handle`.
 */
import * as http from "node:http";
import * as https from "node:https";
import type { AddressInfo } from "node:net";

/** Which requests a fault hits, and how many more times. */
export interface FaultMatch {
  /** Only requests with this method (default: any). */
  method?: string;
  /** Only paths containing this text (default: any). */
  path?: string;
  /** How many matching requests it hits. */
  times: number;
}

export interface FakeServerOptions {
  /** Serve HTTPS with this certificate and key instead of plain HTTP. */
  tls?: { cert: string; key: string } | undefined;
  /** Handle one request at a time, in arrival order (a server with a single worker). */
  serial: boolean;
  /** What `requests(method, pathPrefix)` puts before the prefix (an API base path). */
  countedBase?: string;
}

export abstract class FakeHttpServer<F extends FaultMatch> {
  readonly faults: F[] = [];
  /** `METHOD /path` → count, for every request received (including failed ones). */
  readonly counts = new Map<string, number>();
  private readonly server: http.Server;
  private readonly scheme: "http" | "https";
  private readonly countedBase: string;
  private tail: Promise<void> = Promise.resolve();

  protected constructor(options: FakeServerOptions) {
    this.countedBase = options.countedBase ?? "";
    const listener: http.RequestListener = (req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        if (options.serial) {
          this.tail = this.tail.then(() => this.handle(req, res, body)).catch(() => undefined);
        } else {
          void this.handle(req, res, body).catch(() => undefined);
        }
      });
    };
    this.scheme = options.tls ? "https" : "http";
    this.server = options.tls
      ? https.createServer({ cert: options.tls.cert, key: options.tls.key }, listener)
      : http.createServer(listener);
  }

  /** Answers one request whose body has been read in full. */
  protected abstract handle(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    body: string,
  ): Promise<void>;

  async start(): Promise<string> {
    await new Promise<void>((r) => this.server.listen(0, "127.0.0.1", r));
    return this.url;
  }

  get url(): string {
    return `${this.scheme}://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  /** Requests received, optionally only of one method and/or paths starting with a prefix. */
  requests(method?: string, pathPrefix?: string): number {
    let n = 0;
    for (const [key, count] of this.counts) {
      const [m = "", p = ""] = key.split(" ");
      const prefixed = !pathPrefix || p.startsWith(this.countedBase + pathPrefix);
      if ((!method || m === method) && prefixed) n += count;
    }
    return n;
  }

  resetCounts(): void {
    this.counts.clear();
  }

  /** Counts a request as received. */
  protected count(method: string, pathname: string): void {
    const key = `${method} ${pathname}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** The first fault with hits left that matches, with one hit used up. */
  protected takeFault(method: string, path: string): F | undefined {
    const f = this.faults.find(
      (x) =>
        x.times > 0 && (!x.method || x.method === method) && (!x.path || path.includes(x.path)),
    );
    if (f) f.times--;
    return f;
  }
}
