/**
 * Garage's admin API v2 for one node, over in-memory state, written from the OpenAPI document
 * (`doc/api/garage-admin-v2.json`, "v2.0.0") and the daemon's handlers it documents:
 *
 * - every `/v2/*` call needs `Authorization: Bearer <admin_token>`; Garage answers **403**
 *   (code `AccessDenied`) for a missing header, a header without `Bearer `, and a wrong token
 *   alike — it never answers 401. `/health` needs no token.
 * - errors are JSON `{code, message, region, path}`: `NoSuchAccessKey` and `NoSuchBucket` 404,
 *   `KeyAlreadyExists` and `BucketAlreadyExists` 409, `InvalidRequest` 400, `InternalError` 500.
 * - the layout is versioned: UpdateClusterLayout only stages role changes (merged over the
 *   current roles, listed in `stagedRoleChanges`); ApplyClusterLayout takes `version` = current
 *   + 1 exactly (anything else is a 500 "Invalid new layout version", as Garage reports it) and
 *   makes the staged roles current.
 * - GetKeyInfo / GetBucketInfo / GetNodeInfo take their selectors as query parameters (`id`,
 *   `search`, `showSecretKey`, `globalAlias`, `node`); the secret key is returned only with
 *   `showSecretKey=true`.
 * - ImportKey refuses an existing id (409) and anything but `GK` + 24 hex / 64 hex.
 * - CreateBucket refuses a global alias in use (409); AllowBucketKey only sets flags that are
 *   `true` in the request.
 */
import { randomBytes } from "node:crypto";

export interface AdminRequest {
  method: string;
  /** Operation name: the path after `/v2/`, or a special path (`/health`). */
  operation: string;
  query: URLSearchParams;
  authorization: string | undefined;
  /** Raw request body. */
  body: string;
}

export interface AdminReply {
  status: number;
  body: unknown;
}

interface Role {
  zone: string;
  capacity: number | null;
  tags: string[];
}
interface Key {
  name: string;
  secret: string;
}
interface Perms {
  read: boolean;
  write: boolean;
  owner: boolean;
}
interface Bucket {
  id: string;
  globalAliases: string[];
  keys: Map<string, Perms>;
}

/** Operations that change the cluster (everything the bootstrap may POST). */
export const MUTATING = new Set([
  "UpdateClusterLayout",
  "ApplyClusterLayout",
  "RevertClusterLayout",
  "ImportKey",
  "CreateKey",
  "DeleteKey",
  "UpdateKey",
  "CreateBucket",
  "DeleteBucket",
  "UpdateBucket",
  "AllowBucketKey",
  "DenyBucketKey",
  "AddBucketAlias",
  "RemoveBucketAlias",
]);

const GET_OPERATIONS = new Set([
  "GetClusterStatus",
  "GetClusterHealth",
  "GetClusterLayout",
  "GetKeyInfo",
  "ListKeys",
  "GetBucketInfo",
  "ListBuckets",
  "GetNodeInfo",
]);

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
const badRequest = (m: string) => new ApiError(400, "InvalidRequest", `Bad request: ${m}`);
const forbidden = (m: string) => new ApiError(403, "AccessDenied", `Forbidden: ${m}`);

const hex = (bytes: number) => randomBytes(bytes).toString("hex");
const PARTITION_SIZE = 1 << 20;

export class GarageAdminState {
  readonly nodeId: string;
  layoutVersion = 0;
  readonly roles = new Map<string, Role>();
  /** Staged role changes: a role, or null for a removal. */
  readonly staged = new Map<string, Role | null>();
  readonly keys = new Map<string, Key>();
  readonly buckets = new Map<string, Bucket>();
  /** Global alias → bucket id. */
  readonly aliases = new Map<string, string>();

  constructor(
    readonly adminToken: string,
    readonly region = "garage",
    nodeId = hex(32),
  ) {
    this.nodeId = nodeId;
  }

