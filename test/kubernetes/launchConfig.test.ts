import { parse } from "yaml";
import { kubernetesConfigSchema } from "../../components/config/kubernetes";
import {
  CLUSTER_AGENT_CERT_PATH,
  CLUSTER_AGENT_KEY_PATH,
  certificateFingerprint,
  JOIN_SCRIPT_PATH,
  LAUNCH_CONFIG_PATH,
  renderNodeUserData,
  type NodeUserDataInput,
} from "../../components/kubernetes/launchConfig";
import { productionKubernetesConfig, stagingKubernetesConfig } from "../support/kubernetesConfig";

const staging = kubernetesConfigSchema.parse(stagingKubernetesConfig);
const production = kubernetesConfigSchema.parse(productionKubernetesConfig);
const TOKEN = "0123456789abcdefABCDEF0123456789";
/** A real self-signed certificate (openssl, EC P-256, IP SAN 10.30.0.11). */
const AGENT_CERT = [
  "-----BEGIN CERTIFICATE-----",
  "MIIBqDCCAU6gAwIBAgIURkgKFGbECn0pMKl+tulYF025dHAwCgYIKoZIzj0EAwIw",
  "ITEfMB0GA1UEAwwWbWljcm9rOHMgY2x1c3RlciBhZ2VudDAeFw0yNjEyMDExMDQ0",
  "MjNaFw0zNjExMjgxMDQ0MjNaMCExHzAdBgNVBAMMFm1pY3JvazhzIGNsdXN0ZXIg",
  "YWdlbnQwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAT1OSe/+aONuz8grZP3xaE2",
  "ilPhQE/RbZO400YfNSt1RqJ9LH9T8KB6S3qhisu0onMeTb65V/TiAxBjANXKN6Ca",
  "o2QwYjAdBgNVHQ4EFgQUe9Ta5gwPNQyGW5mjEKfws5eoOrYwHwYDVR0jBBgwFoAU",
  "e9Ta5gwPNQyGW5mjEKfws5eoOrYwDwYDVR0TAQH/BAUwAwEB/zAPBgNVHREECDAG",
  "hwQKHgALMAoGCCqGSM49BAMCA0gAMEUCIE1dG5x3S6OgBJ4qGaorue2ENTTOX/Js",
  "+l/B8un/7k7ZAiEA+anwprm1v26uCoEWeVRROhPZGIxaiqjVPIeHzlt5W6Q=",
  "-----END CERTIFICATE-----",
  "",
].join("\n");
/** `openssl x509 -in cert -outform der | sha256sum` of AGENT_CERT. */
const AGENT_CERT_SHA256 = "5267d6cf841d8152022e9c2df72a90c82c96c3b4eb957986f4ef562b64dfd503";
const AGENT_KEY =
  "-----BEGIN EC PRIVATE KEY-----\nagent-key-material\n-----END EC PRIVATE KEY-----\n";
const HOST_KEY = {
  privateKeyOpenssh:
    "-----BEGIN OPENSSH PRIVATE KEY-----\nhost-key-material\n-----END OPENSSH PRIVATE KEY-----\n",
  publicKeyOpenssh: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHostKeyOfTheNode0000000000000000000000\n",
};

function input(over: Partial<NodeUserDataInput>): NodeUserDataInput {
  return {
    config: production,
    node: { name: "k8s-1", ip: "10.30.0.11", hostNode: "pve1", role: "bootstrap" },
    bootstrapIp: "10.30.0.11",
    token: TOKEN,
    harborRegistryHost: "harbor.sp1.internal.example.com",
    internalZone: "sp1.internal.example.com",
    region: "sp1",
    sshHostKey: HOST_KEY,
    clusterAgent: { certPem: AGENT_CERT, privateKeyPem: AGENT_KEY },
    ...over,
  };
}

interface CloudConfig {
  hostname: string;
  packages: string[];
  write_files: { path: string; content: string; permissions: string }[];
  runcmd: string[][];
  ca_certs?: { trusted: string[] };
}

function render(over: Partial<NodeUserDataInput>): { text: string; doc: CloudConfig } {
  const text = renderNodeUserData(input(over));
  return { text, doc: parse(text) as CloudConfig };
}

