/**
 * cert-manager issuers the stack declares, as plain manifests. A `ca` issuer signs with the root
 * key pair Pulumi generated (Microk8sCluster), stored in the `<name>-root` TLS Secret in
 * cert-manager's namespace, which is where a ClusterIssuer looks for it.
 */
import type { ClusterIssuerConfig } from "../config/kubernetes";

export const CLOUDFLARE_TOKEN_SECRET = "cloudflare-api-token";

export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  spec: Record<string, unknown>;
}

/** Name of the TLS Secret holding a `ca` issuer's root key pair. */
export function caRootSecretName(issuer: string): string {
  return `${issuer}-root`;
}

export function clusterIssuer(issuer: ClusterIssuerConfig): Manifest {
  const metadata = { name: issuer.name };
  const base = { apiVersion: "cert-manager.io/v1", kind: "ClusterIssuer", metadata };
  switch (issuer.kind) {
    case "selfSigned":
      return { ...base, spec: { selfSigned: {} } };
    case "ca":
      return { ...base, spec: { ca: { secretName: caRootSecretName(issuer.name) } } };
    case "acme":
      return {
        ...base,
        spec: {
          acme: {
            server: issuer.server,
            email: issuer.email,
            privateKeySecretRef: { name: `${issuer.name}-account-key` },
            solvers: [
              {
                dns01: {
                  cloudflare: {
                    apiTokenSecretRef: { name: CLOUDFLARE_TOKEN_SECRET, key: "api-token" },
                  },
                },
              },
            ],
          },
        },
      };
  }
}
