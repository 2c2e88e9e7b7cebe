export * as linux from "./network/linux";
