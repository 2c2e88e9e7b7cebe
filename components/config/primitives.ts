/**
 * The value vocabulary every section of the stack configuration shares, so that a DNS label, a
 * domain name or an address is checked, and explained, the same way wherever it appears.
 */
import { z } from "./zod";
import { isIpv4Address, isIpv4Cidr } from "./addressing";

export const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
export const DOMAIN_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export const dnsLabel = z
  .string()
  .regex(
    DNS_LABEL,
    "must be a DNS label: 1-63 lowercase letters, digits or '-', not starting or ending with '-'",
  );
export const domainName = z
  .string()
  .regex(DOMAIN_NAME, "must be a lowercase domain name such as example.com");
export const ipv4 = z.string().refine(isIpv4Address, "must be an IPv4 address such as 10.0.0.1");
export const cidr = z.string().refine(isIpv4Cidr, "must be an IPv4 prefix such as 10.0.0.0/24");
/** A Proxmox storage (datastore) id such as `local-lvm` or `nvme`. */
export const storageId = z
  .string()
  .regex(/^[a-z][a-z0-9-_]*$/, "must be a Proxmox storage id such as local-lvm");
export const positiveInt = z.number().int().positive();
export const port = z.number().int().min(1).max(65535);
export const httpUrl = z.url({ protocol: /^https?$/ });
/** An exact release, never a range or a moving tag: `1.2.3`, `v1.2.3`, `1.2.3-rc.1`. */
export const exactVersion = z
  .string()
  .regex(
    /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/,
    "must be an exact version such as 1.2.3 (no range, no 'latest')",
  );
