/**
 * In-process stand-ins for the preflight's sources, shaped as the real APIs answer:
 * - Harbor v2 `GET /api/v2.0/projects/{project}/repositories/{repository}/artifacts/{reference}`:
 *   basic auth required (401 `UNAUTHORIZED` otherwise), the repository name URL-encoded twice
 *   (routing decodes once, the handler once more), 404 `NOT_FOUND` in Harbor's error envelope,
 *   200 with an `Artifact` (`digest`, `tags[].name`, …);
 * - ECR `DescribeImages` by tag, reduced to the digest or "no such tag" (ImageNotFoundException);
 * - MongoDB `replSetGetStatus`: `set`, `members[]` with `name`, `stateStr`, `optimeDate`.
 */
import type {
  EcrImages,
  SnapshotSource,
  ReplicaSetStatusSource,
} from "../../components/migration/clients";
import type { ReplicaSetStatus, SnapshotFacts } from "../../components/migration/preflight";

export function fakeEcr(digests: Record<string, string>): EcrImages & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    digest(repository, tag) {
      calls.push(`${repository}:${tag}`);
      return Promise.resolve(digests[`${repository}:${tag}`]);
    },
  };
}

const harborError = (status: number, code: string, message: string) =>
  new Response(JSON.stringify({ errors: [{ code, message }] }), {
    status,
    headers: { "Content-Type": "application/json" },
  });

/** A Harbor that holds `artifacts` (`project/repository:tag` → digest) for user `robot$ci`. */
export function fakeHarborFetch(
  artifacts: Record<string, string>,
  password = "s3cret",
): typeof fetch & { urls: string[] } {
  const urls: string[] = [];
  const handler = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(
      typeof input === "string" ? input : input instanceof URL ? input.href : input.url,
    );
    urls.push(url.pathname);
    const headers = new Headers(init?.headers);
    const expected = `Basic ${Buffer.from(`robot$ci:${password}`).toString("base64")}`;
    if (headers.get("Authorization") !== expected) {
      return Promise.resolve(harborError(401, "UNAUTHORIZED", "unauthorized"));
    }
    const match =
      /^\/api\/v2\.0\/projects\/([^/]+)\/repositories\/([^/]+)\/artifacts\/([^/]+)$/.exec(
        url.pathname,
      );
    if (!match) return Promise.resolve(harborError(404, "NOT_FOUND", "not found"));
    const [, project = "", encodedRepository = "", reference = ""] = match;
    // The router decodes the path once; the handler unescapes the repository name again.
    const repository = decodeURIComponent(decodeURIComponent(encodedRepository));
    const key = `${decodeURIComponent(project)}/${repository}:${decodeURIComponent(reference)}`;
    const digest = artifacts[key];
    if (!digest) {
      return Promise.resolve(harborError(404, "NOT_FOUND", `artifact ${key} not found`));
    }
    return Promise.resolve(
      new Response(
        JSON.stringify({
          id: 7,
          type: "IMAGE",
          media_type: "application/vnd.oci.image.manifest.v1+json",
          digest,
          tags: [{ name: reference, immutable: false }],
          repository_name: `${project}/${repository}`,
        }),
        { status: 200, headers: { "Content-Type": "application/json" } },
      ),
    );
  };
  return Object.assign(handler, { urls }) as typeof fetch & { urls: string[] };
}

const NOW = new Date("2026-12-01T12:00:00Z");

/** A `replSetGetStatus` answer: `lags` maps member name to seconds behind the primary. */
export function replicaSetStatus(
  primary: string,
  members: Record<string, { state?: string; lag?: number }>,
): ReplicaSetStatus {
  return {
    set: "rs0",
    members: [
      { name: primary, stateStr: "PRIMARY", optimeDate: NOW },
      ...Object.entries(members).map(([name, m]) => ({
        name,
        stateStr: m.state ?? "SECONDARY",
        ...(m.lag === undefined ? {} : { optimeDate: new Date(NOW.getTime() - m.lag * 1000) }),
      })),
    ],
  };
}

export function fakeMongo(status: ReplicaSetStatus): ReplicaSetStatusSource {
  return { status: () => Promise.resolve(status) };
}

export function fakeSnapshots(found: SnapshotFacts[]): SnapshotSource {
  return {
    find: (names) => Promise.resolve(found.filter((s) => names.includes(s.name))),
  };
}
