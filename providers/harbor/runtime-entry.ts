/**
 * Entry of the `@baremetal/harbor-runtime` bundle (scripts/build-harbor-runtime.mjs): the
 * provider implementations the thin providers (thin.ts) load by package name in the
 * dynamic-provider host.
 *
 * API, do not change: `providers` and every type name in it are called by thin providers stored
 * in existing stacks' state (see thin.ts).
 */
import { providers as implementations, type ProviderName } from "./providers";
import type { RuntimeProvider } from "./thin";

export const providers: Readonly<Record<ProviderName, RuntimeProvider>> = implementations;
