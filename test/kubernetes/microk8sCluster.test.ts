import * as pulumi from "@pulumi/pulumi";
import { parse } from "yaml";
import { startOfflineEngine, type OfflineEngine } from "../../scripts/offline/engine";
import { parseStackConfig, validateStackConfig } from "../../components/config/validate";
import {
  CLUSTER_AGENT_CERT_PATH,
  CLUSTER_AGENT_KEY_PATH,
  certificateFingerprint,
} from "../../components/kubernetes/launchConfig";
import { Microk8sCluster } from "../../components/kubernetes/microk8sCluster";
import { planCluster } from "../../components/plan/cluster";
import { byTypeAndName, isSecret, leakedSecrets, valueOf } from "./helpers";
import { allSecrets, rawStackConfig, setAt } from "../support/stackConfig";

const plan = planCluster(parseStackConfig(rawStackConfig("production"), allSecrets()));

describe("the node list is checked by the config validator, before any resource", () => {
  const issuesAfter = (change: (raw: Record<string, unknown>) => void): string[] => {
    const raw = rawStackConfig("production");
    change(raw);
    return validateStackConfig(raw, allSecrets()).issues.map((i) => `${i.path}: ${i.message}`);
  };
  const guests = (raw: Record<string, unknown>) =>
    raw["guests"] as { name: string; role: string }[];

  it("accepts the production nodes: one bootstrap plus joiners matching the control-plane count", () => {
    expect(issuesAfter(() => undefined)).toEqual([]);
    expect(plan.nodes.filter((n) => n.role === "bootstrap").map((n) => n.name)).toEqual(["k8s-1"]);
  });

  it("rejects duplicate names, no control-plane node and a wrong voter count", () => {
    expect(
      issuesAfter((raw) => {
        const second = guests(raw).find((g) => g.name === "k8s-2");
        if (second) second.name = "k8s-1";
      }),
    ).toContainEqual(expect.stringContaining('name "k8s-1" is already used'));
    expect(
      issuesAfter((raw) => {
        for (const g of guests(raw)) if (g.role === "k8s-control-plane") g.role = "k8s-worker";
      }),
    ).toContainEqual("baremetal:guests: at least one k8s-control-plane node is required");
    expect(issuesAfter((raw) => setAt(raw, ["kubernetes", "controlPlaneNodes"], 1))).toContainEqual(
      expect.stringContaining("baremetal:kubernetes.controlPlaneNodes: is 1"),
    );
  });
});

