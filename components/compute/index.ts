export * from "./cloudInit";
export * from "./compute";
export * from "./host";
export * from "./payloads";
export * from "./resilience";