  handle(req: AdminRequest): AdminReply {
    try {
      return { status: 200, body: this.dispatch(req) };
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const path = req.operation.startsWith("/") ? req.operation : `/v2/${req.operation}`;
      return {
        status: e.status,
        body: { code: e.code, message: e.message, region: this.region, path },
      };
    }
  }

  private dispatch(req: AdminRequest): unknown {
    if (req.operation === "/health") {
      return this.layoutVersion > 0 ? "Garage is fully operational" : "unavailable";
    }
    const expected = GET_OPERATIONS.has(req.operation) ? "GET" : "POST";
    if (!GET_OPERATIONS.has(req.operation) && !MUTATING.has(req.operation)) {
      throw badRequest(`Unknown API endpoint: ${req.operation}`);
    }
    if (req.method !== expected) throw badRequest(`Unknown API endpoint: ${req.operation}`);
    // Garage parses the request first, then checks the token (api_server.rs).
    const body = expected === "POST" ? parseBody(req.body) : undefined;
    this.authorize(req.authorization);
    switch (req.operation) {
      case "GetClusterStatus":
        return this.clusterStatus();
      case "GetNodeInfo":
        return this.nodeInfo(req.query);
      case "GetClusterLayout":
        return this.layout();
      case "UpdateClusterLayout":
        return this.updateLayout(body);
      case "ApplyClusterLayout":
        return this.applyLayout(body);
      case "GetKeyInfo":
        return this.keyInfo(req.query);
      case "ImportKey":
        return this.importKey(body);
      case "GetBucketInfo":
        return this.bucketInfo(req.query);
      case "CreateBucket":
        return this.createBucket(body);
      case "AllowBucketKey":
        return this.allowBucketKey(body);
      default:
        throw new ApiError(500, "InternalError", `Internal error: ${req.operation} not faked`);
    }
  }

  private authorize(header: string | undefined): void {
    if (header === undefined) {
      throw forbidden("Bearer token must be provided in Authorization header");
    }
    if (!header.startsWith("Bearer ")) throw forbidden("Invalid Authorization header");
    if (header.slice("Bearer ".length).trim() !== this.adminToken.trim()) {
      throw forbidden("Invalid bearer token");
    }
  }

  private clusterStatus() {
    const role = this.roles.get(this.nodeId);
    return {
      layoutVersion: this.layoutVersion,
      nodes: [
        {
          id: this.nodeId,
          isUp: true,
          draining: false,
          addr: "127.0.0.1:3901",
          hostname: "objects-1",
          lastSeenSecsAgo: null,
          role: role ?? null,
          dataPartition: { available: 1e12, total: 2e12 },
          metadataPartition: { available: 1e12, total: 2e12 },
        },
      ],
    };
  }

  private nodeInfo(query: URLSearchParams) {
    const node = query.get("node");
    if (node === null) throw badRequest("Missing query parameter: node");
    const matches = node === "*" || node === "self" || this.nodeId.startsWith(node);
    if (!matches) throw badRequest(`No nodes matching ${node}`);
    return {
      success: {
        [this.nodeId]: {
          nodeId: this.nodeId,
          garageVersion: "v2.2.0",
          garageFeatures: ["k2v", "lmdb", "sqlite", "metrics"],
          rustVersion: "1.86.0",
          dbEngine: "LMDB (using Heed crate)",
        },
      },
      error: {},
    };
  }

  private layout() {
    const roleOut = ([id, r]: [string, Role]) => ({
      id,
      zone: r.zone,
      capacity: r.capacity,
      storedPartitions: r.capacity === null ? null : 256,
      usableCapacity: r.capacity === null ? null : 256 * PARTITION_SIZE,
      tags: r.tags,
    });
    return {
      version: this.layoutVersion,
      roles: [...this.roles].map(roleOut),
      partitionSize: PARTITION_SIZE,
      parameters: { zoneRedundancy: "maximum" },
      stagedRoleChanges: [...this.staged]
        .filter(([id, r]) => JSON.stringify(this.roles.get(id) ?? null) !== JSON.stringify(r))
        .map(([id, r]) => (r === null ? { id, remove: true } : { id, ...r })),
      stagedParameters: null,
    };
  }

