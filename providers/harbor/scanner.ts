/**
 * The default vulnerability scanner (Trivy). The Helm chart registers Trivy itself, marked
 * immutable, when `trivy.enabled`; then this resource adopts that registration and only makes
 * sure it is the default. Otherwise it registers the scanner and, on delete, removes only what it
 * registered.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { HarborProvider, type InputChecker } from "./base";
import {
  deleteIfExists,
  getOrUndefined,
  harborRequest,
  idFromLocation,
  isHarborError,
} from "./http";
import { listAll } from "./http";
import type { ConnectedInputs, HarborConnection } from "./types";

export interface ScannerInputs extends ConnectedInputs {
  name: string;
  /** Adapter URL, e.g. `http://harbor-trivy:8080`. */
  url: string;
  description: string;
  skipCertVerify: boolean;
  /** Let the adapter pull from Harbor's internal registry address. */
  useInternalAddr: boolean;
  /** Make it the system default scanner. */
  isDefault: boolean;
}

export interface ScannerOutputs extends ScannerInputs {
  scannerId: string;
  /** Registered by Harbor itself (read-only): kept on delete, its settings not managed. */
  adopted: boolean;
}

interface HarborScanner {
  uuid: string;
  name: string;
  url: string;
  description?: string;
  skip_certVerify?: boolean;
  use_internal_addr?: boolean;
  is_default?: boolean;
  immutable?: boolean;
}

const what = (s: { name: string }) => `scanner "${s.name}"`;

function scannerBody(inputs: ScannerInputs) {
  return {
    name: inputs.name,
    url: inputs.url,
    description: inputs.description,
    auth: "",
    access_credential: "",
    skip_certVerify: inputs.skipCertVerify,
    use_internal_addr: inputs.useInternalAddr,
    disabled: false,
  };
}

export class ScannerProvider extends HarborProvider<ScannerInputs, ScannerOutputs> {
  protected checkInputs(c: InputChecker): void {
    c.string("name", { default: "Trivy", pattern: /\S/, hint: "must not be empty" });
    c.string("url", { pattern: /^https?:\/\/\S+$/, hint: "must be the adapter's http(s) URL" });
    c.string("description", { default: "" });
    c.bool("skipCertVerify", false);
    c.bool("useInternalAddr", true);
    c.bool("isDefault", true);
  }

  protected desired(s: ScannerInputs): Record<string, unknown> {
    return {
      name: s.name,
      url: s.url,
      description: s.description,
      skipCertVerify: s.skipCertVerify,
      useInternalAddr: s.useInternalAddr,
      isDefault: s.isDefault,
    };
  }

  private async ensure(
    conn: HarborConnection,
    id: string,
    inputs: ScannerInputs,
    immutable: boolean,
  ) {
    if (!immutable) {
      await harborRequest(conn, "PUT", `/scanners/${id}`, {
        body: scannerBody(inputs),
        idempotent: true,
        what: what(inputs),
      });
    }
    if (inputs.isDefault) {
      await harborRequest(conn, "PATCH", `/scanners/${id}`, {
        body: { is_default: true },
        idempotent: true,
        what: what(inputs),
      });
    }
  }

  async create(inputs: ScannerInputs): Promise<dynamic.CreateResult<ScannerOutputs>> {
    const conn = inputs.connection;
    const find = async () =>
      (await listAll<HarborScanner>(conn, "/scanners", {}, what(inputs))).find(
        (s) => s.name === inputs.name || (s.immutable === true && s.url === inputs.url),
      );
    const existing = await find();
    if (existing) {
      const adopted = existing.immutable === true;
      await this.ensure(conn, existing.uuid, inputs, adopted);
      return { id: existing.uuid, outs: { ...inputs, scannerId: existing.uuid, adopted } };
    }
    for (let attempt = 0; ; attempt++) {
      try {
        const reply = await harborRequest(conn, "POST", "/scanners", {
          body: scannerBody(inputs),
          idempotent: false,
          what: what(inputs),
        });
        const uuid = idFromLocation(reply.location, what(inputs));
        await this.ensure(conn, uuid, { ...inputs }, true);
        return { id: uuid, outs: { ...inputs, scannerId: uuid, adopted: false } };
      } catch (e) {
        if (!isHarborError(e)) throw e;
        const conflict = e.status === 409;
        if (!conflict && !(e.ambiguous && attempt < 2)) throw e;
        const found = await find();
        if (found) {
          await this.ensure(conn, found.uuid, inputs, false);
          return { id: found.uuid, outs: { ...inputs, scannerId: found.uuid, adopted: false } };
        }
        if (conflict) throw e;
      }
    }
  }

  async read(id: string, props?: ScannerOutputs): Promise<dynamic.ReadResult<ScannerOutputs>> {
    if (!props) throw new Error("Harbor resources cannot be imported; declare them to adopt");
    const live = await getOrUndefined<HarborScanner>(
      props.connection,
      `/scanners/${id}`,
      what(props),
    );
    if (!live) return {};
    // An adopted (immutable) registration's settings belong to Harbor: only `isDefault` is ours.
    const settings = props.adopted
      ? {
          name: props.name,
          url: props.url,
          description: props.description,
          skipCertVerify: props.skipCertVerify,
          useInternalAddr: props.useInternalAddr,
        }
      : {
          name: live.name,
          url: live.url,
          description: live.description ?? "",
          skipCertVerify: live.skip_certVerify === true,
          useInternalAddr: live.use_internal_addr === true,
        };
    const inputs: ScannerInputs = {
      connection: props.connection,
      ...settings,
      isDefault: live.is_default === true,
    };
    return {
      id,
      props: { ...inputs, scannerId: live.uuid, adopted: props.adopted },
      inputs: inputs as ScannerOutputs, // the SDK types ReadResult.inputs as Outputs
    };
  }

  async update(
    id: string,
    olds: ScannerOutputs,
    news: ScannerInputs,
  ): Promise<dynamic.UpdateResult<ScannerOutputs>> {
    await this.ensure(news.connection, id, news, olds.adopted);
    return { outs: { ...news, scannerId: id, adopted: olds.adopted } };
  }

  async delete(id: string, props: ScannerOutputs): Promise<void> {
    if (props.adopted) return; // Harbor's own registration stays
    await deleteIfExists(props.connection, `/scanners/${id}`, what(props));
  }
}
