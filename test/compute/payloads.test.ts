/** The Proxmox argument builders and the cloud-init document, from the real stack configs. */
import { parse } from "yaml";
import { baseCloudConfig, renderCloudConfig } from "../../components/plan/cloudInit";
import {
  containerArgs,
  startupOrder,
  vmArgs,
  type GuestContext,
} from "../../components/compute/payloads";
import { planCompute } from "../../components/plan/compute";
import {
  fqdnOf,
  guestTags,
  planGuest,
  planGuests,
  proxmoxProtection,
  replacementAllowed,
} from "../../components/plan/guests";
import type { StackConfig } from "../../components/config/schema";
import { parseStackConfig } from "../../components/config/validate";
import { allSecrets, rawStackConfig, setAt, type StackName } from "../support/stackConfig";

function stack(name: StackName, allowReplace: string[] = []): StackConfig {
  const raw = rawStackConfig(name);
  setAt(raw, ["placement", "allowReplace"], allowReplace);
  return parseStackConfig(raw, allSecrets());
}

function context(config: StackConfig, guestName: string): GuestContext {
  const guest = config.guests.find((g) => g.name === guestName);
  if (!guest) throw new Error(`no guest ${guestName}`);
  const { settings } = planCompute(config, planGuests(config));
  return { guest: planGuest(guest, config), settings };
}

const TEMPLATE = "local:vztmpl/debian-13-standard_13.1-2_amd64.tar.zst";
const IMAGE = "local:import/noble-server-cloudimg-amd64.qcow2";
const USER_DATA = "local:snippets/k8s-1-user-data.yaml";

describe("containerArgs", () => {
  const production = stack("production");

  it("builds a stateful container: MiB memory, data disk mount, VLAN, address and protection", () => {
    const args = containerArgs(context(production, "redis-1"), TEMPLATE);
    expect(args).toMatchObject({
      nodeName: "pve-04",
      vmId: 211,
      unprivileged: true,
      protection: true,
      startOnBoot: true,
      started: true,
      startup: { order: 1 },
      cpu: { cores: 4 },
      memory: { dedicated: 16 * 1024, swap: 0 },
      disk: { datastoreId: "local-lvm", size: 16 },
      mountPoints: [{ volume: "nvme", size: "64G", path: "/var/lib/redis", backup: true }],
      networkInterfaces: [{ name: "eth0", bridge: "vmbr1", vlanId: 20, firewall: true, mtu: 9000 }],
      initialization: {
        hostname: "redis-1",
        ipConfigs: [{ ipv4: { address: "10.20.0.21/24", gateway: "10.20.0.1" } }],
        dns: { domain: "sp1.internal.example.com", servers: ["10.20.0.1"] },
        userAccount: { keys: production.access.sshPublicKeys },
      },
      operatingSystem: { templateFileId: TEMPLATE, type: "debian" },
    });
  });

  it("sizes the data disk as a '<n>G' string for each data service", () => {
    const mongo = containerArgs(context(production, "mongo-2"), TEMPLATE);
    expect(mongo.mountPoints).toEqual([
      { volume: "nvme", size: "1536G", path: "/var/lib/mongodb", backup: true },
    ]);
    expect(mongo.memory).toEqual({ dedicated: 49152, swap: 0 });
  });

  it("builds the object store like the other data services: 4 TB on nvme, protected, booted first", () => {
    const args = containerArgs(context(production, "objects-1"), TEMPLATE);
    expect(args).toMatchObject({
      nodeName: "pve-05",
      vmId: 251,
      protection: true,
      startup: { order: 1 },
      tags: ["objectstore", "sp1", "stateful"],
      mountPoints: [{ volume: "nvme", size: "4096G", path: "/var/lib/garage", backup: true }],
      initialization: {
        hostname: "objects-1",
        ipConfigs: [{ ipv4: { address: "10.20.0.61/24", gateway: "10.20.0.1" } }],
      },
    });
  });

  it("gives a stateless container no data disk and no protection", () => {
    const args = containerArgs(context(production, "kibana-1"), TEMPLATE);
    expect(args.mountPoints).toEqual([]);
    expect(args.protection).toBe(false);
    expect(args.startup).toEqual({ order: 2, upDelay: 30 });
  });

  it("drops protection for a stateful guest listed in placement.allowReplace only", () => {
    const config = stack("production", ["redis-1"]);
    expect(containerArgs(context(config, "redis-1"), TEMPLATE).protection).toBe(false);
    expect(containerArgs(context(config, "mongo-1"), TEMPLATE).protection).toBe(true);
    expect(replacementAllowed(context(config, "redis-1").guest, config)).toBe(true);
    expect(replacementAllowed(context(config, "mongo-1").guest, config)).toBe(false);
  });

  it("sets no MTU when the bridge has none (staging)", () => {
    const staging = stack("staging");
    const args = containerArgs(context(staging, "mongo-1"), TEMPLATE);
    expect(args.networkInterfaces).toEqual([
      { name: "eth0", bridge: "vmbr1", vlanId: 120, firewall: true },
    ]);
    expect(args.initialization).toMatchObject({
      ipConfigs: [{ ipv4: { address: "10.120.0.11/24", gateway: "10.120.0.1" } }],
    });
  });
});