  private updateLayout(body: Record<string, unknown> | undefined) {
    const roles = body?.["roles"] ?? [];
    if (!Array.isArray(roles)) throw badRequest("Invalid JSON: roles must be an array");
    const changes: [string, Role | null][] = roles.map((change: unknown) => {
      const c = change as Record<string, unknown>;
      const id = c["id"];
      if (typeof id !== "string" || !/^[0-9a-f]{64}$/.test(id)) {
        throw badRequest("Invalid node identifier");
      }
      if (c["remove"] === true) return [id, null];
      const { zone, capacity, tags } = c;
      if (typeof zone !== "string" || !Array.isArray(tags) || capacity === undefined) {
        throw badRequest("Invalid layout change");
      }
      if (capacity !== null && (typeof capacity !== "number" || !Number.isInteger(capacity))) {
        throw badRequest("Invalid JSON: capacity must be an integer");
      }
      if (capacity !== null && capacity < 1024) {
        throw badRequest("Capacity should be at least 1K (1024)");
      }
      return [id, { zone, capacity, tags: tags.map(String) }];
    });
    for (const [id, role] of changes) this.staged.set(id, role);
    return this.layout();
  }

  private applyLayout(body: Record<string, unknown> | undefined) {
    const version = body?.["version"];
    if (typeof version !== "number") throw badRequest("Invalid JSON: missing field `version`");
    if (version !== this.layoutVersion + 1) {
      throw new ApiError(500, "InternalError", "Internal error: Invalid new layout version");
    }
    const next = new Map(this.roles);
    for (const [id, role] of this.staged) {
      if (role === null) next.delete(id);
      else next.set(id, role);
    }
    if (![...next.values()].some((r) => r.capacity !== null)) {
      throw new ApiError(
        500,
        "InternalError",
        "Internal error: The current layout has no storage nodes",
      );
    }
    this.roles.clear();
    for (const [id, role] of next) this.roles.set(id, role);
    this.staged.clear();
    this.layoutVersion = version;
    return {
      message: [`Layout version ${version} computed`],
      layout: this.layout(),
    };
  }

  private keyOut(id: string, key: Key, showSecret: boolean) {
    return {
      name: key.name,
      accessKeyId: id,
      secretAccessKey: showSecret ? key.secret : null,
      permissions: { createBucket: false },
      buckets: [...this.buckets.values()]
        .filter((b) => b.keys.has(id))
        .map((b) => ({
          id: b.id,
          globalAliases: b.globalAliases,
          localAliases: [],
          permissions: b.keys.get(id),
        })),
    };
  }

  private keyInfo(query: URLSearchParams) {
    const id = query.get("id");
    const search = query.get("search");
    const showSecret = query.get("showSecretKey") === "true";
    if (id !== null) {
      const key = this.keys.get(id);
      if (!key) throw new ApiError(404, "NoSuchAccessKey", `Access key not found: ${id}`);
      return this.keyOut(id, key, showSecret);
    }
    if (search !== null) {
      const found = [...this.keys].filter(([k, v]) => k.startsWith(search) || v.name === search);
      const [only] = found;
      if (found.length !== 1 || !only) {
        throw new ApiError(404, "NoSuchAccessKey", `Access key not found: ${search}`);
      }
      return this.keyOut(only[0], only[1], showSecret);
    }
    throw badRequest("Either id or search must be provided");
  }

