/**
 * Where the preflight's facts come from, behind small interfaces so tests answer with fakes:
 * ECR `DescribeImages`, Harbor's artifacts API, MongoDB `replSetGetStatus`, EC2
 * `DescribeSnapshots`. Credentials come from the environment only: the AWS SDK's default chain,
 * `HARBOR_USERNAME`/`HARBOR_PASSWORD` (a robot account that may read the project) and
 * `MONGODB_URI` (a user with the `clusterMonitor` role).
 */
import type { PlannedSnapshot } from "../plan/migration";
import type {
  ImageFacts,
  PreflightFacts,
  PreflightRequest,
  ReplicaSetStatus,
  SnapshotFacts,
} from "./preflight";

export interface EcrImages {
  /** The manifest digest of `repository:tag`, or undefined when ECR has no such tag. */
  digest(repository: string, tag: string): Promise<string | undefined>;
}
export interface HarborArtifacts {
  /** The digest of the artifact `project/repository:tag`, or undefined when Harbor lacks it. */
  digest(project: string, repository: string, tag: string): Promise<string | undefined>;
}
export interface ReplicaSetStatusSource {
  status(): Promise<ReplicaSetStatus>;
}
export interface SnapshotSource {
  /** Snapshots tagged `migration-volume` = one of `names`. */
  find(names: string[]): Promise<SnapshotFacts[]>;
}

export interface PreflightClients {
  ecr: EcrImages;
  harbor: HarborArtifacts;
  mongodb: ReplicaSetStatusSource;
  snapshots: SnapshotSource;
}

export function splitImage(image: string): { repository: string; tag: string } {
  const at = image.lastIndexOf(":");
  return { repository: image.slice(0, at), tag: image.slice(at + 1) };
}

/** What a failing source left unchecked (each is reported once, as the source's error). */
export interface UncheckedSources {
  images: string[];
  replicaSet: boolean;
  snapshots: boolean;
}

/** Collects only the facts the request needs; a failing source becomes a blocker, not a crash. */
export async function gatherFacts(
  request: PreflightRequest & { harborProject: string },
  clients: PreflightClients,
): Promise<{ facts: PreflightFacts; errors: string[]; unchecked: UncheckedSources }> {
  const errors: string[] = [];
  const unchecked: UncheckedSources = { images: [], replicaSet: false, snapshots: false };
  const images: ImageFacts[] = [];
  for (const image of request.images) {
    const { repository, tag } = splitImage(image);
    try {
      const [ecrDigest, harborDigest] = await Promise.all([
        clients.ecr.digest(repository, tag),
        clients.harbor.digest(request.harborProject, repository, tag),
      ]);
      images.push({ image, ecrDigest, harborDigest });
    } catch (error) {
      errors.push(`image ${image}: ${error instanceof Error ? error.message : String(error)}`);
      unchecked.images.push(image);
    }
  }
  let replicaSet: ReplicaSetStatus | undefined;
  if (request.maxReplicationLagSeconds !== undefined) {
    try {
      replicaSet = await clients.mongodb.status();
    } catch (error) {
      errors.push(`replica set: ${error instanceof Error ? error.message : String(error)}`);
      unchecked.replicaSet = true;
    }
  }
  let snapshots: SnapshotFacts[] = [];
  if (request.snapshots.length > 0) {
    try {
      snapshots = await clients.snapshots.find(
        request.snapshots.map((s: PlannedSnapshot) => s.name),
      );
    } catch (error) {
      errors.push(`snapshots: ${error instanceof Error ? error.message : String(error)}`);
      unchecked.snapshots = true;
    }
  }
  return { facts: { images, replicaSet, snapshots }, errors, unchecked };
}

/** ECR through the AWS SDK: one `DescribeImages` per tag (a missing tag is an exception there). */
export function ecrImages(region: string, registryId: string): EcrImages {
  return {
    async digest(repository, tag) {
      const { ECRClient, DescribeImagesCommand } = await import("@aws-sdk/client-ecr");
      const client = new ECRClient({ region });
      try {
        const out = await client.send(
          new DescribeImagesCommand({
            registryId,
            repositoryName: repository,
            imageIds: [{ imageTag: tag }],
          }),
        );
        return out.imageDetails?.[0]?.imageDigest;
      } catch (error) {
        if ((error as { name?: string }).name === "ImageNotFoundException") return undefined;
        throw error;
      } finally {
        client.destroy();
      }
    },
  };
}

/**
 * Harbor's `GET /api/v2.0/projects/{project}/repositories/{repository}/artifacts/{reference}`.
 * A repository name with `/` is URL-encoded twice (Harbor decodes once in routing). Basic auth on
 * every call and no cookies, so the CSRF middleware never engages.
 */
export function harborArtifacts(
  baseUrl: string,
  credentials: { username: string; password: string } | undefined,
  fetchImpl: typeof fetch = fetch,
): HarborArtifacts {
  return {
    async digest(project, repository, tag) {
      const url = `${baseUrl.replace(/\/$/, "")}/api/v2.0/projects/${encodeURIComponent(project)}/repositories/${encodeURIComponent(encodeURIComponent(repository))}/artifacts/${encodeURIComponent(tag)}`;
      const headers: Record<string, string> = { Accept: "application/json" };
      if (credentials) {
        const token = Buffer.from(`${credentials.username}:${credentials.password}`).toString(
          "base64",
        );
        headers["Authorization"] = `Basic ${token}`;
      }
      const response = await fetchImpl(url, { headers });
      if (response.status === 404) return undefined;
      if (!response.ok)
        throw new Error(`Harbor answered ${response.status} for ${project}/${repository}:${tag}`);
      const body = (await response.json()) as { digest?: unknown };
      return typeof body.digest === "string" ? body.digest : undefined;
    },
  };
}

/** `replSetGetStatus` through the MongoDB driver; the client is always closed. */
export function mongoStatus(uri: string): ReplicaSetStatusSource {
  return {
    async status() {
      const { MongoClient } = await import("mongodb");
      const client = new MongoClient(uri, { serverSelectionTimeoutMS: 10_000 });
      try {
        await client.connect();
        return (await client
          .db("admin")
          .command({ replSetGetStatus: 1 })) as unknown as ReplicaSetStatus;
      } finally {
        await client.close();
      }
    },
  };
}

/** EC2 `DescribeSnapshots` of this account's snapshots with the cutover tag. */
export function ec2Snapshots(region: string): SnapshotSource {
  return {
    async find(names) {
      const { EC2Client, DescribeSnapshotsCommand } = await import("@aws-sdk/client-ec2");
      const client = new EC2Client({ region });
      try {
        const out = await client.send(
          new DescribeSnapshotsCommand({
            OwnerIds: ["self"],
            Filters: [
              { Name: "tag:migration", Values: ["aws-exit"] },
              { Name: "tag:migration-volume", Values: names },
            ],
          }),
        );
        return (out.Snapshots ?? []).map((s) => ({
          name: s.Tags?.find((t) => t.Key === "migration-volume")?.Value ?? "",
          snapshotId: s.SnapshotId ?? "",
          state: s.State ?? "unknown",
        }));
      } finally {
        client.destroy();
      }
    },
  };
}