function file(doc: CloudConfig, path: string): { content: string; permissions: string } {
  const found = doc.write_files.find((f) => f.path === path);
  if (!found) throw new Error(`no ${path}`);
  return found;
}

describe("renderNodeUserData", () => {
  it("renders the production bootstrap node (snapshot)", () => {
    expect(render({}).text).toMatchSnapshot();
  });

  it("renders a production joiner (snapshot)", () => {
    const joiner = { name: "k8s-2", ip: "10.30.0.12", hostNode: "pve2", role: "join" } as const;
    expect(render({ node: joiner }).text).toMatchSnapshot();
  });

  it("is a #cloud-config document that writes the launch config before installing the snap", () => {
    const { text, doc } = render({});
    expect(text.startsWith("#cloud-config\n")).toBe(true);
    expect(LAUNCH_CONFIG_PATH).toBe("/etc/microk8s.yaml");
    expect(file(doc, LAUNCH_CONFIG_PATH).permissions).toBe("0600");
    expect(doc.runcmd).toContainEqual([
      "snap",
      "install",
      "microk8s",
      "--classic",
      "--channel=1.35/stable",
    ]);
  });

  it("installs snapd (absent from Debian's cloud image) and waits for its seeding before the snap", () => {
    const { doc } = render({});
    expect(doc.packages).toContain("snapd");
    const steps = (doc.runcmd as string[][]).map((step) => step.join(" "));
    const seeded = steps.indexOf("snap wait system seed.loaded");
    const install = steps.findIndex((step) => step.startsWith("snap install microk8s"));
    expect(seeded).toBeGreaterThanOrEqual(0);
    expect(seeded).toBeLessThan(install);
  });

  it("gives the bootstrap node the cluster addons, the token, SANs and the Harbor mirror", () => {
    const { doc } = render({});
    const launch = parse(file(doc, LAUNCH_CONFIG_PATH).content) as Record<string, unknown>;
    expect(launch["version"]).toBe("0.1.0");
    expect(launch["persistentClusterToken"]).toBe(TOKEN);
    expect(launch["extraSANs"]).toEqual(["10.30.0.10", "k8s.sp1.internal.example.com"]);
    expect(launch["addons"]).toEqual([
      { name: "dns" },
      { name: "rbac" },
      { name: "metallb", args: ["10.30.0.200-10.30.0.239"] },
      { name: "ingress" },
      { name: "metrics-server" },
    ]);
    const registries = launch["containerdRegistryConfigs"] as Record<string, string>;
    expect(registries["harbor.sp1.internal.example.com"]).toContain(
      'server = "https://harbor.sp1.internal.example.com"',
    );
    expect(doc.write_files.map((f) => f.path)).not.toContain(JOIN_SCRIPT_PATH);
  });

  it("enables hostpath storage only where the stack allows it", () => {
    const { doc } = render({ config: staging, bootstrapIp: "10.130.0.11" });
    const launch = parse(file(doc, LAUNCH_CONFIG_PATH).content) as { addons: { name: string }[] };
    expect(launch.addons.map((a) => a.name)).toContain("hostpath-storage");
    const prod = parse(file(render({}).doc, LAUNCH_CONFIG_PATH).content) as typeof launch;
    expect(prod.addons.map((a) => a.name)).not.toContain("hostpath-storage");
  });

  it("makes joiners join the bootstrap node and enable no addons", () => {
    const node = { name: "k8s-3", ip: "10.30.0.13", hostNode: "pve3", role: "join" } as const;
    const { doc } = render({ node });
    const launch = parse(file(doc, LAUNCH_CONFIG_PATH).content) as Record<string, unknown>;
    expect(launch["addons"]).toBeUndefined();
    const script = file(doc, JOIN_SCRIPT_PATH);
    expect(script.permissions).toBe("0700");
    expect(script.content).toContain(
      `microk8s join 10.30.0.11:25000/${TOKEN}/${AGENT_CERT_SHA256};`,
    );
    expect(script.content).not.toContain("--worker");
    const install = doc.runcmd.findIndex((c) => c[0] === "snap");
    expect(doc.runcmd.findIndex((c) => c[0] === JOIN_SCRIPT_PATH)).toBeGreaterThan(install);
  });

  it("joins worker nodes with --worker and without keepalived", () => {
    const node = {
      name: "k8s-4",
      ip: "10.30.0.14",
      hostNode: "pve4",
      role: "join",
      worker: true,
    } as const;
    const { doc } = render({ node });
    expect(file(doc, JOIN_SCRIPT_PATH).content).toContain("--worker");
    expect(doc.packages).not.toContain("keepalived");
  });

  it("holds the production API VIP with keepalived, bootstrap preferred", () => {
    const first = file(render({}).doc, "/etc/keepalived/keepalived.conf").content;
    expect(first).toContain("virtual_router_id 51");
    expect(first).toContain("priority 150");
    expect(first).toContain("10.30.0.10");
    const joiner = { name: "k8s-2", ip: "10.30.0.12", hostNode: "pve2", role: "join" } as const;
    expect(file(render({ node: joiner }).doc, "/etc/keepalived/keepalived.conf").content).toContain(
      "priority 100",
    );
    const single = render({ config: staging }).doc;
    expect(single.write_files.map((f) => f.path)).not.toContain("/etc/keepalived/keepalived.conf");
  });

  it("trusts the generated CA roots and an extra registry CA from config", () => {
    const root = "-----BEGIN CERTIFICATE-----\nUk9PVA==\n-----END CERTIFICATE-----\n";
    const extra = "-----BEGIN CERTIFICATE-----\nTUlJQg==\n-----END CERTIFICATE-----\n";
    expect(render({ trustedCaPems: [root] }).doc.ca_certs?.trusted).toEqual([root]);
    const both = render({ trustedCaPems: [root], config: { ...production, registryCaPem: extra } });
    expect(both.doc.ca_certs?.trusted).toEqual([root, extra]);
    expect(render({}).doc.ca_certs).toBeUndefined();
  });

  it("registers each kubelet with the Proxmox region and its host as zone", () => {
    const joiner = { name: "k8s-2", ip: "10.30.0.12", hostNode: "pve-05", role: "join" } as const;
    const launch = parse(file(render({ node: joiner }).doc, LAUNCH_CONFIG_PATH).content) as {
      extraKubeletArgs: Record<string, string>;
    };
    expect(launch.extraKubeletArgs["--node-labels"]).toBe(
      "topology.kubernetes.io/region=sp1,topology.kubernetes.io/zone=pve-05",
    );
  });
});

