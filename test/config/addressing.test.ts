/** IPv4 helpers, against an independent integer model of addresses and prefixes. */
import fc from "fast-check";
import {
  contains,
  hostPart,
  isIpv4Address,
  isIpv4Cidr,
  isNetworkAddressForm,
  isReservedInNetwork,
  networkOf,
  overlaps,
  prefixLength,
  withPrefix,
} from "../../components/config/addressing";

const TWO_32 = 2 ** 32;

function dotted(n: number): string {
  return [2 ** 24, 2 ** 16, 2 ** 8, 1].map((unit) => Math.floor(n / unit) % 256).join(".");
}

interface Net {
  base: number;
  prefix: number;
  size: number;
  cidr: string;
}

const uint32 = fc.integer({ min: 0, max: TWO_32 - 1 });

function netOf(address: number, prefix: number): Net {
  const size = 2 ** (32 - prefix);
  const base = address - (address % size);
  return { base, prefix, size, cidr: `${dotted(base)}/${prefix}` };
}

const network = (minPrefix = 0, maxPrefix = 32) =>
  fc
    .tuple(uint32, fc.integer({ min: minPrefix, max: maxPrefix }))
    .map(([address, prefix]) => netOf(address, prefix));

/** A network and an offset inside it. */
const inside = (minPrefix = 0, maxPrefix = 32) =>
  network(minPrefix, maxPrefix).chain((net) =>
    fc.integer({ min: 0, max: net.size - 1 }).map((offset) => ({ net, offset })),
  );

describe("address and prefix syntax", () => {
  it("accepts every dotted quad as an address and rejects it with a prefix", () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.integer({ min: 0, max: 32 }), (address, prefix) => {
        expect(isIpv4Address(address)).toBe(true);
        expect(isIpv4Address(`${address}/${prefix}`)).toBe(false);
        expect(isIpv4Cidr(`${address}/${prefix}`)).toBe(true);
        expect(isIpv4Cidr(address)).toBe(false);
      }),
    );
  });

  it.each([
    "256.1.1.1",
    "1.2.3",
    "1.2.3.4.5",
    "010.0.0.1",
    " 10.0.0.1",
    "10.0.0.1 ",
    "",
    "a.b.c.d",
  ])("rejects %j as an address", (value) => {
    expect(isIpv4Address(value)).toBe(false);
  });

  it.each(["10.0.0.0/33", "10.0.0.0/", "10.0.0.0/099", "10.0.0.0/-1", "10.0.0.0", "10.0.0/24"])(
    "rejects %j as a prefix",
    (value) => {
      expect(isIpv4Cidr(value)).toBe(false);
    },
  );

  it("reads the prefix length", () => {
    fc.assert(
      fc.property(network(), (net) => {
        expect(prefixLength(net.cidr)).toBe(net.prefix);
      }),
    );
  });
});

describe("network membership", () => {
  it("every address produced inside a random network is contained", () => {
    fc.assert(
      fc.property(inside(), ({ net, offset }) => {
        expect(contains(net.cidr, dotted(net.base + offset))).toBe(true);
      }),
    );
  });

  it("no address outside a random network is contained", () => {
    fc.assert(
      fc.property(network(1), uint32, (net, address) => {
        fc.pre(address < net.base || address >= net.base + net.size);
        expect(contains(net.cidr, dotted(address))).toBe(false);
      }),
    );
  });

  it("the neighbours of a network are outside it", () => {
    fc.assert(
      fc.property(network(1), (net) => {
        if (net.base > 0) expect(contains(net.cidr, dotted(net.base - 1))).toBe(false);
        if (net.base + net.size < TWO_32) {
          expect(contains(net.cidr, dotted(net.base + net.size))).toBe(false);
        }
      }),
    );
  });

  it("a network written with host bits contains the same addresses", () => {
    fc.assert(
      fc.property(inside(), uint32, ({ net, offset }, probe) => {
        const written = `${dotted(net.base + offset)}/${net.prefix}`;
        expect(contains(written, dotted(probe))).toBe(contains(net.cidr, dotted(probe)));
      }),
    );
  });

  it("/32 contains exactly its own address", () => {
    expect(contains("10.0.0.5/32", "10.0.0.5")).toBe(true);
    expect(contains("10.0.0.5/32", "10.0.0.4")).toBe(false);
    expect(contains("10.0.0.5/32", "10.0.0.6")).toBe(false);
  });

  it("/0 contains everything", () => {
    fc.assert(
      fc.property(fc.ipV4(), (address) => {
        expect(contains("0.0.0.0/0", address)).toBe(true);
      }),
    );
  });
});

