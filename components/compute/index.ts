export * from "./compute";
export * from "./host";
export * from "./payloads";
export * from "./proxmoxCsiAccess";
