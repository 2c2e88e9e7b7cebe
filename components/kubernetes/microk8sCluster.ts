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
import type { KubernetesConfig } from "./config";
import { certificateFingerprint, renderNodeUserData } from "./launchConfig";
import type { CertificateAuthority, Microk8sNodeSpec, NodeLogin } from "./types";

export interface Microk8sClusterArgs {
  readonly config: KubernetesConfig;
  /** Node VMs; names are natural keys and must be unique. */
  readonly nodes: Microk8sNodeSpec[];
  /** `region` is the topology region the kubelets register with (the Proxmox cluster). */
  readonly site: { internalZone: string; region: string };
  /** Host name of the internal Harbor that containerd trusts. */
  readonly harborRegistryHost: string;
  /** Login user and keys every node gets (see NodeUserDataInput.login). */
  readonly login?: NodeLogin;
}

/** Checks the node plan against the config; throws with the offending arg named. */
export function validateNodes(config: KubernetesConfig, nodes: readonly Microk8sNodeSpec[]): void {
  const names = nodes.map((n) => n.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) throw new Error(`[nodes] node name ${duplicate} is not unique`);
  const bootstraps = nodes.filter((n) => n.role === "bootstrap");
  if (bootstraps.length !== 1) {
    throw new Error(`[nodes] need exactly one bootstrap node, got ${bootstraps.length}`);
  }
  if (bootstraps[0]?.worker) throw new Error("[nodes] the bootstrap node cannot be a worker");
  const controlPlane = nodes.filter((n) => !n.worker).length;
  if (controlPlane !== config.controlPlaneNodes) {
    throw new Error(
      `[nodes] ${controlPlane} control-plane nodes but [config.controlPlaneNodes] is ${config.controlPlaneNodes}`,
    );
  }
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
    validateNodes(args.config, args.nodes);
    const bootstrap = args.nodes.find((n) => n.role === "bootstrap");
    if (!bootstrap) throw new Error("[nodes] no bootstrap node");
    this.bootstrapNode = { name: bootstrap.name, ip: bootstrap.ip };

    // microk8s requires exactly 32 characters; letters and digits keep it URL-path safe.
    const token = new random.RandomPassword(
      `${name}-token`,
      { length: 32, special: false, upper: true, lower: true, numeric: true },
      { parent: this, additionalSecretOutputs: ["result"] },
    );
    this.token = pulumi.secret(token.result);

    for (const issuer of args.config.issuers) {
      if (issuer.kind !== "ca") continue;
      this.certificateAuthorities[issuer.name] = this.certificateAuthority(name, issuer);
    }
    const trustedCaPems = pulumi.all(
      Object.values(this.certificateAuthorities).map((ca) => ca.certPem),
    );

    const agent = this.clusterAgentIdentity(name, bootstrap.ip);
    this.clusterAgentFingerprint = agent.certPem.apply(certificateFingerprint);

    this.userData = {};
    for (const node of args.nodes) {
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
              config: args.config,
              node,
              bootstrapIp: bootstrap.ip,
              token: value,
              harborRegistryHost: args.harborRegistryHost,
              internalZone: args.site.internalZone,
              region: args.site.region,
              trustedCaPems: caPems,
              sshHostKey: { privateKeyOpenssh: hostPrivate, publicKeyOpenssh: hostPublic },
              clusterAgent: { certPem: agentCert, privateKeyPem: agentKey },
              ...(args.login ? { login: args.login } : {}),
            }),
          ),
      );
    }

    const bootstrapKey = this.sshHostKeys[bootstrap.name];
    if (!bootstrapKey) throw new Error(`[nodes] no host key for ${bootstrap.name}`);
    this.bootstrapSshHostKey = bootstrapKey;

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
