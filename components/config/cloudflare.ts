/**
 * `baremetal:cloudflare`: the public zone in front of the platform. During the move its records
 * keep pointing at AWS until the data center takes over, and a maintenance rule cuts access for
 * everyone but the team while data moves.
 */
import { z } from "./zod";
import { isIpv4Address, isIpv4Cidr } from "./addressing";

const hostname = z
  .string()
  .regex(
    /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    "must be a lowercase host name such as api.example.com",
  );

export const recordTargetSchema = z
  .strictObject({
    type: z.enum(["A", "CNAME"]),
    content: z.string().min(1),
  })
  .superRefine((target, ctx) => {
    if (target.type === "A" && !isIpv4Address(target.content)) {
      ctx.addIssue({ code: "custom", path: ["content"], message: "an A record needs an IPv4" });
    }
    if (target.type === "CNAME" && !hostname.safeParse(target.content).success) {
      ctx.addIssue({ code: "custom", path: ["content"], message: "a CNAME needs a host name" });
    }
  });

export const publicRecordSchema = z.strictObject({
  /** Full name of the record, e.g. `api.example.com`. */
  name: hostname,
  proxied: z.boolean().default(true),
  /** Where the record points while the platform runs on AWS (typically the load balancer). */
  aws: recordTargetSchema,
  /** Where it points once the data center serves the platform (`done`). */
  datacenter: recordTargetSchema,
  /** Id of the record already in the zone, adopted (`import`) instead of created beside it. */
  cloudflareId: z
    .string()
    .regex(/^[0-9a-f]{32}$/, "must be a Cloudflare record id (32 hex digits)")
    .optional(),
});

export const cloudflareSchema = z.strictObject({
  zoneId: z.string().regex(/^[0-9a-f]{32}$/, "must be a Cloudflare zone id (32 hex digits)"),
  records: z.array(publicRecordSchema).min(1),
  /** The team's addresses: they keep access while the platform is closed, to test it. */
  allowlist: z
    .array(z.string().refine((v) => isIpv4Cidr(v), "must be an IPv4 prefix such as 203.0.113.0/24"))
    .min(1),
  maintenance: z
    .strictObject({
      /** `page`: a 503 with a maintenance page; `block`: Cloudflare's plain block page. */
      style: z.enum(["page", "block"]).default("page"),
      message: z
        .string()
        .min(1)
        .default("We are moving to new infrastructure and will be back in a few minutes."),
    })
    .default({
      style: "page",
      message: "We are moving to new infrastructure and will be back in a few minutes.",
    }),
  /** Id of the zone's existing custom-firewall entrypoint ruleset, adopted instead of created. */
  firewallRulesetId: z
    .string()
    .regex(/^[0-9a-f]{32}$/)
    .optional(),
});

export type CloudflareConfig = z.infer<typeof cloudflareSchema>;
export type PublicRecord = z.infer<typeof publicRecordSchema>;
export type RecordTarget = z.infer<typeof recordTargetSchema>;
