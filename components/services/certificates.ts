/** Server certificates of the internal CA for the service guests. */
import * as pulumi from "@pulumi/pulumi";
import * as tls from "@pulumi/tls";
import type { CertificateAuthority } from "./context";

export interface IssuedCertificate {
  certPem: pulumi.Output<string>;
  /** Secret. */
  keyPem: pulumi.Output<string>;
}

/** Two years; renewed by `pulumi up` in the last 30 days (the certificate is then replaced). */
export const SERVER_CERT_HOURS = 2 * 365 * 24;
export const SERVER_CERT_RENEW_HOURS = 30 * 24;

/**
 * An ECDSA P-256 key and a certificate signed by `ca` for `fqdn` (SAN) and the guest's address,
 * plus loopback for the tools on the guest itself.
 */
export function issueServerCertificate(
  parent: pulumi.Resource,
  name: string,
  subject: { fqdn: string; ip: string },
  ca: CertificateAuthority,
  /** Also a client certificate (Elasticsearch's transport layer presents it to its peers). */
  clientAuth = false,
): IssuedCertificate {
  const key = new tls.PrivateKey(
    `${name}-tls-key`,
    { algorithm: "ECDSA", ecdsaCurve: "P256" },
    {
      parent,
      additionalSecretOutputs: ["privateKeyPem", "privateKeyPemPkcs8", "privateKeyOpenssh"],
    },
  );
  const request = new tls.CertRequest(
    `${name}-tls-request`,
    {
      privateKeyPem: key.privateKeyPem,
      subject: { commonName: subject.fqdn },
      dnsNames: [subject.fqdn, "localhost"],
      ipAddresses: [subject.ip, "127.0.0.1"],
    },
    { parent },
  );
  const cert = new tls.LocallySignedCert(
    `${name}-tls-cert`,
    {
      certRequestPem: request.certRequestPem,
      caCertPem: ca.certPem,
      caPrivateKeyPem: pulumi.secret(ca.privateKeyPem),
      validityPeriodHours: SERVER_CERT_HOURS,
      earlyRenewalHours: SERVER_CERT_RENEW_HOURS,
      allowedUses: [
        "digital_signature",
        "key_encipherment",
        "server_auth",
        ...(clientAuth ? ["client_auth"] : []),
      ],
    },
    { parent },
  );
  return { certPem: cert.certPem, keyPem: pulumi.secret(key.privateKeyPem) };
}
