export * from "./addressing";
export * from "./capacity";
export * from "./issues";
export * from "./load";
export * from "./roles";
export * from "./schema";
export * from "./validate";
export * from "./vrrp";
