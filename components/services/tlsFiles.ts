/** Where a service keeps the certificate the internal CA issued it, as guest files. */
import type { GuestFile } from "./types";

export interface ServerTls {
  /** PEM of the server certificate (leaf). */
  certPem: string;
  /** PEM of its private key. */
  keyPem: string;
  /** PEM of the CA roots that clients (and the service's own tools) verify against. */
  caPem: string;
}

/** cert, key (secret, readable by the service only) and CA bundle under `dir`. */
export function tlsFiles(dir: string, owner: string, tls: ServerTls): GuestFile[] {
  return [
    { path: `${dir}/server.crt`, content: tls.certPem, mode: "0644", owner, secret: false },
    { path: `${dir}/server.key`, content: tls.keyPem, mode: "0600", owner, secret: true },
    { path: `${dir}/ca.crt`, content: tls.caPem, mode: "0644", owner, secret: false },
  ];
}
