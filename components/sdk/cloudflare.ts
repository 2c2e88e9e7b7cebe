/**
 * The `@pulumi/cloudflare` classes the program uses, imported from their own modules.
 *
 * The package index is a 266 KB file of lazy loaders for every Cloudflare resource, read and run
 * in every preview and every test process that touches DNS; the three classes used here are a few
 * kilobytes each. Use as `import * as cloudflare from "../sdk/cloudflare"`: `cloudflare.DnsRecord`
 * and friends keep the package's own names. Add a class here when a layer needs one.
 */
export { DnsRecord, type DnsRecordArgs } from "@pulumi/cloudflare/dnsRecord";
export { Provider, type ProviderArgs } from "@pulumi/cloudflare/provider";
export { Ruleset, type RulesetArgs } from "@pulumi/cloudflare/ruleset";
