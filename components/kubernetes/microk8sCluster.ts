/**
 * Step (a) of cluster formation: the cluster token, the roots of the private CAs (`ca` issuers)
 * and each node's cloud-init user-data, which trusts those roots from the first boot (containerd
 * pulls from Harbor, whose certificate such a CA issues).
 *
 * It is separate from the platform step because of a dependency cycle: the VMs need the
 * user-data, which needs the token, while the platform needs the running VMs.
 */
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import * as tls from "@pulumi/tls";
import type { KubernetesConfig } from "../config/kubernetes";
import type { ClusterPlan } from "../plan";
import { renderNodeUserData } from "./launchConfig";
import type { CertificateAuthority } from "./types";

/**
 * The cluster slice of the data-center plan. The config validator has checked what a node list
 * must satisfy (unique names, a control-plane node to bootstrap from, the voter count), so the
 * plan's nodes are used as they are.
 */
export interface Microk8sClusterArgs {
  readonly plan: ClusterPlan;
}

export class Microk8sCluster extends pulumi.ComponentResource {
  static readonly __pulumiType = "baremetal:kubernetes:Microk8sCluster";

  /** Persistent cluster token (secret). */
  public readonly token: pulumi.Output<string>;
  /** Full `#cloud-config` user-data per node name (secret: it carries the token). */
  public readonly userData: Record<string, pulumi.Output<string>>;
  public readonly bootstrapNode: { name: string; ip: string };
  /** Root key pairs of the `ca` issuers, by issuer name. */
  public readonly certificateAuthorities: Record<string, CertificateAuthority> = {};

  constructor(name: string, args: Microk8sClusterArgs, opts?: pulumi.ComponentResourceOptions) {
    super(Microk8sCluster.__pulumiType, name, args, opts);
    const { plan } = args;
    const bootstrap = plan.bootstrap;
    this.bootstrapNode = { name: bootstrap.name, ip: bootstrap.ip };

    // microk8s requires exactly 32 characters; letters and digits keep it URL-path safe.
    const token = new random.RandomPassword(
      `${name}-token`,
      { length: 32, special: false, upper: true, lower: true, numeric: true },
      { parent: this, additionalSecretOutputs: ["result"] },
    );
    this.token = pulumi.secret(token.result);

    for (const issuer of plan.config.issuers) {
      if (issuer.kind !== "ca") continue;
      this.certificateAuthorities[issuer.name] = this.certificateAuthority(name, issuer);
    }
    const trustedCaPems = pulumi.all(
      Object.values(this.certificateAuthorities).map((ca) => ca.certPem),
    );

    this.userData = {};
    for (const node of plan.nodes) {
      this.userData[node.name] = pulumi.secret(
        pulumi.all([this.token, trustedCaPems]).apply(([value, caPems]) =>
          renderNodeUserData({
            config: plan.config,
            node,
            bootstrapIp: bootstrap.ip,
            token: value,
            harborRegistryHost: plan.harborRegistryHost,
            internalZone: plan.site.internalZone,
            region: plan.site.region,
            trustedCaPems: caPems,
            login: plan.login,
          }),
        ),
      );
    }

    this.registerOutputs({
      token: this.token,
      userData: this.userData,
      bootstrapNode: this.bootstrapNode,
      caCertificates: Object.fromEntries(
        Object.entries(this.certificateAuthorities).map(([n, ca]) => [n, ca.certPem]),
      ),
    });
  }

  /** ECDSA P-256 root, valid for the configured years, usable only to sign certificates. */
  private certificateAuthority(
    name: string,
    issuer: Extract<KubernetesConfig["issuers"][number], { kind: "ca" }>,
  ): CertificateAuthority {
    const key = new tls.PrivateKey(
      `${name}-${issuer.name}-key`,
      { algorithm: "ECDSA", ecdsaCurve: "P256" },
      {
        parent: this,
        additionalSecretOutputs: ["privateKeyPem", "privateKeyPemPkcs8", "privateKeyOpenssh"],
      },
    );
    const cert = new tls.SelfSignedCert(
      `${name}-${issuer.name}-cert`,
      {
        privateKeyPem: key.privateKeyPem,
        isCaCertificate: true,
        subject: { commonName: issuer.commonName },
        validityPeriodHours: issuer.validityYears * 365 * 24,
        allowedUses: ["cert_signing", "crl_signing", "digital_signature"],
      },
      // A new root would invalidate every issued certificate and every node's trust store.
      { parent: this, ignoreChanges: ["validityPeriodHours"] },
    );
    return { certPem: cert.certPem, privateKeyPem: pulumi.secret(key.privateKeyPem) };
  }
}
