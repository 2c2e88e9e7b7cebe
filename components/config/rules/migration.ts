/**
 * The move off AWS: the migration phase needs the estate it moves from and the zone it cuts, the
 * images it checks must live in the ECR repositories Harbor replicates, and only a staging estate
 * may be rehearsed back and forth.
 */
import type { Report, Sections } from "./context";
import { duplicates } from "./context";

/** MongoDB allows at most 7 voting members and 50 members in a replica set. */
const MAX_VOTERS = 7;
const MAX_MEMBERS = 50;

function repositoryOf(image: string): string {
  return image.slice(0, image.lastIndexOf(":"));
}

export function migrationRules(sections: Sections, report: Report): void {
  const { aws, cloudflare, migration, guests, harbor } = sections;
  if (aws) {
    duplicates(
      aws.eks.nodeGroups,
      (g) => g.name,
      (i, key) =>
        report(["aws", "eks", "nodeGroups", i, "name"], `node group "${key}" is listed twice`),
    );
    duplicates(
      aws.volumes,
      (v) => v.name,
      (i, key) => report(["aws", "volumes", i, "name"], `volume name "${key}" is used twice`),
    );
    duplicates(
      aws.volumes,
      (v) => v.volumeId,
      (i, key) => report(["aws", "volumes", i, "volumeId"], `volume ${key} is listed twice`),
    );
    duplicates(
      aws.mongodb.members,
      (m) => m.host,
      (i, key) => report(["aws", "mongodb", "members", i, "host"], `member ${key} is listed twice`),
    );
    const voters = aws.mongodb.members.filter((m) => m.votes === 1).length;
    if (voters > MAX_VOTERS) {
      report(["aws", "mongodb", "members"], `${voters} voting members; MongoDB allows at most 7`);
    }
    if (voters === 0) report(["aws", "mongodb", "members"], "the replica set has no voting member");
  }
  if (cloudflare) {
    duplicates(
      cloudflare.records,
      (r) => r.name,
      (i, key) => report(["cloudflare", "records", i, "name"], `record ${key} is declared twice`),
    );
  }
  if (!migration) return;
  if (!aws) report(["migration"], "needs baremetal:aws (the estate the platform moves from)");
  if (!cloudflare)
    report(["migration"], "needs baremetal:cloudflare (the zone whose access it cuts)");
  if (aws) {
    const repositories = new Set(aws.ecr.repositories);
    migration.images.forEach((image, i) => {
      if (!repositories.has(repositoryOf(image))) {
        report(
          ["migration", "images", i],
          `repository "${repositoryOf(image)}" is not in baremetal:aws.ecr.repositories, so Harbor never replicates it`,
        );
      }
    });
    if (migration.rehearsal && aws.environment !== "staging") {
      report(
        ["migration", "rehearsal"],
        "only a staging estate may be rehearsed; production advances one phase at a time",
      );
    }
  }
  // Harbor pulls the workloads' images from ECR into this project; the cutover check looks there.
  if (harbor && !harbor.projects.some((p) => p.name === migration.harborProject)) {
    report(
      ["migration", "harborProject"],
      `"${migration.harborProject}" is not a project in baremetal:harbor.projects, so the images from ECR have nowhere to land`,
    );
  }
  if (migration.walkBack && !migration.rehearsal) {
    report(["migration", "walkBack"], "walking back is only for a rehearsal (set rehearsal: true)");
  }
  if (migration.walkBack && migration.phase === "done") {
    report(["migration", "walkBack"], 'there is no phase after "done" to walk back from');
  }
  const datacenterMembers = (guests ?? []).filter((g) => g.role === "mongodb").length;
  if (guests && datacenterMembers === 0) {
    report(["migration"], "the data center has no mongodb guest to take over the replica set");
  }
  if (aws && aws.mongodb.members.length + datacenterMembers > MAX_MEMBERS) {
    report(
      ["aws", "mongodb", "members"],
      `the joint replica set would exceed ${MAX_MEMBERS} members`,
    );
  }
}
