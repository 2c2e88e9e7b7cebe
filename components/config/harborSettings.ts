/**
 * `baremetal:harbor`: what the platform's Harbor holds, configured through its API once it runs
 * (components/harbor): projects with quota, scanning and pull-blocking, robot accounts, tag
 * retention and immutability, the GC schedule, the system CVE allowlist, the default scanner,
 * and the application namespaces that get an image-pull Secret. Optional: a stack without it
 * leaves Harbor as the Helm chart made it. (`rules/harbor.ts` is a different concern: where
 * Harbor's own services run.)
 */
import { z } from "./zod";
import { cronProblem } from "../../providers/harbor/values";
import { parseQuota } from "../../providers/harbor/values";

const harborName = z
  .string()
  .regex(
    /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/,
    "must be lowercase letters and digits, separated by single '.', '_' or '-'",
  );
const dnsLabel = z
  .string()
  .regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, "must be a Kubernetes namespace name");
const cron = z.string().superRefine((value, ctx) => {
  const problem = cronProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});
const quota = z
  .union([z.number(), z.string()])
  .default("unlimited")
  .superRefine((value, ctx) => {
    const parsed = parseQuota(value);
    if (typeof parsed === "string") ctx.addIssue({ code: "custom", message: parsed });
  });

const retentionRuleSchema = z.strictObject({
  /** `latestPushedK` keeps the N most recently pushed, `nDaysSinceLastPull` what was pulled in N days… */
  template: z.enum([
    "latestPushedK",
    "latestPulledN",
    "latestActiveK",
    "nDaysSinceLastPush",
    "nDaysSinceLastPull",
    "always",
  ]),
  count: z.number().int().positive().optional(),
  repositories: z.string().min(1).default("**"),
  tags: z.string().min(1).default("**"),
  untagged: z.boolean().default(false),
});

const projectSchema = z.strictObject({
  name: harborName,
  public: z.boolean().default(false),
  /** Bytes, `-1`/`"unlimited"`, or `"50Gi"` (binary units, as Harbor's UI shows them). */
  storageQuota: quota,
  /** Scan each pushed image. */
  autoScan: z.boolean().default(true),
  /** Refuse pulls of images with a vulnerability at or above `severity`. */
  preventVulnerable: z.boolean().default(false),
  severity: z.enum(["none", "low", "medium", "high", "critical"]).default("high"),
  retention: z
    .strictObject({
      /** 6-field cron (seconds first); omit to run only from the UI. */
      schedule: cron.optional(),
      rules: z.array(retentionRuleSchema).min(1).max(15),
    })
    .optional(),
  /** Tag patterns nobody may overwrite or delete (e.g. release tags). */
  immutableTags: z
    .array(
      z.strictObject({ repositories: z.string().min(1).default("**"), tags: z.string().min(1) }),
    )
    .max(15)
    .default([]),
});

const ACCESS = /^[a-z-]+:[a-z-]+$/;

const robotSchema = z.strictObject({
  /** Short name; Harbor shows `robot$<project>+<name>`. */
  name: harborName,
  project: harborName,
  /** `resource:action` pairs, e.g. `repository:pull`, `repository:push`, `artifact:read`. */
  access: z
    .array(z.string().regex(ACCESS, "must be resource:action"))
    .min(1)
    .default(["repository:pull"]),
  description: z.string().default(""),
  /** Change it (a date, a counter) to rotate the robot's secret on the next `pulumi up`. */
  rotation: z.union([z.string(), z.number()]).optional(),
});

export const harborSettingsSchema = z
  .strictObject({
    /** PEM of the CA that signed Harbor's certificate, on the machine running `pulumi up`. */
    caFile: z.string().min(1).optional(),
    /** Skip certificate verification; only for a lab Harbor. */
    insecure: z.boolean().default(false),
    projects: z.array(projectSchema).default([]),
    robots: z.array(robotSchema).default([]),
    /** A `kubernetes.io/dockerconfigjson` Secret in each namespace, from a pull-only robot. */
    imagePull: z
      .strictObject({
        namespaces: z.array(dnsLabel).default([]),
        secretName: dnsLabel.default("harbor-pull"),
        /** System robot with pull access to every private project (`robot$<name>`). */
        robotName: harborName.default("k8s-pull"),
        rotation: z.union([z.string(), z.number()]).optional(),
      })
      .default({ namespaces: [], secretName: "harbor-pull", robotName: "k8s-pull" }),
    garbageCollection: z
      .strictObject({
        /** 6-field cron, or `none`. */
        schedule: z.union([z.literal("none"), cron]).default("0 0 3 * * 6"),
        deleteUntagged: z.boolean().default(true),
        workers: z.number().int().min(1).max(5).default(1),
      })
      .default({ schedule: "0 0 3 * * 6", deleteUntagged: true, workers: 1 }),
    cveAllowlist: z
      .strictObject({
        items: z.array(z.string().regex(/^CVE-\d{4}-\d{4,}$/i, "must be a CVE id")).default([]),
        /** Unix seconds after which the allowlist no longer applies. */
        expiresAt: z.number().int().positive().optional(),
      })
      .default({ items: [] }),
    /** The default scanner; the chart's own Trivy registration is adopted when it exists. */
    scanner: z
      .strictObject({
        name: z.string().min(1).default("Trivy"),
        url: z.url({ protocol: /^https?$/ }).default("http://harbor-trivy:8080"),
      })
      .default({ name: "Trivy", url: "http://harbor-trivy:8080" }),
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.projects.forEach((p, i) => {
      if (seen.has(p.name)) {
        ctx.addIssue({
          code: "custom",
          path: ["projects", i, "name"],
          message: `duplicate project "${p.name}"`,
        });
      }
      seen.add(p.name);
      p.retention?.rules.forEach((r, j) => {
        if (r.template !== "always" && r.count === undefined) {
          ctx.addIssue({
            code: "custom",
            path: ["projects", i, "retention", "rules", j, "count"],
            message: `is required by ${r.template}`,
          });
        }
      });
    });
    const robots = new Set<string>();
    s.robots.forEach((r, i) => {
      if (!seen.has(r.project)) {
        ctx.addIssue({
          code: "custom",
          path: ["robots", i, "project"],
          message: `"${r.project}" is not a project in baremetal:harbor.projects`,
        });
      }
      const key = `${r.project}+${r.name}`;
      if (robots.has(key)) {
        ctx.addIssue({
          code: "custom",
          path: ["robots", i, "name"],
          message: `duplicate robot "${key}"`,
        });
      }
      robots.add(key);
    });
    const namespaces = s.imagePull.namespaces;
    namespaces.forEach((n, i) => {
      if (namespaces.indexOf(n) !== i) {
        ctx.addIssue({
          code: "custom",
          path: ["imagePull", "namespaces", i],
          message: `duplicate namespace "${n}"`,
        });
      }
    });
  });

export type HarborSettings = z.infer<typeof harborSettingsSchema>;
export type HarborProjectSettings = HarborSettings["projects"][number];
