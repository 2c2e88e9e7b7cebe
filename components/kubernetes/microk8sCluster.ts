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
import { mustExist } from "../invariant";
import type { ClusterPlan } from "../plan";
import { certificateFingerprint, renderNodeUserData } from "./launchConfig";
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
  /** Each node's SSH host public key (`ssh-ed25519 AAAA...`), by node name, to pin on connect. */
  public readonly sshHostKeys: Record<string, pulumi.Output<string>> = {};
  /** The bootstrap node's SSH host public key: the kubeconfig is fetched from there. */
  public readonly bootstrapSshHostKey: pulumi.Output<string>;
  /** SHA-256 of the bootstrap node's cluster-agent certificate, which the joiners pin. */
  public readonly clusterAgentFingerprint: pulumi.Output<string>;

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

    const agent = this.clusterAgentIdentity(name, bootstrap.ip);
    this.clusterAgentFingerprint = agent.certPem.apply(certificateFingerprint);

    this.userData = {};
    for (const node of plan.nodes) {
      const hostKey = this.sshHostKey(name, node.name);
      this.sshHostKeys[node.name] = hostKey.publicKeyOpenssh.apply((key) => key.trim());
      this.userData[node.name] = pulumi.secret(
        pulumi
          .all([
            this.token,
            trustedCaPems,
            agent.certPem,
            agent.privateKeyPem,
            hostKey.privateKeyOpenssh,
            hostKey.publicKeyOpenssh,
          ])
          .apply(([value, caPems, agentCert, agentKey, hostPrivate, hostPublic]) =>
            renderNodeUserData({
              config: plan.config,
              node,
              bootstrapIp: bootstrap.ip,
              token: value,
              harborRegistryHost: plan.harborRegistryHost,
              internalZone: plan.site.internalZone,
              region: plan.site.region,
              trustedCaPems: caPems,
              sshHostKey: { privateKeyOpenssh: hostPrivate, publicKeyOpenssh: hostPublic },
              clusterAgent: { certPem: agentCert, privateKeyPem: agentKey },
              login: plan.login,
            }),
          ),
      );
    }

    // The bootstrap node is one of the plan's nodes, so its host key was generated above.
    this.bootstrapSshHostKey = mustExist(
      this.sshHostKeys[bootstrap.name],
      `the SSH host key of ${bootstrap.name}`,
    );

    this.registerOutputs({
      token: this.token,
      userData: this.userData,
      bootstrapNode: this.bootstrapNode,
      sshHostKeys: this.sshHostKeys,
      clusterAgentFingerprint: this.clusterAgentFingerprint,
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

  /**
   * The node's SSH host key, generated here so that the program knows the public half before the
   * VM boots and can refuse any other host when it connects (kubeconfig fetch).
   */
  private sshHostKey(name: string, nodeName: string): tls.PrivateKey {
    return new tls.PrivateKey(
      `${name}-${nodeName}-ssh-host-key`,
      { algorithm: "ED25519" },
      {
        parent: this,
        additionalSecretOutputs: ["privateKeyPem", "privateKeyPemPkcs8", "privateKeyOpenssh"],
      },
    );
  }

  /**
   * The bootstrap node's cluster-agent serving certificate. `microk8s join` does not verify a
   * chain, only the SHA-256 of the presented certificate against the join URL, so a self-signed
   * certificate whose hash the program computes is exactly what the joiners need to pin.
   */
  private clusterAgentIdentity(
    name: string,
    bootstrapIp: string,
  ): { certPem: pulumi.Output<string>; privateKeyPem: pulumi.Output<string> } {
    const key = new tls.PrivateKey(
      `${name}-cluster-agent-key`,
      { algorithm: "ECDSA", ecdsaCurve: "P256" },
      {
        parent: this,
        additionalSecretOutputs: ["privateKeyPem", "privateKeyPemPkcs8", "privateKeyOpenssh"],
      },
    );
    const cert = new tls.SelfSignedCert(
      `${name}-cluster-agent-cert`,
      {
        privateKeyPem: key.privateKeyPem,
        subject: { commonName: "microk8s cluster agent" },
        ipAddresses: [bootstrapIp],
        validityPeriodHours: 20 * 365 * 24,
        allowedUses: ["digital_signature", "key_encipherment", "server_auth"],
      },
      // A new certificate changes the pin in every joiner's user-data; join.py checks only the
      // hash, not the validity period, so it is never renewed behind the operators' backs.
      { parent: this, ignoreChanges: ["validityPeriodHours"] },
    );
    return { certPem: cert.certPem, privateKeyPem: pulumi.secret(key.privateKeyPem) };
  }
}
