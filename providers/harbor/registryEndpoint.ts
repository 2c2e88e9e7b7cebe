/**
 * Registry endpoint (e.g. AWS ECR as a replication source). Harbor never returns the access
 * secret (it answers `*****`), so state keeps only a hash of it: a rotated secret is a diff
 * (terraform-provider-harbor #538) while the secret itself stays out of the outputs.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { HarborProvider, orUnknown, type InputChecker } from "./base";
import { getOrUndefined, harborRequest, idFromLocation, isHarborError, isStatus } from "./http";
import { listAll } from "./http";
import type { ConnectedInputs, HarborConnection } from "./types";
import { omit, secretHash } from "./values";

export const REGISTRY_TYPES = [
  "aws-ecr",
  "harbor",
  "docker-hub",
  "docker-registry",
  "azure-acr",
  "ali-acr",
  "google-gcr",
  "huawei-SWR",
  "jfrog-artifactory",
  "quay",
  "gitlab",
  "dtr",
  "tencent-tcr",
  "github-ghcr",
  "volcengine-cr",
] as const;

/** What Harbor's ECR adapter accepts (the region is parsed from it). */
export const ECR_URL =
  /^https:\/\/(api|\d{12}\.dkr)\.ecr(-public|-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/?$/;

export interface RegistryInputs extends ConnectedInputs {
  name: string;
  type: (typeof REGISTRY_TYPES)[number];
  url: string;
  /** IAM access key id for `aws-ecr`; empty: Harbor uses the AWS default credential chain. */
  accessKey: string;
  /** Write-only: never returned by Harbor, never in this resource's outputs. */
  accessSecret?: string;
  insecure: boolean;
  description: string;
}

export interface RegistryOutputs extends Omit<RegistryInputs, "accessSecret"> {
  accessSecret?: never;
  registryId: number;
  /** Hash of the access secret last sent, to notice a rotation. */
  accessSecretHash: string;
}

interface HarborRegistryEndpoint {
  id: number;
  name: string;
  type: string;
  url: string;
  description?: string;
  insecure?: boolean;
  credential?: { type?: string; access_key?: string; access_secret?: string };
}

const what = (r: { name: string }) => `registry "${r.name}"`;

function createBody(inputs: RegistryInputs) {
  return {
    name: inputs.name,
    type: inputs.type,
    url: inputs.url,
    description: inputs.description,
    insecure: inputs.insecure,
    ...(inputs.accessKey !== ""
      ? {
          credential: {
            type: "basic",
            access_key: inputs.accessKey,
            access_secret: inputs.accessSecret ?? "",
          },
        }
      : {}),
  };
}

/** `RegistryUpdate` is flat, unlike the create body. */
function updateBody(inputs: RegistryInputs) {
  return {
    name: inputs.name,
    url: inputs.url,
    description: inputs.description,
    insecure: inputs.insecure,
    credential_type: "basic",
    access_key: inputs.accessKey,
    access_secret: inputs.accessSecret ?? "",
  };
}

function outputsOf(inputs: RegistryInputs, registryId: number): RegistryOutputs {
  return {
    ...(omit(inputs, ["accessSecret"]) as Omit<RegistryInputs, "accessSecret">),
    registryId,
    accessSecretHash: secretHash(inputs.accessSecret ?? ""),
  };
}

export async function findRegistry(
  conn: HarborConnection,
  name: string,
): Promise<HarborRegistryEndpoint | undefined> {
  const all = await listAll<HarborRegistryEndpoint>(
    conn,
    "/registries",
    { q: `name=${name}` },
    what({ name }),
  );
  return all.find((r) => r.name === name);
}

export class RegistryProvider extends HarborProvider<RegistryInputs, RegistryOutputs> {
  protected readonly replaceKeys = ["type"];

  protected checkInputs(c: InputChecker): void {
    c.string("name", { pattern: /^\S(.{0,253}\S)?$/, hint: "must be a non-empty name" });
    c.string("type", { oneOf: REGISTRY_TYPES });
    c.string("url", { pattern: /^https?:\/\/\S+$/, hint: "must be an http(s) URL" });
    c.string("accessKey", { default: "" });
    c.secretString("accessSecret", { optional: true });
    c.bool("insecure", false);
    c.string("description", { default: "" });
    // Harbor stores the URL without a trailing slash.
    if (typeof c.bag["url"] === "string") c.bag["url"] = c.bag["url"].replace(/\/+$/, "");
    const { type, url } = c.bag;
    if (type === "aws-ecr" && typeof url === "string" && !ECR_URL.test(url)) {
      c.fail("url", `for aws-ecr must be https://api.ecr.<region>.amazonaws.com, got "${url}"`);
    }
  }

  protected desired(r: RegistryInputs | RegistryOutputs): Record<string, unknown> {
    const hash =
      "accessSecretHash" in r && r.accessSecretHash !== undefined
        ? r.accessSecretHash
        : orUnknown(r.accessSecret, () => secretHash(r.accessSecret ?? ""));
    return {
      name: r.name,
      type: r.type,
      url: r.url,
      accessKey: r.accessKey,
      accessSecretHash: hash,
      insecure: r.insecure,
      description: r.description,
    };
  }

  async create(inputs: RegistryInputs): Promise<dynamic.CreateResult<RegistryOutputs>> {
    const conn = inputs.connection;
    const adopt = async (): Promise<number | undefined> => {
      const found = await findRegistry(conn, inputs.name);
      if (!found) return undefined;
      await this.put(conn, found.id, inputs);
      return found.id;
    };
    for (let attempt = 0; ; attempt++) {
      try {
        const reply = await harborRequest(conn, "POST", "/registries", {
          body: createBody(inputs),
          idempotent: false,
          what: what(inputs),
        });
        const id = Number(idFromLocation(reply.location, what(inputs)));
        return { id: String(id), outs: outputsOf(inputs, id) };
      } catch (e) {
        if (!isHarborError(e)) throw e;
        const conflict = e.status === 409;
        if (!conflict && !(e.ambiguous && attempt < 2)) throw e;
        const id = await adopt();
        if (id !== undefined) return { id: String(id), outs: outputsOf(inputs, id) };
        if (conflict) throw e;
      }
    }
  }

  private async put(conn: HarborConnection, id: number, inputs: RegistryInputs): Promise<void> {
    await harborRequest(conn, "PUT", `/registries/${id}`, {
      body: updateBody(inputs),
      idempotent: true,
      what: what(inputs),
    });
  }

  async read(id: string, props?: RegistryOutputs): Promise<dynamic.ReadResult<RegistryOutputs>> {
    if (!props) throw new Error("Harbor resources cannot be imported; declare them to adopt");
    const live = await getOrUndefined<HarborRegistryEndpoint>(
      props.connection,
      `/registries/${id}`,
      what(props),
    );
    if (!live) return {};
    const inputs = {
      connection: props.connection,
      name: live.name,
      type: (live.type as RegistryInputs["type"]) ?? props.type,
      url: live.url,
      accessKey: live.credential?.access_key ?? "",
      insecure: live.insecure === true,
      description: live.description ?? "",
    };
    return {
      id,
      props: { ...inputs, registryId: live.id, accessSecretHash: props.accessSecretHash },
      inputs: inputs as RegistryOutputs, // the SDK types ReadResult.inputs as Outputs
    };
  }

  async update(
    id: string,
    _olds: RegistryOutputs,
    news: RegistryInputs,
  ): Promise<dynamic.UpdateResult<RegistryOutputs>> {
    await this.put(news.connection, Number(id), news);
    return { outs: outputsOf(news, Number(id)) };
  }

  async delete(id: string, props: RegistryOutputs): Promise<void> {
    try {
      await harborRequest(props.connection, "DELETE", `/registries/${id}`, {
        idempotent: true,
        what: what(props),
      });
    } catch (e) {
      if (isStatus(e, 404)) return;
      if (isStatus(e, 412)) {
        throw new Error(`${e.message} — remove the replication policies that use it first`, {
          cause: e,
        });
      }
      throw e;
    }
  }
}
