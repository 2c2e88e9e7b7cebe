/**
 * What every Harbor provider shares: credentials through `configure`, offline `check` with
 * defaults and validation that tolerates preview's unknown values, and a pure `diff` that compares
 * the normalised desired state of the old outputs with the checked new inputs.
 *
 * A connection change (URL, CA file) is an update that only rewrites state, never a replacement:
 * the object in Harbor is the same.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { configureFrom } from "./configure";
import type { ConnectedInputs } from "./types";
import { UNKNOWN, canonical, hasUnknown } from "./values";

export type Failures = dynamic.CheckFailure[];
type Bag = Record<string, unknown>;

/** Reads, defaults and validates input properties in place, collecting failures. */
export class InputChecker {
  readonly failures: Failures = [];
  constructor(readonly bag: Bag) {}

  private known(key: string): boolean {
    return !hasUnknown(this.bag[key]);
  }

  fail(property: string, reason: string): void {
    this.failures.push({ property, reason });
  }

  string(
    key: string,
    opts: { default?: string; pattern?: RegExp; hint?: string; oneOf?: readonly string[] } = {},
  ): void {
    if (!this.known(key)) return;
    let v = this.bag[key];
    if (v === undefined || v === null) {
      if (opts.default === undefined) return this.fail(key, "is required");
      v = opts.default;
    }
    if (typeof v !== "string") return this.fail(key, `must be a string, got ${typeof v}`);
    if (opts.pattern && !opts.pattern.test(v)) {
      return this.fail(key, `${opts.hint ?? `must match ${String(opts.pattern)}`}, got "${v}"`);
    }
    if (opts.oneOf && !opts.oneOf.includes(v)) {
      return this.fail(key, `must be one of ${opts.oneOf.join(", ")}; got "${v}"`);
    }
    this.bag[key] = v;
  }

  /** A string whose value must never be quoted back (secrets). */
  secretString(key: string, opts: { optional?: boolean } = {}): void {
    if (!this.known(key)) return;
    const v = this.bag[key];
    if (v === undefined || v === null) {
      if (!opts.optional) this.fail(key, "is required");
      return;
    }
    if (typeof v !== "string") this.fail(key, "must be a string");
  }

  bool(key: string, fallback: boolean): void {
    if (!this.known(key)) return;
    const v = this.bag[key] ?? fallback;
    if (typeof v !== "boolean") return this.fail(key, `must be true or false, got ${String(v)}`);
    this.bag[key] = v;
  }

  int(key: string, opts: { default?: number; min?: number; max?: number } = {}): void {
    if (!this.known(key)) return;
    const v = this.bag[key] ?? opts.default;
    if (v === undefined) return this.fail(key, "is required");
    if (typeof v !== "number" || !Number.isInteger(v)) {
      return this.fail(key, `must be a whole number, got ${String(v)}`);
    }
    if (opts.min !== undefined && v < opts.min) return this.fail(key, `must be ≥ ${opts.min}`);
    if (opts.max !== undefined && v > opts.max) return this.fail(key, `must be ≤ ${opts.max}`);
    this.bag[key] = v;
  }

  /** An optional free-form trigger (`rotation`, `executionTrigger`): stored as a string. */
  trigger(key: string): void {
    if (!this.known(key)) return;
    const v = this.bag[key];
    if (v === undefined || v === null || v === "") {
      this.bag[key] = undefined;
      return;
    }
    if (typeof v !== "string" && typeof v !== "number") {
      return this.fail(key, "must be a string or a number");
    }
    this.bag[key] = String(v);
  }

  connection(): void {
    const conn = this.bag["connection"];
    if (hasUnknown(conn)) return;
    if (conn === null || typeof conn !== "object") {
      return this.fail("connection", "is required: { url, caFile?, insecure? }");
    }
    const c = conn as Bag;
    if (typeof c["url"] !== "string" || !/^https?:\/\/[^/\s]+\/?$/.test(c["url"])) {
      this.fail("connection.url", `must be Harbor's base URL such as https://harbor.example.com`);
    }
    if (c["caFile"] !== undefined && typeof c["caFile"] !== "string") {
      this.fail("connection.caFile", "must be a path to a PEM file");
    }
    if (c["caPem"] !== undefined && !/-----BEGIN CERTIFICATE-----/.test(String(c["caPem"]))) {
      this.fail("connection.caPem", "must be a PEM certificate");
    }
    if (c["insecure"] !== undefined && typeof c["insecure"] !== "boolean") {
      this.fail("connection.insecure", "must be true or false");
    }
  }
}

export abstract class HarborProvider<
  I extends ConnectedInputs,
  O extends I,
> implements dynamic.ResourceProvider<I, O> {
  /** Keys of `desired()` whose change replaces the object instead of updating it. */
  protected readonly replaceKeys: readonly string[] = [];

  async configure(req: dynamic.ConfigureRequest): Promise<void> {
    configureFrom(req.config);
  }

  /** Applies defaults and validates known values; unknown ones are left for the engine. */
  protected abstract checkInputs(c: InputChecker): void;

  /** The state that matters for diff, from old outputs or checked new inputs. */
  protected abstract desired(props: I | O): Record<string, unknown>;

  abstract create(inputs: I): Promise<dynamic.CreateResult<O>>;

  async check(_olds: I, news: I): Promise<dynamic.CheckResult<I>> {
    const bag: Bag = { ...(news as unknown as Bag) };
    const c = new InputChecker(bag);
    c.connection();
    this.checkInputs(c);
    return c.failures.length > 0 ? { failures: c.failures } : { inputs: bag as unknown as I };
  }

  async diff(_id: string, olds: O, news: I): Promise<dynamic.DiffResult> {
    const before = this.desired(olds);
    const after = this.desired(news);
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    const changed = [...keys].filter(
      (k) => hasUnknown(after[k]) || canonical(before[k]) !== canonical(after[k]),
    );
    const connection =
      hasUnknown(news.connection) || canonical(olds.connection) !== canonical(news.connection);
    const replaces = changed.filter((k) => this.replaceKeys.includes(k));
    return { changes: changed.length > 0 || connection, replaces, deleteBeforeReplace: true };
  }
}

/** For desired(): a value that is unknown in preview stays recognisably unknown. */
export function orUnknown<T>(value: unknown, compute: () => T): T | typeof UNKNOWN {
  return hasUnknown(value) ? UNKNOWN : compute();
}
