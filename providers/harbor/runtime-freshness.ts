/**
 * Whether the built `@baremetal/harbor-runtime` bundle holds the provider code in this tree (the
 * check itself: providers/shared/runtimeFreshness.ts). Resources call `assertRuntimeFresh` before
 * they register, so an edit without a rebuild cannot deploy the old code.
 */
import { runtimeFreshness } from "../shared/runtimeFreshness";

export const harborRuntime = runtimeFreshness("harbor", "Harbor");
