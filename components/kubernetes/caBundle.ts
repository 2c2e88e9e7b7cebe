/** The stack's own CA roots as one PEM bundle, for the clients that verify external services. */
import * as pulumi from "@pulumi/pulumi";
import type { KubernetesConfig } from "../config/kubernetes";
import type { CertificateAuthority } from "./types";
import { hasPrivateCa } from "./values/harbor";

/**
 * PEM bundle of the stack's own CA roots: every `ca` issuer's root, then `registryCaPem`.
 * Undefined when the stack has none (public certificates only).
 */
export function privateCaBundle(
  config: KubernetesConfig,
  authorities: Readonly<Record<string, CertificateAuthority>>,
): pulumi.Output<string> | undefined {
  if (!hasPrivateCa(config)) return undefined;
  const roots = config.issuers.flatMap((issuer) => {
    const authority = issuer.kind === "ca" ? authorities[issuer.name] : undefined;
    return authority ? [authority.certPem] : [];
  });
  return pulumi
    .all(roots)
    .apply((pems) => [...pems, ...(config.registryCaPem ? [config.registryCaPem] : [])])
    .apply((pems) => pems.map((pem) => (pem.endsWith("\n") ? pem : `${pem}\n`)).join(""));
}