describe("pinning the nodes' identities", () => {
  it("computes the fingerprint microk8s join checks: SHA-256 of the certificate's DER bytes", () => {
    expect(certificateFingerprint(AGENT_CERT)).toBe(AGENT_CERT_SHA256);
    expect(() => certificateFingerprint("not a certificate")).toThrow("not a PEM certificate");
  });

  it("serves the program's certificate from the bootstrap node's cluster agent", () => {
    const { doc } = render({});
    expect(file(doc, CLUSTER_AGENT_CERT_PATH).content).toBe(AGENT_CERT);
    expect(file(doc, CLUSTER_AGENT_KEY_PATH)).toMatchObject({
      content: AGENT_KEY,
      permissions: "0600",
    });
    const launch = parse(file(doc, LAUNCH_CONFIG_PATH).content) as Record<string, unknown>;
    expect(launch["extraMicroK8sClusterAgentArgs"]).toEqual({
      "--certfile": CLUSTER_AGENT_CERT_PATH,
      "--keyfile": CLUSTER_AGENT_KEY_PATH,
    });
    const paths = doc.write_files.map((f) => f.path);
    expect(paths.indexOf(CLUSTER_AGENT_KEY_PATH)).toBeGreaterThan(-1);
  });

  it("gives joiners the pin but never the cluster agent's key", () => {
    const node = { name: "k8s-2", ip: "10.30.0.12", hostNode: "pve2", role: "join" } as const;
    const { text, doc } = render({ node });
    expect(text).not.toContain("agent-key-material");
    const launch = parse(file(doc, LAUNCH_CONFIG_PATH).content) as Record<string, unknown>;
    expect(launch["extraMicroK8sClusterAgentArgs"]).toBeUndefined();
    expect(file(doc, JOIN_SCRIPT_PATH).content).toMatch(
      new RegExp(`:25000/${TOKEN}/${AGENT_CERT_SHA256}( |;)`),
    );
  });

  it("installs the program's SSH host key in place of generated ones", () => {
    const doc = render({}).doc as CloudConfig & {
      ssh_deletekeys: boolean;
      ssh_genkeytypes: string[];
      ssh_keys: Record<string, string>;
    };
    expect(doc.ssh_deletekeys).toBe(true);
    expect(doc.ssh_genkeytypes).toEqual([]);
    expect(doc.ssh_keys).toEqual({
      ed25519_private: HOST_KEY.privateKeyOpenssh,
      ed25519_public: HOST_KEY.publicKeyOpenssh.trim(),
    });
  });
});

