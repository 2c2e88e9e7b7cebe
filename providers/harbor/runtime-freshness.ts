/**
 * Whether the built `@baremetal/harbor-runtime` bundle holds the provider code in this tree (the
 * check itself: providers/shared/runtimeFreshness.ts). Every resource of the
 * family asserts it before it registers (providers/shared/thinResource.ts).
 */
import { familyFreshness } from "../shared/runtimeFreshness";
import { HARBOR } from "./thin";

export const harborRuntime = familyFreshness(HARBOR);
