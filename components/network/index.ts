export * from "./network";
export * from "./router";
export * from "./routerSnmp";
export type { DnsRecord, SnmpV3Credentials } from "../plan";
