import * as pulumi from "@pulumi/pulumi";
import { parse } from "yaml";
import { resolveChart } from "../../components/kubernetes/charts";
import { clusterIssuer } from "../../components/kubernetes/issuers";
import { kubernetesConfigSchema } from "../../components/config/kubernetes";
import { kubeconfigForApi } from "../../components/kubernetes/kubeconfig";
import { privateCaBundle } from "../../components/kubernetes/caBundle";
import { stagingKubernetesConfig } from "../support/kubernetesConfig";
import { valueOf } from "./helpers";

describe("resolveChart", () => {
  it("returns the pinned source unless the stack overrides repo or version", () => {
    expect(resolveChart("harbor", {})).toEqual({
      chart: "harbor",
      repo: "https://helm.goharbor.io",
      version: "1.19.1",
    });
    expect(resolveChart("harbor", { harbor: { version: "1.19.2" } }).version).toBe("1.19.2");
    expect(
      resolveChart("argo-cd", { "argo-cd": { repo: "https://mirror.internal/argo" } }),
    ).toEqual({
      chart: "argo-cd",
      repo: "https://mirror.internal/argo",
      version: "10.1.1",
    });
  });
});

describe("kubeconfigForApi", () => {
  const kubeconfig = [
    "apiVersion: v1",
    "clusters:",
    "- cluster: {server: 'https://10.30.0.11:16443', certificate-authority-data: Q0E=}",
    "  name: microk8s-cluster",
    "users: [{name: admin, user: {token: abc}}]",
  ].join("\n");

  it("points the cluster at the stable API address and keeps the credentials", () => {
    const doc = parse(kubeconfigForApi(kubeconfig, "10.30.0.10")) as {
      clusters: { cluster: { server: string; "certificate-authority-data": string } }[];
      users: { user: { token: string } }[];
    };
    expect(doc.clusters[0]?.cluster.server).toBe("https://10.30.0.10:16443");
    expect(doc.clusters[0]?.cluster["certificate-authority-data"]).toBe("Q0E=");
    expect(doc.users[0]?.user.token).toBe("abc");
  });

  it("refuses output that is not a kubeconfig", () => {
    expect(() => kubeconfigForApi("Error: microk8s is not running", "10.0.0.1")).toThrow(
      "no clusters",
    );
  });
});

describe("issuers", () => {
  it("renders self-signed, CA and ACME DNS-01 cluster issuers", () => {
    expect(clusterIssuer({ name: "bootstrap", kind: "selfSigned" }).spec).toEqual({
      selfSigned: {},
    });
    const ca = { name: "internal-ca", kind: "ca", commonName: "CA", validityYears: 10 } as const;
    // The root key pair is Pulumi's (Microk8sCluster); the issuer only names its Secret.
    expect(clusterIssuer(ca).spec).toEqual({ ca: { secretName: "internal-ca-root" } });
    const acme = clusterIssuer({
      name: "letsencrypt",
      kind: "acme",
      server: "https://acme-v02.api.letsencrypt.org/directory",
      email: "ops@example.com",
    });
    expect(JSON.stringify(acme.spec)).toContain(
      '"apiTokenSecretRef":{"name":"cloudflare-api-token","key":"api-token"}',
    );
  });
});

describe("privateCaBundle", () => {
  const root = (n: string) => `-----BEGIN CERTIFICATE-----\n${n}\n-----END CERTIFICATE-----`;

  it("joins the ca issuers' roots and registryCaPem, one PEM per line block", async () => {
    const config = kubernetesConfigSchema.parse({
      ...stagingKubernetesConfig,
      registryCaPem: root("RVhUUkE="),
    });
    const bundle = privateCaBundle(config, {
      "internal-ca": {
        certPem: pulumi.output(root("Uk9PVA==")),
        privateKeyPem: pulumi.secret("k"),
      },
    });
    expect(await valueOf(bundle as pulumi.Output<string>)).toBe(
      `${root("Uk9PVA==")}\n${root("RVhUUkE=")}\n`,
    );
  });

  it("is undefined for a stack with public certificates only", () => {
    const config = kubernetesConfigSchema.parse({
      ...stagingKubernetesConfig,
      issuers: [{ name: "public", kind: "selfSigned" }],
      platformIssuer: "public",
    });
    expect(privateCaBundle(config, {})).toBeUndefined();
  });
});
