import { parse } from "yaml";
import { kubernetesConfigSchema } from "../../components/config/kubernetes";
import {
  JOIN_SCRIPT_PATH,
  LAUNCH_CONFIG_PATH,
  renderNodeUserData,
  type NodeUserDataInput,
} from "../../components/kubernetes/launchConfig";
import { productionKubernetesConfig, stagingKubernetesConfig } from "../support/kubernetesConfig";

const staging = kubernetesConfigSchema.parse(stagingKubernetesConfig);
const production = kubernetesConfigSchema.parse(productionKubernetesConfig);
const TOKEN = "0123456789abcdefABCDEF0123456789";

function input(over: Partial<NodeUserDataInput>): NodeUserDataInput {
  return {
    config: production,
    node: { name: "k8s-1", ip: "10.30.0.11", hostNode: "pve1", role: "bootstrap" },
    bootstrapIp: "10.30.0.11",
    token: TOKEN,
    harborRegistryHost: "harbor.sp1.internal.example.com",
    internalZone: "sp1.internal.example.com",
    region: "sp1",
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
    expect(script.content).toContain(`microk8s join 10.30.0.11:25000/${TOKEN};`);
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
