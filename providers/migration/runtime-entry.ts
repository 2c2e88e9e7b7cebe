/**
 * Entry of the `@baremetal/migration-runtime` bundle (scripts/build-migration-runtime.mjs): the
 * provider implementations the thin providers stored in state load by package name in the
 * dynamic-provider host (providers/shared/thinText.ts).
 *
 * API, do not change: `providers` and every type name in it are called by thin providers stored
 * in existing stacks' state. Add names; never rename or remove one.
 */
import { phaseGateProvider } from "./phaseGate";

export const providers = { PhaseGate: phaseGateProvider } as const;
