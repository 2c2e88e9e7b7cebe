export * from "./dns";
export * from "./firewall";
export * from "./network";
export * from "./plan";
export * from "./router";
export * from "./snmp";
