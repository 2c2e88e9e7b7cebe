import fc from "fast-check";
import {
  canonical,
  fromRos,
  parseDurationMs,
  sameValue,
  toRos,
} from "../../providers/routeros/values";
import { formatDuration, toBool, withPrefix } from "../../scripts/support/routeros-fake/values";

describe("durations", () => {
  test.each([
    ["1d", 86_400_000],
    ["24h", 86_400_000],
    ["2m5s", 125_000],
    ["31s250ms", 31_250],
    ["1w", 604_800_000],
    ["00:05:00", 300_000],
    ["1d 02:00:00", 93_600_000],
    ["90", 90_000],
  ])("%s = %d ms", (text, ms) => {
    expect(parseDurationMs(text)).toBe(ms);
  });

  test("words are not durations", () => {
    expect(parseDurationMs("none")).toBeUndefined();
    expect(canonical("duration", "auto")).toBe("auto");
  });

  test("whatever way the router prints a duration, it equals what was written", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 * 604_800 }), (seconds) => {
        const printed = formatDuration(seconds * 1000);
        expect(sameValue("duration", `${seconds}s`, printed)).toBe(true);
        expect(sameValue("duration", seconds, printed)).toBe(true);
      }),
    );
  });
});

describe("booleans", () => {
  test("yes/no/true/false and JS booleans are one value; read back in the declared type", () => {
    fc.assert(
      fc.property(fc.boolean(), fc.constantFrom("yes", "true", "no", "false"), (b, spelled) => {
        const routerValue = toBool(toRos("bool", b));
        expect(sameValue("bool", b, routerValue)).toBe(true);
        expect(fromRos("bool", routerValue ?? "", b)).toBe(b);
        expect(sameValue("bool", spelled, toBool(spelled))).toBe(true);
      }),
    );
  });
});

describe("addresses and lists", () => {
  test("a bare address equals its /32 form", () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        expect(sameValue("cidr", ip, withPrefix(ip))).toBe(true);
      }),
    );
    expect(sameValue("cidr", "10.0.0.1/24", "10.0.0.1/32")).toBe(false);
  });

  test("absent and empty are the same, a value is not", () => {
    expect(canonical("string", "")).toBeUndefined();
    expect(canonical("list", [])).toBeUndefined();
    expect(sameValue("string", undefined, "")).toBe(true);
    expect(sameValue("string", undefined, "x")).toBe(false);
  });

  test("sets ignore order and spacing, lists keep order", () => {
    expect(sameValue("set", ["established", "related"], "related, established")).toBe(true);
    expect(sameValue("list", ["1.1.1.1", "8.8.8.8"], "8.8.8.8,1.1.1.1")).toBe(false);
    expect(fromRos("list", "1.1.1.1,8.8.8.8", ["x"])).toEqual(["1.1.1.1", "8.8.8.8"]);
  });

  test("prefix sets ignore order and take a bare address as its host prefix", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.ipV4(), { minLength: 1, maxLength: 5 }), (ips) => {
        const printed = [...ips].reverse().map(withPrefix).join(",");
        expect(sameValue("cidrs", ips, printed)).toBe(true);
        expect(fromRos("cidrs", printed, ips)).toEqual([...ips].reverse().map(withPrefix));
      }),
    );
    expect(sameValue("cidrs", ["10.0.0.0/24"], "10.0.0.0/24,127.0.0.1/32")).toBe(false);
    expect(sameValue("cidrs", ["10.0.0.1/24"], "10.0.0.1/32")).toBe(false);
    expect(toRos("cidrs", ["10.0.0.1", " ::/0"])).toBe("10.0.0.1,::/0");
  });

  test("integers: numbers, decimal strings and hex are one value", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 65535 }), (n) => {
        expect(sameValue("int", n, String(n))).toBe(true);
        expect(sameValue("int", `0x${n.toString(16)}`, String(n))).toBe(true);
        expect(fromRos("int", String(n), 0)).toBe(n);
      }),
    );
  });
});

describe("firewall addresses and KiB sizes", () => {
  test.each([
    ["10.0.0.1/32", "10.0.0.1"],
    ["!10.0.0.1/32", "!10.0.0.1"],
    ["2001:db8::1/128", "2001:db8::1"],
  ])("%s is the host %s", (written, printed) => {
    expect(sameValue("address", written, printed)).toBe(true);
  });

  test("a real prefix or range keeps its length", () => {
    expect(sameValue("address", "10.0.0.0/24", "10.0.0.0")).toBe(false);
    expect(canonical("address", "10.0.0.1-10.0.0.9")).toBe("10.0.0.1-10.0.0.9");
  });

  test.each([
    [2048, "2048KiB"],
    ["2048", "2048KiB"],
    ["2MiB", "2048KiB"],
  ])("cache size %p equals %s, and is sent as plain KiB", (written, printed) => {
    expect(sameValue("kib", written, printed)).toBe(true);
    expect(toRos("kib", written)).toBe("2048");
    expect(fromRos("kib", printed, 1)).toBe(2048);
  });
});
