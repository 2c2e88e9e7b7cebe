import fc from "fast-check";
import { providers } from "../../providers/routeros/runtime";
import { clearReadCache } from "../../providers/routeros/registry";
import type { MenuOutputs } from "../../providers/routeros/types";
import type { FakeRouter } from "../../scripts/support/routeros-fake/server";
import { routerOf, startFake } from "./helpers";

let fake: FakeRouter;
beforeAll(async () => {
  fake = await startFake();
});
afterAll(() => fake.stop());

const duration = fc.oneof(
  fc.integer({ min: 1, max: 3 * 86_400 }).map((s) => `${s}s`),
  fc.integer({ min: 1, max: 72 }).map((h) => `${h}h`),
  fc.integer({ min: 1, max: 9 }).map((d) => `${d}d`),
  fc.integer({ min: 1, max: 600 }).map((s) => s), // bare number = seconds
);
const bool = fc.oneof(fc.boolean(), fc.constantFrom("yes", "no", "true", "false"));
const word = fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/);

type Name = keyof typeof providers;
const arbitraries: [Name, fc.Arbitrary<Record<string, unknown>>][] = [
  [
    "DnsStaticRecord",
    fc.record({
      name: word.map((w) => `${w}.pd`),
      address: fc.ipV4(),
      ttl: duration,
      disabled: bool,
      comment: fc.option(word, { nil: undefined }),
    }),
  ],
  [
    "Vlan",
    fc.record({
      name: word.map((w) => `v-${w}`),
      vlanId: fc.integer({ min: 1, max: 4094 }),
      interface: fc.constantFrom("ether1", "ether2"),
      mtu: fc.integer({ min: 1280, max: 9000 }),
      useServiceTag: bool,
    }),
  ],
  [
    "IpRoute",
    fc.record({
      dstAddress: fc.ipV4(),
      gateway: fc.ipV4(),
      distance: fc.integer({ min: 1, max: 255 }),
      checkGateway: fc.option(fc.constantFrom("ping", "arp"), { nil: undefined }),
      disabled: bool,
    }),
  ],
  [
    "Netwatch",
    fc.record({ host: fc.ipV4(), interval: duration, timeout: duration, disabled: bool }),
  ],
  [
    "FirewallFilterRule",
    fc.record({
      chain: word,
      action: fc.constantFrom("accept", "drop", "return"),
      comment: word,
      connectionState: fc.subarray(["established", "related", "new", "invalid"]),
      // RouterOS prints a host prefix without /32.
      srcAddress: fc.option(
        fc.oneof(
          fc.ipV4(),
          fc.ipV4().map((a) => `${a}/32`),
        ),
        { nil: undefined },
      ),
      log: bool,
      disabled: bool,
    }),
  ],
  [
    "AddressListEntry",
    fc.record({ list: word, address: fc.ipV4(), timeout: fc.option(duration, { nil: undefined }) }),
  ],
  [
    "SnmpCommunity",
    fc.record({
      name: word.map((w) => `c-${w}`),
      // Bare addresses come back with /32; the order is the program's.
      addresses: fc.array(
        fc.oneof(
          fc.ipV4(),
          fc.tuple(fc.ipV4(), fc.integer({ min: 0, max: 32 })).map(([a, n]) => `${a}/${n}`),
        ),
        { minLength: 1, maxLength: 4 },
      ),
      security: fc.constantFrom("none", "authorized", "private"),
      readAccess: bool,
      writeAccess: bool,
      authenticationProtocol: fc.constantFrom("MD5", "SHA1"),
      authenticationPassword: fc.stringMatching(/^[A-Za-z0-9]{8,32}$/),
      encryptionProtocol: fc.constantFrom("DES", "AES"),
      encryptionPassword: fc.option(fc.stringMatching(/^[A-Za-z0-9]{8,32}$/), { nil: undefined }),
      disabled: bool,
      comment: fc.option(word, { nil: undefined }),
    }),
  ],
  [
    "VrrpInterface",
    fc.record({
      name: word.map((w) => `vr-${w}`),
      interface: fc.constant("ether3"),
      priority: fc.integer({ min: 1, max: 254 }),
      interval: duration,
      preemptionMode: bool,
      password: word,
    }),
  ],
];

describe.each(arbitraries)("%s: create then read never shows a diff", (name, arb) => {
  test("property", async () => {
    const p = providers[name];
    await fc.assert(
      fc.asyncProperty(arb, async (values) => {
        const inputs = { router: routerOf(fake), ...values };
        const { inputs: checked, failures } = await p.check({} as never, inputs as never);
        expect(failures).toEqual([]);
        const created = await p.create(checked as never);
        try {
          clearReadCache();
          const read = await p.read(created.id, created.outs as never);
          const d = await p.diff(created.id, read.props as never, checked as never);
          expect(d.changes).toBe(false);
          expect(read.inputs).toEqual(checked);
        } finally {
          await p.delete(created.id, created.outs as MenuOutputs as never);
        }
      }),
      { numRuns: 40 },
    );
  });
});