describe("control-plane metrics", () => {
  it("lets the controller manager and scheduler authorise scrapes (no 403 on /metrics)", () => {
    const launch = parse(file(render({}).doc, LAUNCH_CONFIG_PATH).content) as Record<
      string,
      Record<string, string>
    >;
    const credentials = "/var/snap/microk8s/current/credentials";
    expect(launch["extraKubeControllerManagerArgs"]).toEqual({
      "--authentication-kubeconfig": `${credentials}/controller.config`,
      "--authorization-kubeconfig": `${credentials}/controller.config`,
      "--bind-address": "0.0.0.0",
      "--secure-port": "10257",
    });
    expect(launch["extraKubeSchedulerArgs"]).toEqual({
      "--authentication-kubeconfig": `${credentials}/scheduler.config`,
      "--authorization-kubeconfig": `${credentials}/scheduler.config`,
      "--bind-address": "0.0.0.0",
      "--secure-port": "10259",
    });
  });

  it("sets them on every control-plane node and not on workers", () => {
    const joiner = { name: "k8s-2", ip: "10.30.0.12", hostNode: "pve2", role: "join" } as const;
    const worker = { ...joiner, name: "k8s-4", worker: true } as const;
    const launchOf = (node: NodeUserDataInput["node"]) =>
      parse(file(render({ node }).doc, LAUNCH_CONFIG_PATH).content) as Record<string, unknown>;
    expect(launchOf(joiner)["extraKubeSchedulerArgs"]).toBeDefined();
    expect(launchOf(worker)["extraKubeSchedulerArgs"]).toBeUndefined();
    expect(launchOf(worker)["extraKubeControllerManagerArgs"]).toBeUndefined();
  });
});

describe("renderNodeUserData with a login", () => {
  const login = {
    user: "ops",
    sshPublicKeys: ["ssh-ed25519 AAAAtest ops@test"],
    timezone: "America/Sao_Paulo",
  };

  it("creates the login user with its keys, since Proxmox cannot add one to a user-data snippet", () => {
    const doc = parse(renderNodeUserData(input({ login }))) as CloudConfig & {
      users: { name: string; ssh_authorized_keys: string[]; lock_passwd: boolean }[];
      ssh_pwauth: boolean;
      timezone: string;
    };
    expect(doc.users).toEqual([
      expect.objectContaining({
        name: "ops",
        ssh_authorized_keys: login.sshPublicKeys,
        lock_passwd: true,
      }),
    ]);
    expect(doc.ssh_pwauth).toBe(false);
    expect(doc.timezone).toBe("America/Sao_Paulo");
  });

  it("keeps the microk8s steps and runs each base step once, before them", () => {
    const { runcmd } = parse(renderNodeUserData(input({ login }))) as CloudConfig;
    const steps = runcmd.map((step) => step.join(" "));
    expect(steps.filter((s) => s === "systemctl enable --now qemu-guest-agent")).toHaveLength(1);
    expect(steps.indexOf("systemctl enable --now qemu-guest-agent")).toBeLessThan(
      steps.findIndex((s) => s.startsWith("snap install microk8s")),
    );
  });
});
