export * as v1 from "./core/v1";
