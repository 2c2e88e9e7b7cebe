/**
 * `baremetal:migration`: which phase of the move off AWS the stack is in, and what must hold
 * before it may advance.
 */
import { z } from "./zod";

/** The phases in order; a stack advances one at a time (and walks back only in a rehearsal). */
export const MIGRATION_PHASES = ["replicate", "freeze", "cutover", "done"] as const;
export type MigrationPhase = (typeof MIGRATION_PHASES)[number];

export const imageReference = z
  .string()
  .regex(
    /^[a-z0-9]+([._/-][a-z0-9]+)*:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/,
    "must be repository:tag such as payments/api:2026.11.30-1",
  );

export const migrationSchema = z.strictObject({
  phase: z.enum(MIGRATION_PHASES),
  /** The most a new MongoDB member may lag the AWS primary before freeze or cutover. */
  maxReplicationLagSeconds: z.number().positive().default(10),
  /** Every image the workloads run, as `repository:tag` in ECR; Harbor must hold each one. */
  images: z.array(imageReference).min(1),
  /** Harbor project that ECR replicates into (images are `<harbor>/<project>/<repository>:<tag>`). */
  harborProject: z
    .string()
    .regex(/^[a-z0-9]+([._-][a-z0-9]+)*$/)
    .default("aws"),
  /** A rehearsal may walk phases back (staging estates only). */
  rehearsal: z.boolean().default(false),
  /**
   * Rehearsal only: this update walks back to `phase` from the phase after it (instead of
   * advancing to it), which orders the EKS waves and the reconfigs the other way.
   */
  walkBack: z.boolean().default(false),
});

export type MigrationConfig = z.infer<typeof migrationSchema>;
