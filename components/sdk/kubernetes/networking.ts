export * as v1 from "./networking/v1";
