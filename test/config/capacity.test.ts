/** Per-host capacity accounting: what counts, what is reserved and what may be overcommitted. */
import fc from "fast-check";
import { capacityReport, diskByDatastore, threadsOf } from "../../components/config/capacity";
import type { Capacity, Datastore, Guest, Host } from "../../components/config/schema";

function datastore(id: string, sizeGb: number, shared = false): Datastore {
  return { id, type: shared ? "nfs" : "lvmthin", sizeGb, content: ["images", "rootdir"], shared };
}

function host(name: string, overrides: Partial<Host> = {}): Host {
  return {
    name,
    model: "PowerEdge R660",
    sockets: 2,
    coresPerSocket: 8,
    threadsPerCore: 2,
    memoryGb: 128,
    managementIp: "10.10.0.11",
    bridgePorts: ["eno1"],
    datastores: [
      datastore("local-lvm", 1000),
      datastore("nvme", 4000),
      datastore("nfs", 9999, true),
    ],
    ...overrides,
  };
}

function guest(name: string, hostName: string, overrides: Partial<Guest> = {}): Guest {
  return {
    name,
    role: "redis",
    host: hostName,
    vmId: 100,
    network: "services",
    ip: "10.20.0.10",
    cores: 4,
    memoryGb: 16,
    rootDisk: { datastore: "local-lvm", sizeGb: 16 },
    ...overrides,
  };
}

const policy: Capacity = { reserve: { cores: 2, memoryGb: 8, diskGb: 20 }, cpuOvercommit: 1.5 };

describe("threadsOf and diskByDatastore", () => {
  it("counts hardware threads", () => {
    expect(threadsOf(host("a"))).toBe(32);
    expect(threadsOf(host("a", { sockets: 1, coresPerSocket: 6, threadsPerCore: 1 }))).toBe(6);
  });

  it("sums a guest's disks per datastore", () => {
    expect(diskByDatastore(guest("g", "a"))).toEqual({ "local-lvm": 16 });
    expect(
      diskByDatastore(
        guest("g", "a", { dataDisk: { datastore: "nvme", sizeGb: 500, mountPath: "/data" } }),
      ),
    ).toEqual({ "local-lvm": 16, nvme: 500 });
    expect(
      diskByDatastore(
        guest("g", "a", { dataDisk: { datastore: "local-lvm", sizeGb: 500, mountPath: "/d" } }),
      ),
    ).toEqual({ "local-lvm": 516 });
  });
});

describe("capacityReport", () => {
  const hosts = [host("a"), host("b", { memoryGb: 64 })];
  const guests = [
    guest("g1", "a", { cores: 10, memoryGb: 40 }),
    guest("g2", "a", {
      cores: 6,
      memoryGb: 20,
      rootDisk: { datastore: "nvme", sizeGb: 100 },
      dataDisk: { datastore: "nvme", sizeGb: 300, mountPath: "/data" },
    }),
    guest("g3", "b", { cores: 2, memoryGb: 4, rootDisk: { datastore: "nfs", sizeGb: 5000 } }),
  ];
  const [a, b] = capacityReport(hosts, guests, policy);

  it("reports one entry per host, in order, with its guests", () => {
    expect(a?.host).toBe("a");
    expect(a?.model).toBe("PowerEdge R660");
    expect(a?.guests).toEqual(["g1", "g2"]);
    expect(b?.guests).toEqual(["g3"]);
  });

  it("vCPUs = (threads − reserve) × overcommit", () => {
    // (32 − 2) × 1.5 = 45
    expect(a?.cores).toEqual({ used: 16, capacity: 45, free: 29 });
    expect(b?.cores).toEqual({ used: 2, capacity: 45, free: 43 });
  });

  it("memory is the host's minus the reserve, never overcommitted", () => {
    expect(a?.memoryGb).toEqual({ used: 60, capacity: 120, free: 60 });
    expect(b?.memoryGb).toEqual({ used: 4, capacity: 56, free: 52 });
  });

  it("disk per local datastore minus the reserve; shared datastores are left out", () => {
    expect(a?.datastores).toEqual({
      "local-lvm": { used: 16, capacity: 980, free: 964 },
      nvme: { used: 400, capacity: 3980, free: 3580 },
    });
    expect(b?.datastores).toEqual({
      "local-lvm": { used: 0, capacity: 980, free: 980 },
      nvme: { used: 0, capacity: 3980, free: 3980 },
    });
    expect(Object.keys(b?.datastores ?? {})).not.toContain("nfs");
  });

  it("reports negative free space when over capacity", () => {
    const [over] = capacityReport(
      [host("a")],
      [guest("big", "a", { cores: 50, memoryGb: 121 })],
      policy,
    );
    expect(over?.cores.free).toBe(-5);
    expect(over?.memoryGb.free).toBe(-1);
  });

  it("ignores guests on unknown hosts", () => {
    const report = capacityReport([host("a")], [guest("g", "elsewhere")], policy);
    expect(report[0]?.guests).toEqual([]);
    expect(report[0]?.cores.used).toBe(0);
  });

  it("overcommit scales vCPUs only; reserves lower each resource", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 0, max: 8 }),
        fc.double({ min: 1, max: 8, noNaN: true }),
        fc.integer({ min: 0, max: 64 }),
        fc.integer({ min: 0, max: 100 }),
        (
          sockets,
          coresPerSocket,
          threadsPerCore,
          reserveCores,
          overcommit,
          reserveMem,
          reserveDisk,
        ) => {
          const h = host("a", { sockets, coresPerSocket, threadsPerCore, memoryGb: 512 });
          const [report] = capacityReport([h], [], {
            reserve: { cores: reserveCores, memoryGb: reserveMem, diskGb: reserveDisk },
            cpuOvercommit: overcommit,
          });
          const threads = sockets * coresPerSocket * threadsPerCore;
          expect(report?.cores.capacity).toBe(Math.floor((threads - reserveCores) * overcommit));
          expect(report?.memoryGb.capacity).toBe(512 - reserveMem);
          expect(report?.datastores["nvme"]?.capacity).toBe(4000 - reserveDisk);
        },
      ),
    );
  });
});
