/** Test fixtures for stacks live beside the scripts that also use them (scripts do not import tests). */
export * from "../../scripts/support/stacks/synthetic";
