/**
 * An in-process Pulumi engine for offline previews and tests.
 *
 * It installs `pulumi.runtime.setMocks` and additionally taps the mock monitor's
 * `registerResource` so that every registration is recorded with what a real preview would show:
 * parent URN, `protect`, dependencies and the raw (still secret-wrapped) inputs. Mocks alone do not
 * expose parent or protect, and tests must be able to assert both.
 */
import * as pulumi from "@pulumi/pulumi";
import { computedOutputsFor } from "./computed";

/** The envelope Pulumi's wire format uses for secret values. */
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
export const SIG_KEY = "4dabf18193072939515e22adb298388d";

export interface RecordedResource {
  urn: string;
  type: string;
  name: string;
  parentUrn: string | undefined;
  custom: boolean;
  protect: boolean;
  retainOnDelete: boolean;
  deleteBeforeReplace: boolean;
  ignoreChanges: string[];
  replaceOnChanges: string[];
  additionalSecretOutputs: string[];
  dependencies: string[];
  provider: string | undefined;
  /** The `import` id of an adopted resource. */
  importId?: string;
  /** Inputs as sent on the wire: secrets are still wrapped in their envelope. */
  rawInputs: Record<string, unknown>;
  /** Inputs with secret envelopes removed (plain values). */
  inputs: Record<string, unknown>;
}

export interface OfflineEngine {
  readonly resources: RecordedResource[];
  readonly invokes: { token: string; inputs: Record<string, unknown> }[];
}

export interface OfflineEngineOptions {
  project: string;
  stack: string;
  /** `true` makes `pulumi.runtime.isDryRun()` return true, as in `pulumi preview`. */
  preview?: boolean;
  /** Answers for provider functions (invokes); any other token fails loudly. */
  invokes?: Record<string, (inputs: Record<string, unknown>) => Record<string, unknown>>;
}

/** Removes Pulumi secret envelopes recursively, leaving plain values. */
export function unwrapSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unwrapSecrets);
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (record[SIG_KEY] === SECRET_SIG) return unwrapSecrets(record["value"]);
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, unwrapSecrets(v)]));
  }
  return value;
}

// The protobuf request type is internal to @pulumi/pulumi; these are the getters we read.
interface RegisterResourceRequestLike {
  getType(): string;
  getName(): string;
  getParent(): string;
  getCustom(): boolean;
  getProtect(): boolean;
  getRetainondelete(): boolean;
  getDeletebeforereplace(): boolean;
  getIgnorechangesList(): string[];
  getReplaceonchangesList(): string[];
  getAdditionalsecretoutputsList(): string[];
  getDependenciesList(): string[];
  getProvider(): string;
  getImportid(): string;
  getObject(): { toJavaScript(): Record<string, unknown> } | undefined;
}
type Callback = (err: unknown, response: { getUrn(): string } | undefined) => void;
interface TappableMonitor {
  registerResource(req: RegisterResourceRequestLike, cb: Callback): Promise<void>;
}

/** Starts the mock engine and returns the live registration record. */
export async function startOfflineEngine(options: OfflineEngineOptions): Promise<OfflineEngine> {
  const engine: OfflineEngine = { resources: [], invokes: [] };
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        const state = { ...args.inputs, ...computedOutputsFor(args.type, args.name, args.inputs) };
        return { id: args.custom === false ? undefined : `${args.name}-id`, state };
      },
      call(args) {
        engine.invokes.push({ token: args.token, inputs: args.inputs });
        const answer = options.invokes?.[args.token];
        if (!answer) throw new Error(`Mock not implemented: ${args.token}`);
        return answer(args.inputs);
      },
    },
    options.project,
    options.stack,
    options.preview ?? true,
  );

  const monitor = pulumi.runtime.getMonitor() as unknown as TappableMonitor;
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, cb) =>
    register(req, (err, response) => {
      if (!err && response) {
        // Converting the wire inputs back to JavaScript is most of the recording's cost, and most
        // callers (the preview's summary, the benchmark) never read them: convert on first use.
        let raw: Record<string, unknown> | undefined;
        let plain: Record<string, unknown> | undefined;
        const rawInputs = () => (raw ??= req.getObject()?.toJavaScript() ?? {});
        engine.resources.push({
          urn: response.getUrn(),
          type: req.getType(),
          name: req.getName(),
          parentUrn: req.getParent() || undefined,
          custom: req.getCustom(),
          protect: req.getProtect(),
          retainOnDelete: req.getRetainondelete(),
          deleteBeforeReplace: req.getDeletebeforereplace(),
          ignoreChanges: req.getIgnorechangesList(),
          replaceOnChanges: req.getReplaceonchangesList(),
          additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
          dependencies: req.getDependenciesList(),
          provider: req.getProvider() || undefined,
          ...(req.getImportid() ? { importId: req.getImportid() } : {}),
          get rawInputs() {
            return rawInputs();
          },
          get inputs() {
            return (plain ??= unwrapSecrets(rawInputs()) as Record<string, unknown>);
          },
        });
      }
      cb(err, response);
    });
  return engine;
}