describe("vmArgs", () => {
  const production = stack("production");

  it("builds a Kubernetes node VM: MiB memory without ballooning, imported disk, VLAN, address", () => {
    const args = vmArgs(context(production, "k8s-1"), IMAGE, USER_DATA);
    expect(args).toMatchObject({
      nodeName: "pve-04",
      vmId: 301,
      name: "k8s-1",
      protection: false,
      onBoot: true,
      started: true,
      startup: { order: 3 },
      cpu: { cores: 32, sockets: 1, type: "host" },
      memory: { dedicated: 96 * 1024, floating: 0 },
      disks: [{ interface: "scsi0", datastoreId: "nvme", importFrom: IMAGE, size: 200 }],
      networkDevices: [{ bridge: "vmbr1", vlanId: 30, model: "virtio", firewall: true, mtu: 9000 }],
      initialization: {
        datastoreId: "nvme",
        ipConfigs: [{ ipv4: { address: "10.30.0.11/24", gateway: "10.30.0.1" } }],
        dns: { domain: "sp1.internal.example.com", servers: ["10.30.0.1"] },
        userDataFileId: USER_DATA,
      },
    });
  });

  it("stays unprotected even when listed in allowReplace (stateless)", () => {
    const config = stack("production", ["k8s-2"]);
    expect(vmArgs(context(config, "k8s-2"), IMAGE, USER_DATA).protection).toBe(false);
  });
});

describe("protection, tags and boot order", () => {
  it("protects exactly the stateful guests not allowed to be replaced", () => {
    const config = stack("production", ["mongo-3"]);
    const protectedGuests = config.guests
      .filter((g) => proxmoxProtection(g, config))
      .map((g) => g.name);
    expect(protectedGuests).toEqual(expect.arrayContaining(["mongo-1", "mongo-2", "redis-1"]));
    expect(protectedGuests).not.toContain("mongo-3");
    expect(protectedGuests).not.toContain("kibana-1");
    expect(protectedGuests).not.toContain("k8s-1");
  });

  it("tags are lower-case and sorted, so Proxmox sees no diff", () => {
    for (const name of ["production", "staging"] as const) {
      const config = stack(name);
      for (const guest of config.guests) {
        const tags = guestTags(guest, config);
        expect(tags).toEqual([...tags].sort());
        expect(tags).toEqual(tags.map((t) => t.toLowerCase()));
        expect(tags).toContain(config.site.name);
        expect(tags).toContain(guest.role);
      }
    }
    const production = stack("production");
    expect(guestTags(context(production, "mongo-1").guest, production)).toEqual([
      "mongodb",
      "sp1",
      "stateful",
    ]);
    expect(guestTags(context(production, "k8s-1").guest, production)).toEqual([
      "k8s-control-plane",
      "sp1",
      "stateless",
    ]);
  });

  it("boots data services first, then Kibana, then the Kubernetes nodes", () => {
    const production = stack("production");
    const order = (name: string) => startupOrder(context(production, name).guest);
    expect([order("mongo-1"), order("kibana-1"), order("k8s-3")]).toEqual([1, 2, 3]);
  });

  it("names guests inside the internal zone", () => {
    const production = stack("production");
    expect(fqdnOf("k8s-1", production)).toBe("k8s-1.sp1.internal.example.com");
  });
});

describe("cloud-init", () => {
  const keys = [
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG2T0SaOexample ops@baremetal",
    "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ== other: key # with yaml characters",
  ];
  const text = renderCloudConfig(
    baseCloudConfig({
      hostname: "k8s-1",
      fqdn: "k8s-1.sp1.internal.example.com",
      user: "ops",
      sshPublicKeys: keys,
      timezone: "America/Sao_Paulo",
    }),
  );

  it("starts with the #cloud-config marker line", () => {
    expect(text.startsWith("#cloud-config\n")).toBe(true);
  });

  it("creates the login user with the keys and no password login", () => {
    const document = parse(text) as {
      hostname: string;
      fqdn: string;
      timezone: string;
      ssh_pwauth: boolean;
      users: { name: string; lock_passwd: boolean; ssh_authorized_keys: string[] }[];
    };
    expect(document.hostname).toBe("k8s-1");
    expect(document.fqdn).toBe("k8s-1.sp1.internal.example.com");
    expect(document.timezone).toBe("America/Sao_Paulo");
    expect(document.ssh_pwauth).toBe(false);
    expect(document.users).toHaveLength(1);
    expect(document.users[0]).toMatchObject({
      name: "ops",
      lock_passwd: true,
      ssh_authorized_keys: keys,
    });
    expect(text).not.toMatch(/^\s*(passwd|password|plain_text_passwd|chpasswd):/m);
  });

  it("installs and enables the guest agent", () => {
    const document = parse(text) as { packages: string[]; runcmd: string[][] };
    expect(document.packages).toContain("qemu-guest-agent");
    expect(document.runcmd).toContainEqual(["systemctl", "enable", "--now", "qemu-guest-agent"]);
  });
});
