/** cert-manager ClusterIssuers the stack declares; `ca` issuers get their root Secret first. */
import * as k8s from "../sdk/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { ClusterIssuerConfig } from "../config/kubernetes";
import { mustExist } from "../invariant";
import { caRootSecretName, clusterIssuer, type Manifest } from "./issuers";
import type { CertificateAuthority } from "./types";
import { namespaces } from "./values/common";

export interface PlatformIssuersArgs {
  readonly provider: k8s.Provider;
  readonly issuers: readonly ClusterIssuerConfig[];
  /** Root key pairs of the `ca` issuers, by issuer name (see Microk8sCluster). */
  readonly certificateAuthorities: Readonly<Record<string, CertificateAuthority>>;
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
    for (const issuer of args.issuers) {
      let dependsOn = args.dependsOn;
      if (issuer.kind === "ca") {
        // Microk8sCluster generates a key pair for every `ca` issuer of the same config.
        const authority = mustExist(
          args.certificateAuthorities[issuer.name],
          `the key pair of issuer ${issuer.name}`,
        );
        const root = new k8s.core.v1.Secret(
          `${name}-${issuer.name}-root`,
          {
            metadata: { name: caRootSecretName(issuer.name), namespace: namespaces.certManager },
            type: "kubernetes.io/tls",
            stringData: pulumi.secret({
              "tls.crt": authority.certPem,
              "tls.key": authority.privateKeyPem,
            }),
          },
          { ...childOpts, dependsOn: args.dependsOn },
        );
        dependsOn = [...args.dependsOn, root];
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
