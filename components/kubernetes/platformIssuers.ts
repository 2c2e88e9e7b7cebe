/** cert-manager ClusterIssuers (and CA roots) the stack declares, ordered root before CA. */
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { ClusterIssuerConfig } from "./config";
import { caRootCertificate, clusterIssuer, type Manifest } from "./issuers";

export interface PlatformIssuersArgs {
  readonly provider: k8s.Provider;
  readonly issuers: readonly ClusterIssuerConfig[];
  /** cert-manager itself: its CRDs and webhook must exist first. */
  readonly dependsOn: pulumi.Resource[];
}

/** Waits for the Ready condition, so dependents see a usable issuer. */
function ready(
  manifest: Manifest,
): Manifest & { metadata: { annotations: Record<string, string> } } {
  return {
    ...manifest,
    metadata: { ...manifest.metadata, annotations: { "pulumi.com/waitFor": "condition=Ready" } },
  };
}

export class PlatformIssuers extends pulumi.ComponentResource {
  static readonly __pulumiType = "baremetal:kubernetes:PlatformIssuers";

  public readonly issuers: Record<string, k8s.apiextensions.CustomResource> = {};

  constructor(name: string, args: PlatformIssuersArgs, opts?: pulumi.ComponentResourceOptions) {
    super(PlatformIssuers.__pulumiType, name, {}, opts);
    const childOpts = { parent: this, provider: args.provider };
    // Self-signed and ACME issuers first; CA issuers need their root issuer to mint the root.
    const ordered = [...args.issuers].sort(
      (a, b) => Number(a.kind === "ca") - Number(b.kind === "ca"),
    );
    for (const issuer of ordered) {
      let dependsOn = args.dependsOn;
      if (issuer.kind === "ca") {
        const rootIssuer = this.issuers[issuer.rootIssuer];
        const root = new k8s.apiextensions.CustomResource(
          `${name}-${issuer.name}-root`,
          ready(caRootCertificate(issuer)),
          { ...childOpts, dependsOn: rootIssuer ? [rootIssuer] : args.dependsOn },
        );
        dependsOn = [root];
      }
      this.issuers[issuer.name] = new k8s.apiextensions.CustomResource(
        `${name}-${issuer.name}`,
        ready(clusterIssuer(issuer)),
        { ...childOpts, dependsOn },
      );
    }
    this.registerOutputs({ issuers: Object.keys(this.issuers) });
  }
}