describe("Microk8sCluster (production, offline engine)", () => {
  let engine: OfflineEngine;
  let cluster: Microk8sCluster;

  beforeAll(async () => {
    engine = await startOfflineEngine({ project: "baremetal", stack: "production" });
    cluster = new Microk8sCluster("k8s", { plan });
    await valueOf(cluster.urn);
  });

  it("creates one 32-character token as a child of the component", async () => {
    const token = await valueOf(cluster.token);
    expect(token).toHaveLength(32);
    expect(await isSecret(cluster.token)).toBe(true);
    const tokens = engine.resources.filter(
      (r) => r.type === "random:index/randomPassword:RandomPassword",
    );
    expect(tokens.map((t) => [t.name, t.inputs["length"], t.inputs["special"]])).toEqual([
      ["k8s-token", 32, false],
    ]);
    expect(tokens[0]?.parentUrn).toBe(await valueOf(cluster.urn));
  });

  it("exposes secret user-data per node name with the token inside", async () => {
    expect(Object.keys(cluster.userData).sort()).toEqual(["k8s-1", "k8s-2", "k8s-3"]);
    const token = await valueOf(cluster.token);
    for (const [name, data] of Object.entries(cluster.userData)) {
      expect(await isSecret(data)).toBe(true);
      const text = await valueOf(data);
      expect(text.startsWith("#cloud-config\n")).toBe(true);
      expect((parse(text) as { hostname: string }).hostname).toBe(name);
      expect(text).toContain(token);
    }
    expect(await valueOf(cluster.userData["k8s-2"] as pulumi.Output<string>)).toContain(
      `microk8s join 10.30.0.11:25000/${token}`,
    );
  });

  it("generates each ca issuer's root before the VMs and makes every node trust it", async () => {
    const authority = cluster.certificateAuthorities["internal-ca"];
    if (!authority) throw new Error("no internal-ca");
    const certificate = byTypeAndName(
      engine.resources,
      "tls:index/selfSignedCert:SelfSignedCert",
      "k8s-internal-ca-cert",
    );
    expect(certificate.inputs).toMatchObject({
      isCaCertificate: true,
      subject: { commonName: expect.stringContaining("internal CA") },
      validityPeriodHours: 10 * 365 * 24,
      allowedUses: ["cert_signing", "crl_signing", "digital_signature"],
    });
    const key = byTypeAndName(
      engine.resources,
      "tls:index/privateKey:PrivateKey",
      "k8s-internal-ca-key",
    );
    expect(key.inputs).toMatchObject({ algorithm: "ECDSA", ecdsaCurve: "P256" });
    expect(key.parentUrn).toBe(await valueOf(cluster.urn));

    const pem = await valueOf(authority.certPem);
    expect(pem).toContain("-----BEGIN CERTIFICATE-----");
    for (const data of Object.values(cluster.userData)) {
      const doc = parse(await valueOf(data)) as { ca_certs?: { trusted: string[] } };
      expect(doc.ca_certs?.trusted).toEqual([pem]);
    }
    expect(await isSecret(authority.privateKeyPem)).toBe(true);
    const privateKey = await valueOf(authority.privateKeyPem);
    expect(leakedSecrets(engine.resources, [privateKey])).toEqual([]);
  });

  it("registers the component type and keeps the token out of plain inputs", async () => {
    const token = await valueOf(cluster.token);
    expect(engine.resources.map((r) => r.type)).toContain("baremetal:kubernetes:Microk8sCluster");
    expect(leakedSecrets(engine.resources, [token])).toEqual([]);
  });

  it("gives every node an SSH host key of its own and exposes the public halves to pin", async () => {
    const keys = engine.resources.filter(
      (r) => r.type === "tls:index/privateKey:PrivateKey" && r.name.endsWith("-ssh-host-key"),
    );
    expect(keys.map((k) => [k.name, k.inputs["algorithm"]]).sort()).toEqual([
      ["k8s-k8s-1-ssh-host-key", "ED25519"],
      ["k8s-k8s-2-ssh-host-key", "ED25519"],
      ["k8s-k8s-3-ssh-host-key", "ED25519"],
    ]);
    for (const key of keys) expect(key.additionalSecretOutputs).toContain("privateKeyOpenssh");
    for (const node of plan.nodes) {
      const published = await valueOf(cluster.sshHostKeys[node.name] as pulumi.Output<string>);
      expect(published).toMatch(/^ssh-ed25519 \S+$/);
      const doc = parse(await valueOf(cluster.userData[node.name] as pulumi.Output<string>)) as {
        ssh_keys: { ed25519_public: string; ed25519_private: string };
      };
      expect(doc.ssh_keys.ed25519_public).toBe(published);
      expect(doc.ssh_keys.ed25519_private).toContain("OPENSSH PRIVATE KEY");
    }
    expect(await valueOf(cluster.bootstrapSshHostKey)).toBe(
      await valueOf(cluster.sshHostKeys["k8s-1"] as pulumi.Output<string>),
    );
  });

  it("makes joiners pin the bootstrap node's cluster-agent certificate by its SHA-256", async () => {
    const certificate = byTypeAndName(
      engine.resources,
      "tls:index/selfSignedCert:SelfSignedCert",
      "k8s-cluster-agent-cert",
    );
    expect(certificate.inputs).toMatchObject({ ipAddresses: ["10.30.0.11"] });
    const bootstrap = parse(await valueOf(cluster.userData["k8s-1"] as pulumi.Output<string>)) as {
      write_files: { path: string; content: string }[];
    };
    const served = bootstrap.write_files.find((f) => f.path === CLUSTER_AGENT_CERT_PATH)?.content;
    if (!served) throw new Error("the bootstrap node serves no cluster-agent certificate");
    const fingerprint = await valueOf(cluster.clusterAgentFingerprint);
    expect(fingerprint).toBe(certificateFingerprint(served));
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const token = await valueOf(cluster.token);
    for (const joiner of ["k8s-2", "k8s-3"]) {
      const text = await valueOf(cluster.userData[joiner] as pulumi.Output<string>);
      expect(text).toContain(`microk8s join 10.30.0.11:25000/${token}/${fingerprint}`);
      expect(text).not.toContain(CLUSTER_AGENT_KEY_PATH);
    }
  });
});
