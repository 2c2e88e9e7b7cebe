/**
 * The real production stack file, evaluated end to end by the program under the offline engine.
 */
import { placeholderSecret } from "../../scripts/offline/stackFile";
import type { PreviewResult } from "../../scripts/offline/preview";
import { sharedPreview } from "../support/sharedPreview";
import { identity, named, ofType, plaintextOccurrences } from "../support/preview";
import { credentialProblems } from "./credentialPolicy";

const CONTAINER = "proxmoxve:index/containerLegacy:ContainerLegacy";
const VM = "proxmoxve:index/vmLegacy:VmLegacy";

let result: PreviewResult;

beforeAll(async () => {
  result = await sharedPreview("production");
}, 240_000);

test("the program runs without configuration issues", () => {
  expect(result.issues).toEqual([]);
  expect(result.error).toBeUndefined();
  expect(result.ok).toBe(true);
});

test("five R750 hosts, each with its guest bridge", () => {
  const hosts = ofType(result, "baremetal:compute:ProxmoxHost");
  expect(hosts.map((h) => h.name).sort()).toEqual([
    "pve-01",
    "pve-02",
    "pve-03",
    "pve-04",
    "pve-05",
  ]);
  expect(result.outputs.capacity?.every((h) => h.model === "PowerEdge R750")).toBe(true);
  const bridges = ofType(result, "proxmoxve:network/linux/bridge:Bridge");
  expect(bridges).toHaveLength(5);
  for (const bridge of bridges) {
    expect(bridge.inputs).toMatchObject({ vlanAware: true, name: "vmbr1", vids: "10 20 30 40" });
  }
});

test("the MongoDB replica set: 3 members on 3 hosts, 15 cores, 48 GB, 1.5 TB each, protected twice", () => {
  const members = ofType(result, CONTAINER).filter((c) => c.name.startsWith("mongo-"));
  expect(members).toHaveLength(3);
  expect(new Set(members.map((m) => m.inputs["nodeName"])).size).toBe(3);
  for (const member of members) {
    expect(member.inputs).toMatchObject({
      cpu: { cores: 15 },
      memory: { dedicated: 48 * 1024 },
      protection: true,
      mountPoints: [{ size: "1536G", path: "/var/lib/mongodb" }],
    });
    expect(member.protect).toBe(true);
  }
});

test("every stateful container is protected; stateless guests are not", () => {
  for (const container of ofType(result, CONTAINER)) {
    const stateful = !container.name.startsWith("kibana");
    expect({ name: container.name, protect: container.protect }).toEqual({
      name: container.name,
      protect: stateful,
    });
    expect(container.inputs["protection"]).toBe(stateful);
  }
  for (const vm of ofType(result, VM)) expect(vm.protect).toBe(false);
});

test("three Kubernetes node VMs on distinct hosts, booted from the cloud image with a user-data snippet", () => {
  const vms = ofType(result, VM);
  expect(vms.map((v) => v.name).sort()).toEqual(["k8s-1", "k8s-2", "k8s-3"]);
  expect(new Set(vms.map((v) => v.inputs["nodeName"])).size).toBe(3);
  for (const vm of vms) {
    const init = vm.inputs["initialization"] as Record<string, unknown>;
    expect(init["userDataFileId"]).toBe(`${vm.name}-user-data-id`);
    const disks = vm.inputs["disks"] as Record<string, unknown>[];
    expect(disks[0]?.["importFrom"]).toBe(`${vm.inputs["nodeName"]}-cloud-image-id`);
  }
});

test("images are downloaded once per host and only where needed", () => {
  const downloads = ofType(result, "proxmoxve:download/file:File").map((d) => d.name);
  expect(new Set(downloads).size).toBe(downloads.length);
  // pve-01 and pve-03 run only containers: no cloud image there.
  expect(downloads).toContain("pve-01-lxc-template");
  expect(downloads).not.toContain("pve-01-cloud-image");
  expect(downloads).toContain("pve-04-cloud-image");
});

test("the nightly backup covers exactly the stateful guests", () => {
  const job = named(result, "proxmoxve:backup/job:Job", "stateful-guests");
  expect(job.inputs["vmids"]).toEqual(["201", "202", "203", "211", "221", "231", "241", "251"]);
  expect(job.inputs["storage"]).toBe("pbs");
});