  private importKey(body: Record<string, unknown> | undefined) {
    const id = body?.["accessKeyId"];
    const secret = body?.["secretAccessKey"];
    if (typeof id !== "string" || typeof secret !== "string") {
      throw badRequest("Invalid JSON: missing field `accessKeyId` or `secretAccessKey`");
    }
    if (this.keys.has(id)) {
      throw new ApiError(
        409,
        "KeyAlreadyExists",
        `Key ${id} already exists in data store. Even if it is deleted, we can't let you create a new key with the same ID. Sorry.`,
      );
    }
    if (!/^GK[0-9a-f]{24}$/.test(id) || !/^[0-9a-f]{64}$/.test(secret)) {
      throw badRequest("Invalid key format");
    }
    const name = typeof body?.["name"] === "string" ? body["name"] : "Imported key";
    const key = { name, secret };
    this.keys.set(id, key);
    return this.keyOut(id, key, false);
  }

  private bucketOut(b: Bucket) {
    return {
      id: b.id,
      globalAliases: b.globalAliases,
      websiteAccess: false,
      websiteConfig: null,
      keys: [...b.keys].map(([accessKeyId, permissions]) => ({
        accessKeyId,
        name: this.keys.get(accessKeyId)?.name ?? "",
        permissions,
        bucketLocalAliases: [],
      })),
      objects: 0,
      bytes: 0,
      unfinishedUploads: 0,
      unfinishedMultipartUploads: 0,
      unfinishedMultipartUploadParts: 0,
      unfinishedMultipartUploadBytes: 0,
      quotas: { maxSize: null, maxObjects: null },
    };
  }

  private bucketInfo(query: URLSearchParams) {
    const id = query.get("id");
    const alias = query.get("globalAlias");
    if (id === null && alias === null && query.get("search") === null) {
      throw badRequest("Either id, globalAlias or search must be provided");
    }
    const wanted = id ?? (alias !== null ? this.aliases.get(alias) : undefined);
    const bucket = wanted === undefined ? undefined : this.buckets.get(wanted);
    if (!bucket) {
      throw new ApiError(404, "NoSuchBucket", `Bucket not found: ${id ?? alias ?? ""}`);
    }
    return this.bucketOut(bucket);
  }

  private createBucket(body: Record<string, unknown> | undefined) {
    const alias = body?.["globalAlias"];
    if (alias !== undefined && alias !== null) {
      if (typeof alias !== "string" || !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(alias)) {
        throw new ApiError(400, "InvalidBucketName", `Invalid bucket name: ${String(alias)}`);
      }
      if (this.aliases.has(alias)) {
        throw new ApiError(409, "BucketAlreadyExists", "Bucket already exists");
      }
    }
    const bucket: Bucket = {
      id: hex(32),
      globalAliases: typeof alias === "string" ? [alias] : [],
      keys: new Map(),
    };
    this.buckets.set(bucket.id, bucket);
    if (typeof alias === "string") this.aliases.set(alias, bucket.id);
    return this.bucketOut(bucket);
  }

  private allowBucketKey(body: Record<string, unknown> | undefined) {
    const bucketId = body?.["bucketId"];
    const keyId = body?.["accessKeyId"];
    const perms = body?.["permissions"] as Partial<Perms> | undefined;
    if (typeof bucketId !== "string" || typeof keyId !== "string" || typeof perms !== "object") {
      throw badRequest("Invalid JSON: bucketId, accessKeyId and permissions are required");
    }
    const bucket = this.buckets.get(bucketId);
    if (!bucket) throw new ApiError(404, "NoSuchBucket", `Bucket not found: ${bucketId}`);
    if (!this.keys.has(keyId)) {
      throw new ApiError(404, "NoSuchAccessKey", `Access key not found: ${keyId}`);
    }
    const current = bucket.keys.get(keyId) ?? { read: false, write: false, owner: false };
    bucket.keys.set(keyId, {
      read: current.read || perms.read === true,
      write: current.write || perms.write === true,
      owner: current.owner || perms.owner === true,
    });
    return this.bucketOut(bucket);
  }
}

function parseBody(raw: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw badRequest("Invalid JSON: expected an object");
    }
    return parsed as Record<string, unknown>;
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw badRequest(`Invalid JSON: ${(e as Error).message}`);
  }
}
