/** What every service role component receives from the layer. */
import type * as pulumi from "@pulumi/pulumi";
import type { HostAccess } from "./guestSteps";
import type { GuestTarget } from "./transport";

/**
 * A private CA's root as the cluster layer generates it (structurally the same as its type; kept
 * here so this layer imports no other layer). The key is secret.
 */
export interface CertificateAuthority {
  readonly certPem: pulumi.Output<string>;
  readonly privateKeyPem: pulumi.Output<string>;
}

export interface ServiceGuest extends GuestTarget {
  readonly fqdn: string;
  readonly ip: string;
  /** The guest's data mount, where the service keeps its state. */
  readonly dataDir?: string;
}

export interface ServiceContext {
  readonly guest: ServiceGuest;
  readonly access: HostAccess;
  /** Signs the service's server certificate. */
  readonly ca: CertificateAuthority;
  /** PEM roots clients verify the service against (the same bundle the platform trusts). */
  readonly caBundle: pulumi.Output<string>;
  /** The container (its steps wait for it). */
  readonly dependsOn: pulumi.Input<pulumi.Resource>[];
}

export function requireDataDir(guest: ServiceGuest, service: string): string {
  if (!guest.dataDir) {
    throw new Error(
      `[guests] ${guest.guest}: ${service} keeps state and needs a dataDisk with a mountPath`,
    );
  }
  return guest.dataDir;
}