describe("network and broadcast addresses", () => {
  it("are exactly the first and last address of a network up to /30", () => {
    fc.assert(
      fc.property(inside(0, 30), ({ net, offset }) => {
        const reserved = offset === 0 || offset === net.size - 1;
        expect(isReservedInNetwork(net.cidr, dotted(net.base + offset))).toBe(reserved);
      }),
    );
  });

  it("do not exist in /31 and /32 (point-to-point and single-host networks)", () => {
    fc.assert(
      fc.property(inside(31, 32), ({ net, offset }) => {
        expect(isReservedInNetwork(net.cidr, dotted(net.base + offset))).toBe(false);
      }),
    );
    expect(isReservedInNetwork("192.0.2.2/31", "192.0.2.2")).toBe(false);
    expect(isReservedInNetwork("192.0.2.2/31", "192.0.2.3")).toBe(false);
    expect(isReservedInNetwork("192.0.2.9/32", "192.0.2.9")).toBe(false);
  });

  it("examples in a /24 and a /30", () => {
    expect(isReservedInNetwork("10.20.0.0/24", "10.20.0.0")).toBe(true);
    expect(isReservedInNetwork("10.20.0.0/24", "10.20.0.255")).toBe(true);
    expect(isReservedInNetwork("10.20.0.0/24", "10.20.0.1")).toBe(false);
    expect(isReservedInNetwork("10.20.0.0/24", "10.20.0.254")).toBe(false);
    expect(isReservedInNetwork("198.51.100.0/30", "198.51.100.3")).toBe(true);
    expect(isReservedInNetwork("198.51.100.0/30", "198.51.100.2")).toBe(false);
  });
});

describe("network form", () => {
  it("networkOf clears the host bits", () => {
    fc.assert(
      fc.property(inside(), ({ net, offset }) => {
        expect(networkOf(`${dotted(net.base + offset)}/${net.prefix}`)).toBe(net.cidr);
      }),
    );
  });

  it("a prefix is in network form exactly when it has no host bits", () => {
    fc.assert(
      fc.property(inside(), ({ net, offset }) => {
        const written = `${dotted(net.base + offset)}/${net.prefix}`;
        expect(isNetworkAddressForm(written)).toBe(offset === 0);
      }),
    );
  });

  it("examples", () => {
    expect(networkOf("10.20.0.5/24")).toBe("10.20.0.0/24");
    expect(networkOf("198.51.100.2/30")).toBe("198.51.100.0/30");
    expect(networkOf("192.0.2.3/31")).toBe("192.0.2.2/31");
    expect(networkOf("192.0.2.3/32")).toBe("192.0.2.3/32");
    expect(isNetworkAddressForm("10.20.0.0/24")).toBe(true);
    expect(isNetworkAddressForm("10.20.0.1/24")).toBe(false);
    expect(isNetworkAddressForm("192.0.2.3/32")).toBe(true);
  });
});

describe("overlaps", () => {
  it("is true exactly when the address ranges intersect, and symmetric", () => {
    fc.assert(
      fc.property(network(), network(), (a, b) => {
        const intersect = a.base < b.base + b.size && b.base < a.base + a.size;
        expect(overlaps(a.cidr, b.cidr)).toBe(intersect);
        expect(overlaps(b.cidr, a.cidr)).toBe(intersect);
      }),
    );
  });

  it("nested, disjoint and adjacent networks", () => {
    expect(overlaps("10.0.0.0/16", "10.0.5.0/24")).toBe(true);
    expect(overlaps("10.0.5.0/24", "10.0.0.0/16")).toBe(true);
    expect(overlaps("10.0.0.0/24", "10.0.1.0/24")).toBe(false);
    expect(overlaps("10.0.0.0/31", "10.0.0.2/31")).toBe(false);
    expect(overlaps("10.0.0.1/32", "10.0.0.0/31")).toBe(true);
    expect(overlaps("10.0.0.0/24", "10.0.0.0/24")).toBe(true);
  });
});

describe("withPrefix and hostPart", () => {
  it("round-trip an address through the Proxmox/RouterOS form", () => {
    fc.assert(
      fc.property(inside(), ({ net, offset }) => {
        const address = dotted(net.base + offset);
        const form = withPrefix(address, net.cidr);
        expect(form).toBe(`${address}/${net.prefix}`);
        expect(hostPart(form)).toBe(address);
      }),
    );
  });

  it("examples", () => {
    expect(withPrefix("10.20.0.11", "10.20.0.0/24")).toBe("10.20.0.11/24");
    expect(withPrefix("192.0.2.3", "192.0.2.2/31")).toBe("192.0.2.3/31");
    expect(hostPart("198.51.100.2/30")).toBe("198.51.100.2");
  });
});
