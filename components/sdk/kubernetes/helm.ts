export * as v3 from "./helm/v3";
