/**
 * The NetworkLayer component of one real stack under the offline engine (Pulumi mocks that record
 * every registration with its wire-format inputs): the SNMP resources of both routers and the
 * SNMPv3 credentials they share. Used by network.<stack>.test.ts, one stack per test file because
 * Pulumi's runtime state is per process.
 */
import * as pulumi from "@pulumi/pulumi";
import { parseStackConfig } from "../../components/config/validate";
import type { StackConfig } from "../../components/config/schema";
import { NetworkLayer, type SnmpV3Credentials } from "../../components/network";
import { planNetwork } from "../../components/plan/network";
import { startOfflineEngine, type OfflineEngine } from "../../scripts/offline/engine";
import type { RecordedResource } from "../../scripts/offline/engine";
import { plaintextOccurrences } from "../support/preview";
import { allSecrets, rawStackConfig, type StackName } from "../support/stackConfig";

const ROS = "pulumi-nodejs:dynamic/routeros:";
const RANDOM = "random:index/randomPassword:RandomPassword";

function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply(resolve));
}

export function networkSuite(stack: StackName, sources: string[]): void {
  const config: StackConfig = parseStackConfig(rawStackConfig(stack), allSecrets());
  const routers = config.routers.map((r) => r.name);
  let engine: OfflineEngine;
  let network: NetworkLayer;
  let credentials: SnmpV3Credentials;

  const find = (type: string, name: string): RecordedResource => {
    const found = engine.resources.find((r) => r.type === type && r.name === name);
    if (!found) throw new Error(`not registered: ${type} ${name}`);
    return found;
  };

  beforeAll(async () => {
    engine = await startOfflineEngine({ project: "baremetal", stack });
    network = new NetworkLayer("network", { plan: planNetwork(config) });
    credentials = await valueOf(network.snmp);
    // Every child is registered once the routers' last resources are.
    await Promise.all(Object.values(network.routers).map((r) => valueOf(r.urn)));
    await new Promise((r) => setTimeout(r, 50));
  });

  test("one SNMPv3 user and two passwords, generated once for the pair", async () => {
    const generated = engine.resources.filter((r) => r.type === RANDOM);
    expect(generated.map((r) => [r.name, r.inputs["length"], r.inputs["special"]])).toEqual([
      ["network-snmp-username", 32, false],
      ["network-snmp-auth-password", 32, false],
      ["network-snmp-priv-password", 32, false],
    ]);
    const layer = await valueOf(network.urn);
    for (const r of generated) {
      expect(r.parentUrn).toBe(layer);
      expect(r.additionalSecretOutputs).toEqual(expect.arrayContaining(["result"]));
    }
    expect(credentials).toEqual({
      username: expect.stringMatching(/^offline-network-snmp-username/),
      authProtocol: "SHA1",
      authPassword: expect.stringMatching(/^offline-network-snmp-auth-pas/),
      privProtocol: "AES",
      privPassword: expect.stringMatching(/^offline-network-snmp-priv-pas/),
    });
    for (const value of [credentials.username, credentials.authPassword, credentials.privPassword])
      expect(value).toHaveLength(32);
    expect(await pulumi.isSecret(network.snmp)).toBe(true);
  });

  test.each(routers)(
    "%s: the monitoring user is SNMPv3 authPriv, read-only, from the monitoring networks",
    async (router) => {
      const monitoring = find(`${ROS}SnmpCommunity`, `${router}-snmp-monitoring`);
      expect(monitoring.inputs).toMatchObject({
        name: credentials.username,
        addresses: sources,
        security: "private",
        authenticationProtocol: "SHA1",
        authenticationPassword: credentials.authPassword,
        encryptionProtocol: "AES",
        encryptionPassword: credentials.privPassword,
        readAccess: true,
        writeAccess: false,
      });
      expect(monitoring.parentUrn).toBe(
        await valueOf(network.routers[router]?.urn ?? pulumi.output("")),
      );
      expect(monitoring.additionalSecretOutputs).toEqual(
        expect.arrayContaining(["authenticationPassword", "encryptionPassword", "original"]),
      );
    },
  );

  test.each(routers)(
    "%s: the built-in public community is adopted, disabled and limited to the router",
    (router) => {
      expect(find(`${ROS}SnmpCommunity`, `${router}-snmp-public`).inputs).toMatchObject({
        name: "public",
        disabled: true,
        addresses: ["127.0.0.1/32"],
      });
    },
  );

  test.each(routers)(
    "%s: SNMP is switched on after the communities and the input firewall",
    (router) => {
      const settings = find(`${ROS}SnmpSettings`, `${router}-snmp`);
      expect(settings.inputs).toMatchObject({
        enabled: true,
        contact: `${config.access.user}@${config.site.publicDomain}`,
        location: config.site.name,
      });
      const chain = find(`${ROS}FirewallChain`, `${router}-chain-input`);
      expect(settings.dependencies).toEqual(
        expect.arrayContaining([
          find(`${ROS}SnmpCommunity`, `${router}-snmp-public`).urn,
          find(`${ROS}SnmpCommunity`, `${router}-snmp-monitoring`).urn,
          chain.urn,
        ]),
      );
      // The chain the settings wait for admits every monitoring network before its final drop.
      const rules = chain.inputs["rules"] as string[];
      const admits = rules.filter((c) => c.startsWith("baremetal: input snmp from "));
      expect(admits).toEqual(
        config.firewall.monitoringFrom.map((n) => `baremetal: input snmp from ${n}`),
      );
      expect(rules.at(-1)).toBe("baremetal: input drop everything else");
      for (const comment of admits) {
        const rule = engine.resources.find(
          (r) =>
            r.type === `${ROS}FirewallFilterRule` &&
            r.inputs["comment"] === comment &&
            r.name.startsWith(`${router}-`),
        );
        expect(rule?.inputs).toMatchObject({ protocol: "udp", dstPort: "161" });
      }
    },
  );

  test("no SNMP user name or password is registered in plain text anywhere", () => {
    const needles = [credentials.username, credentials.authPassword, credentials.privPassword];
    const leaks = engine.resources.flatMap((r) =>
      needles.flatMap((needle) =>
        plaintextOccurrences(r.rawInputs, needle).map((path) => `${r.type}::${r.name}${path}`),
      ),
    );
    expect(leaks).toEqual([]);
    // …while they are there, wrapped as secrets, on both routers' monitoring communities.
    const wrapped = engine.resources.filter(
      (r) =>
        r.type === `${ROS}SnmpCommunity` &&
        JSON.stringify(r.rawInputs).includes(credentials.authPassword),
    );
    expect(wrapped.map((r) => r.name).sort()).toEqual(
      routers.map((r) => `${r}-snmp-monitoring`).sort(),
    );
  });

  test("per router: one settings resource and two communities, nothing more", () => {
    for (const router of routers) {
      const snmp = engine.resources
        .filter((r) => r.type.startsWith(`${ROS}Snmp`) && r.name.startsWith(`${router}-`))
        .map((r) => `${r.type.slice(ROS.length)}::${r.name}`)
        .sort();
      expect(snmp).toEqual([
        `SnmpCommunity::${router}-snmp-monitoring`,
        `SnmpCommunity::${router}-snmp-public`,
        `SnmpSettings::${router}-snmp`,
      ]);
    }
  });
}