test("HA resources for every guest and anti-affinity for the replica set and the control plane", () => {
  expect(ofType(result, "proxmoxve:index/haresource:Haresource")).toHaveLength(12);
  const rules = ofType(result, "proxmoxve:index/harule:Harule");
  expect(rules.map((r) => [r.name, r.inputs["resources"], r.inputs["affinity"]])).toEqual([
    ["mongodb-spread", ["ct:201", "ct:202", "ct:203"], "negative"],
    ["kubernetes-control-plane-spread", ["vm:301", "vm:302", "vm:303"], "negative"],
  ]);
});

test("the cluster forms from the node VMs: one bootstrap node, two joiners, the login user on each", () => {
  const userData = (name: string) =>
    String(
      (
        named(result, "proxmoxve:index/fileLegacy:FileLegacy", `${name}-user-data`).inputs[
          "sourceRaw"
        ] as Record<string, unknown>
      )["data"],
    );
  expect(userData("k8s-1")).toContain("persistentClusterToken");
  expect(userData("k8s-1")).toContain("addons:");
  expect(userData("k8s-2")).toContain("microk8s join 10.30.0.11:25000/");
  expect(userData("k8s-3")).toContain("microk8s join 10.30.0.11:25000/");
  for (const node of ["k8s-1", "k8s-2", "k8s-3"]) {
    expect(userData(node)).toMatch(/^#cloud-config\n/);
    expect(userData(node)).toContain("ssh_authorized_keys");
    expect(userData(node)).toContain("snap");
  }
  // The kubeconfig is read from the bootstrap node only after every node VM exists.
  const fetch = named(result, "command:remote:Command", "platform-access-kubeconfig");
  const vmUrns = ofType(result, VM).map((v) => v.urn);
  expect(fetch.dependencies).toEqual(expect.arrayContaining(vmUrns));
});

test("every platform release is installed through the cluster's provider with a pinned version", () => {
  const releases = ofType(result, "kubernetes:helm.sh/v3:Release");
  expect(releases.map((r) => r.name).sort()).toEqual([
    "platform-argo-cd",
    "platform-cert-manager",
    "platform-eck-operator",
    "platform-eck-stack",
    "platform-harbor",
    "platform-kube-prometheus-stack",
    "platform-prometheus-snmp-exporter",
    "platform-proxmox-csi-plugin",
    "platform-tekton-operator",
    "platform-zabbix",
  ]);
  for (const release of releases) {
    expect(release.inputs["version"]).toMatch(/^v?\d+\.\d+\.\d+$/);
    expect(release.provider).toContain("pulumi:providers:kubernetes::platform-access-provider");
  }
});

test("the CSI plugin's Proxmox identity is created through the compute layer's provider", () => {
  const token = named(result, "proxmoxve:user/token:Token", "proxmox-csi-token");
  expect(token.inputs).toMatchObject({
    userId: "kubernetes-csi@pve",
    tokenName: "csi",
    privilegesSeparation: false,
  });
  expect(token.provider).toContain("pulumi:providers:proxmoxve::proxmox");
  const privileges = (name: string): unknown =>
    named(result, "proxmoxve:index/roleLegacy:RoleLegacy", name).inputs["privileges"];
  expect(privileges("proxmox-csi-storage-role")).toEqual([
    "Datastore.Allocate",
    "Datastore.AllocateSpace",
    "Datastore.Audit",
  ]);
  expect(privileges("proxmox-csi-vm-role")).toEqual(["VM.Audit", "VM.Config.Disk"]);
  // Granted on the CSI datastore and on each Kubernetes node VM only, never on `/`.
  const acls = ofType(result, "proxmoxve:index/acl:Acl")
    .map((a) => [
      a.name,
      a.inputs["path"],
      a.inputs["roleId"],
      a.inputs["propagate"],
      a.inputs["userId"],
    ])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  expect(acls).toEqual([
    [
      "proxmox-csi-acl-storage",
      "/storage/nvme",
      "KubernetesCSIStorage",
      false,
      "kubernetes-csi@pve",
    ],
    ["proxmox-csi-acl-vm-k8s-1", "/vms/301", "KubernetesCSIVM", false, "kubernetes-csi@pve"],
    ["proxmox-csi-acl-vm-k8s-2", "/vms/302", "KubernetesCSIVM", false, "kubernetes-csi@pve"],
    ["proxmox-csi-acl-vm-k8s-3", "/vms/303", "KubernetesCSIVM", false, "kubernetes-csi@pve"],
  ]);
  for (const acl of ofType(result, "proxmoxve:index/acl:Acl"))
    expect(token.dependencies).toContain(acl.urn);
  const config = named(result, "kubernetes:core/v1:Secret", "platform-secrets-proxmox-csi-config");
  // The token reaches the cluster only inside the (secret) plugin config.
  expect(JSON.stringify(config.inputs)).toContain("offline-proxmox-csi-token");
  expect(plaintextOccurrences(config.rawInputs, "offline-proxmox-csi-token")).toEqual([]);
});

test("every resource has a parent below the stack, and names are unique per type", () => {
  const stack = result.resources.filter((r) => r.type === "pulumi:pulumi:Stack");
  expect(stack).toHaveLength(1);
  for (const resource of result.resources) {
    if (resource.type !== "pulumi:pulumi:Stack") expect(resource.parentUrn).toBeDefined();
  }
  const keys = result.resources.map((r) => `${r.type}::${r.name}`);
  expect(new Set(keys).size).toBe(keys.length);
});

test("secrets never appear in plain text in any registered input", () => {
  for (const key of [
    "proxmoxApiToken",
    "sshPrivateKey",
    "routerosPassword",
    "cloudflareApiToken",
  ]) {
    const needle = placeholderSecret(key).split("\n")[1] ?? placeholderSecret(key);
    const leaks = result.resources.flatMap((r) =>
      plaintextOccurrences(r.rawInputs, needle).map((path) => `${r.type}::${r.name}${path}`),
    );
    expect(leaks).toEqual([]);
  }
  const provider = named(result, "pulumi:providers:proxmoxve", "proxmox");
  expect(provider.inputs["apiToken"]).toBe(placeholderSecret("proxmoxApiToken"));
});

test("stack outputs give every guest its host, VMID, IP and DNS name, and the capacity per host", () => {
  const mongo2 = result.outputs.guests?.find((g) => g.name === "mongo-2");
  expect(mongo2).toEqual({
    name: "mongo-2",
    role: "mongodb",
    kind: "lxc",
    host: "pve-02",
    vmId: 202,
    ip: "10.20.0.12",
    fqdn: "mongo-2.sp1.internal.example.com",
    stateful: true,
  });
  expect(result.outputs.capacity).toHaveLength(5);
});

test("resource identities (type, name, parent) are deliberate", () => {
  expect(identity(result)).toMatchSnapshot();
});

describe("network layer", () => {
  const ROS = "pulumi-nodejs:dynamic/routeros:";

  test("both routers carry every VLAN, a VRRP instance per network and the same gateway addresses", () => {
    for (const router of ["rtr-1", "rtr-2"]) {
      const vrrp = ofType(result, `${ROS}VrrpInterface`).filter((r) =>
        r.name.startsWith(`${router}-`),
      );
      expect(vrrp.map((v) => v.inputs["vrid"]).sort()).toEqual([10, 20, 30, 40]);
      const gateways = ofType(result, `${ROS}IpAddress`)
        .filter((r) => r.name.startsWith(`${router}-gateway-`))
        .map((r) => r.inputs["address"]);
      expect(gateways.sort()).toEqual([
        "10.10.0.1/32",
        "10.20.0.1/32",
        "10.30.0.1/32",
        "10.40.0.1/32",
      ]);
    }
    expect(named(result, `${ROS}VrrpInterface`, "rtr-1-vrrp-services").inputs["priority"]).toBe(
      200,
    );
    expect(named(result, `${ROS}VrrpInterface`, "rtr-2-vrrp-services").inputs["priority"]).toBe(
      100,
    );
  });

  test("each router's own uplink gets a recursive default route and a netwatch", () => {
    expect(named(result, `${ROS}IpRoute`, "rtr-1-default-isp-a").inputs).toMatchObject({
      gateway: "1.1.1.1",
      distance: 1,
      checkGateway: "ping",
    });
    expect(named(result, `${ROS}IpRoute`, "rtr-2-default-isp-b").inputs).toMatchObject({
      gateway: "8.8.8.8",
      distance: 2,
    });
    expect(
      ofType(result, `${ROS}Netwatch`)
        .map((n) => n.name)
        .sort(),
    ).toEqual(["rtr-1-netwatch-isp-a", "rtr-2-netwatch-isp-b"]);
  });

  test("firewall chains list their rules in evaluation order, ending with a drop", () => {
    const input = named(result, `${ROS}FirewallChain`, "rtr-1-chain-input");
    const rules = input.inputs["rules"] as string[];
    expect(rules[0]).toBe("baremetal: input accept established");
    expect(rules.at(-1)).toBe("baremetal: input drop everything else");
    expect(input.inputs["removeUndeclared"]).toBe(false);
  });

  test("both routers serve an internal DNS record for every guest, following the placement", () => {
    for (const guest of result.outputs.guests ?? []) {
      for (const router of ["rtr-1", "rtr-2"]) {
        expect(
          named(result, `${ROS}DnsStaticRecord`, `${router}-dns-${guest.fqdn}`).inputs,
        ).toMatchObject({ name: guest.fqdn, address: guest.ip, type: "A" });
      }
    }
  });

  test("no router resource carries a credential", () => {
    for (const resource of result.resources.filter((r) => r.type.startsWith(ROS))) {
      expect(
        plaintextOccurrences(resource.rawInputs, placeholderSecret("routerosPassword")),
      ).toEqual([]);
      expect(JSON.stringify(resource.inputs["router"])).toBe(
        JSON.stringify({
          url: resource.name.startsWith("rtr-1") ? "https://10.10.0.2" : "https://10.10.0.3",
        }),
      );
    }
  });
});

test("no configured or generated secret (every offline placeholder) is registered in plain text", () => {
  // Offline, every secret value (config secrets, random passwords, the cluster token, the fetched
  // kubeconfig) starts with "offline-"; any plain occurrence in an input would be a leak to state.
  const leaks = result.resources.flatMap((r) =>
    plaintextOccurrences(r.rawInputs, "offline-").map((path) => `${r.type}::${r.name}${path}`),
  );
  expect(leaks).toEqual([]);
});

test("generated platform credentials are stack outputs", () => {
  const credentials = result.outputs["platformCredentials"] as Record<string, string> | undefined;
  expect(Object.keys(credentials ?? {})).toEqual(
    expect.arrayContaining([
      "grafanaAdminPassword",
      "harborAdminPassword",
      "harborDatabasePassword",
    ]),
  );
  expect(credentials?.["harborAdminPassword"]).toMatch(/^offline-platform-secrets-harbor/);
});

test("firewall rules are created in evaluation order, so the final drop comes after every accept", () => {
  const chain = named(result, "pulumi-nodejs:dynamic/routeros:FirewallChain", "rtr-1-chain-input");
  const comments = chain.inputs["rules"] as string[];
  const rules = ofType(result, "pulumi-nodejs:dynamic/routeros:FirewallFilterRule").filter(
    (r) => r.name.startsWith("rtr-1-") && r.inputs["chain"] === "input",
  );
  const byComment = new Map(rules.map((r) => [r.inputs["comment"], r]));
  // The first rule waits for the interface lists it and the others match on.
  const members = ofType(result, "pulumi-nodejs:dynamic/routeros:InterfaceListMember")
    .filter((m) => m.name.startsWith("rtr-1-"))
    .map((m) => m.urn);
  expect(byComment.get(comments[0])?.dependencies).toEqual(expect.arrayContaining(members));
  expect(members.length).toBeGreaterThan(0);
  comments.slice(1).forEach((comment, i) => {
    const previous = byComment.get(comments[i]);
    expect(byComment.get(comment)?.dependencies).toContain(previous?.urn);
  });
});

test("no credential is generated by a resource that keeps its value in plain state", () => {
  expect(credentialProblems(result.resources)).toEqual([]);
  // The walk saw the credentials this stack generates.
  const types = new Set(result.resources.map((r) => r.type));
  for (const type of [
    "random:index/randomPassword:RandomPassword",
    "random:index/randomBytes:RandomBytes",
    "tls:index/privateKey:PrivateKey",
    "proxmoxve:user/token:Token",
  ])
    expect(types).toContain(type);
});

test("the Kubernetes network reaches the Proxmox API on each host's address, not the whole management network", () => {
  const forward = ofType(result, "pulumi-nodejs:dynamic/routeros:FirewallFilterRule").filter(
    (r) => r.name.startsWith("rtr-1-") && r.inputs["chain"] === "forward",
  );
  const toManagement = forward.filter(
    (r) => r.inputs["srcAddress"] === "10.30.0.0/24" && r.inputs["action"] === "accept",
  );
  const api = toManagement.filter((r) => r.inputs["dstPort"] === "8006");
  expect(api.map((r) => [r.inputs["dstAddress"], r.inputs["comment"]])).toEqual(
    ["pve-01", "pve-02", "pve-03", "pve-04", "pve-05"].map((host, i) => [
      `10.10.0.1${i + 1}`,
      `baremetal: forward CSI plugin to the Proxmox API ${host}`,
    ]),
  );
  expect(toManagement.map((r) => r.inputs["dstAddress"])).not.toContain("10.10.0.0/24");
});
