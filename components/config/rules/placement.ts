/** Rules on names, references, per-host capacity and placement of guests. */
import { capacityReport } from "../capacity";
import { ROLE_TRAITS, isStateful, kindOf } from "../roles";
import { duplicates, type Report, type Sections } from "./context";

export function nameRules({ hosts, guests, routers }: Sections, report: Report): void {
  // Hosts, routers and guests share the internal DNS zone, so their names must not collide.
  const named = [
    ...(routers ?? []).map((r, i) => ({ name: r.name, segments: ["routers", i, "name"] })),
    ...(hosts ?? []).map((h, i) => ({ name: h.name, segments: ["hosts", i, "name"] })),
    ...(guests ?? []).map((g, i) => ({ name: g.name, segments: ["guests", i, "name"] })),
  ];
  duplicates(
    named,
    (n) => n.name,
    (i, key) =>
      report(
        named[i]?.segments ?? ["guests"],
        `name "${key}" is already used in the internal zone`,
      ),
  );
  if (guests) {
    duplicates(
      guests,
      (g) => String(g.vmId),
      (i, key) => report(["guests", i, "vmId"], `duplicate VMID ${key}`),
    );
  }
  hosts?.forEach((host, i) =>
    duplicates(
      host.datastores,
      (d) => d.id,
      (j, key) =>
        report(
          ["hosts", i, "datastores", j, "id"],
          `duplicate datastore "${key}" on host ${host.name}`,
        ),
    ),
  );
}

export function referenceRules(
  { hosts, guests, proxmox, partial }: Sections,
  report: Report,
): void {
  if (!hosts) return;
  const hostByName = new Map(hosts.map((h) => [h.name, h]));
  guests?.forEach((guest, i) => {
    const host = hostByName.get(guest.host);
    if (!host) {
      if (partial?.has("hosts")) return;
      report(["guests", i, "host"], `host "${guest.host}" is not declared in baremetal:hosts`);
      return;
    }
    const needed = kindOf(guest) === "lxc" ? "rootdir" : "images";
    const disks = [
      ["rootDisk", guest.rootDisk],
      ["dataDisk", guest.dataDisk],
    ] as const;
    for (const [field, disk] of disks) {
      if (!disk) continue;
      const store = host.datastores.find((d) => d.id === disk.datastore);
      if (!store)
        report(
          ["guests", i, field, "datastore"],
          `datastore "${disk.datastore}" does not exist on host ${host.name}`,
        );
      else if (!store.content.includes(needed)) {
        report(
          ["guests", i, field, "datastore"],
          `datastore "${store.id}" on ${host.name} does not allow content "${needed}"`,
        );
      }
    }
  });
  if (!proxmox) return;
  hosts.forEach((host, i) => {
    const images = host.datastores.find((d) => d.id === proxmox.imageDatastore);
    if (!images)
      report(
        ["hosts", i, "datastores"],
        `has no image datastore "${proxmox.imageDatastore}" (baremetal:proxmox.imageDatastore)`,
      );
    else {
      for (const content of ["vztmpl", "import", "snippets"] as const) {
        if (!images.content.includes(content)) {
          report(
            ["hosts", i, "datastores"],
            `image datastore "${images.id}" must allow content "${content}"`,
          );
        }
      }
    }
    const hostsStateful = guests?.some((g) => g.host === host.name && isStateful(g));
    const backup = host.datastores.find((d) => d.id === proxmox.backup.storage);
    if (hostsStateful && (!backup || !backup.content.includes("backup"))) {
      report(
        ["proxmox", "backup", "storage"],
        `"${proxmox.backup.storage}" is not a backup datastore on host ${host.name}`,
      );
    }
  });
}

/**
 * Which guests take a data disk: a stateful guest's data must sit on a volume of its own (mounted
 * by the container, covered by the backup job) so its root file system can be rebuilt without it;
 * a VM is a stateless Kubernetes node and takes none.
 */
export function dataDiskRules({ guests }: Sections, report: Report): void {
  guests?.forEach((guest, i) => {
    if (kindOf(guest) === "vm" && guest.dataDisk) {
      report(["guests", i, "dataDisk"], "Kubernetes nodes are stateless and take no data disk");
    }
    if (isStateful(guest) && !guest.dataDisk) {
      report(
        ["guests", i, "dataDisk"],
        `is required: ${guest.role} is stateful and keeps its data on a disk of its own ({ datastore, sizeGb, mountPath })`,
      );
    }
  });
}

export function capacityRules({ hosts, guests, capacity }: Sections, report: Report): void {
  if (!hosts || !guests || !capacity) return;
  capacityReport(hosts, guests, capacity).forEach((host, i) => {
    if (host.cores.free < 0) {
      report(
        ["hosts", i],
        `needs ${host.cores.used} vCPUs but has ${host.cores.capacity} (after reserve and overcommit ${capacity.cpuOvercommit})`,
      );
    }
    if (host.memoryGb.free < 0) {
      report(
        ["hosts", i, "memoryGb"],
        `needs ${host.memoryGb.used} GB RAM but has ${host.memoryGb.capacity} after the reserve`,
      );
    }
    for (const [store, disk] of Object.entries(host.datastores)) {
      if (disk.free < 0) {
        const j = (hosts[i]?.datastores ?? []).findIndex((d) => d.id === store);
        report(
          ["hosts", i, "datastores", j, "sizeGb"],
          `datastore "${store}" needs ${disk.used} GB but has ${disk.capacity} after the reserve`,
        );
      }
    }
  });
}

export function placementRules({ guests, placement, partial }: Sections, report: Report): void {
  if (!guests) return;
  const allowed = new Set(placement?.allowColocation ?? []);
  const seen = new Map<string, string>();
  guests.forEach((guest, i) => {
    const group = ROLE_TRAITS[guest.role].spreadGroup;
    if (!group || allowed.has(group)) return;
    const key = `${group}@${guest.host}`;
    const other = seen.get(key);
    if (other) {
      report(
        ["guests", i, "host"],
        `${group} member "${guest.name}" shares host ${guest.host} with "${other}"; add "${group}" to baremetal:placement.allowColocation to permit it`,
      );
    } else seen.set(key, guest.name);
  });
  const members = guests.filter((g) => g.role === "mongodb").length;
  if (members % 2 === 0 && !partial?.has("guests")) {
    report(
      ["guests"],
      `the MongoDB replica set has ${members} members; it needs an odd number of voting members`,
    );
  }
  if (!guests.some((g) => g.role === "k8s-control-plane") && !partial?.has("guests")) {
    report(["guests"], "at least one k8s-control-plane node is required");
  }
  const names = new Set(guests.map((g) => g.name));
  placement?.allowReplace.forEach((name, i) => {
    if (!names.has(name) && !partial?.has("guests"))
      report(
        ["placement", "allowReplace", i],
        `guest "${name}" is not declared in baremetal:guests`,
      );
  });
}
