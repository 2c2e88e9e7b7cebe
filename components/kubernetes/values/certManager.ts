/** cert-manager values (chart jetstack/cert-manager). */
import type { ValuesContext } from "./common";

export interface CertManagerValues {
  crds: { enabled: boolean; keep: boolean };
  replicaCount: number;
  /** DNS-01 self-checks must ask public resolvers, not the split-horizon internal DNS. */
  dns01RecursiveNameservers: string;
  dns01RecursiveNameserversOnly: boolean;
  prometheus: { enabled: boolean; servicemonitor: { enabled: boolean } };
  webhook: { replicaCount: number };
  cainjector: { replicaCount: number };
}

export function certManagerValues(ctx: ValuesContext): CertManagerValues {
  const replicas = ctx.config.replicas;
  return {
    // The chart defaults to not installing CRDs; keep them on uninstall so certificates survive.
    crds: { enabled: true, keep: true },
    replicaCount: replicas,
    dns01RecursiveNameservers: "1.1.1.1:53,8.8.8.8:53",
    dns01RecursiveNameserversOnly: true,
    prometheus: { enabled: true, servicemonitor: { enabled: true } },
    webhook: { replicaCount: replicas },
    cainjector: { replicaCount: replicas },
  };
}
