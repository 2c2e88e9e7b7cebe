/**
 * cert-manager issuers the stack declares, as plain manifests. A `ca` issuer gets its root from a
 * self-signed Certificate issued in-cluster; its public certificate is in the `<name>-root`
 * Secret (copy it into `registryCaPem` so node containerd trusts Harbor).
 */
import type { ClusterIssuerConfig } from "./config";
import { namespaces } from "./values/common";

export const CLOUDFLARE_TOKEN_SECRET = "cloudflare-api-token";

export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  spec: Record<string, unknown>;
}

export function caRootSecretName(issuer: string): string {
  return `${issuer}-root`;
}

/** The Certificate that mints a `ca` issuer's root key pair (in cert-manager's namespace). */
export function caRootCertificate(issuer: Extract<ClusterIssuerConfig, { kind: "ca" }>): Manifest {
  return {
    apiVersion: "cert-manager.io/v1",
    kind: "Certificate",
    metadata: { name: caRootSecretName(issuer.name), namespace: namespaces.certManager },
    spec: {
      isCA: true,
      commonName: issuer.commonName,
      secretName: caRootSecretName(issuer.name),
      duration: "87600h",
      privateKey: { algorithm: "ECDSA", size: 256 },
      issuerRef: { name: issuer.rootIssuer, kind: "ClusterIssuer", group: "cert-manager.io" },
    },
  };
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
