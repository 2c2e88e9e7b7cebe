/**
 * Whether the built `@baremetal/migration-runtime` bundle holds the provider code in this tree (the
 * check itself: providers/shared/runtimeFreshness.ts). Every resource of the
 * family asserts it before it registers (providers/shared/thinResource.ts).
 */
import { familyFreshness } from "../shared/runtimeFreshness";
import { MIGRATION } from "./thin";

export const migrationRuntime = familyFreshness(MIGRATION);
