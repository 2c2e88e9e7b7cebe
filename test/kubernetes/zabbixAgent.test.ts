/**
 * The Zabbix agent 2 container builds its configuration from the environment the chart passes
 * (zabbix-docker `Dockerfiles/agent2/<os>/docker-entrypoint.sh`): `ServerActive` is
 * `ZBX_SERVER_HOST` (with `:ZBX_SERVER_PORT` unless it is the default 10051), followed by
 * `ZBX_ACTIVESERVERS` when set. Agent 2 refuses to start when one address appears twice.
 */
import { zabbixValues } from "../../components/kubernetes/values/zabbix";
import { productionFixture, stagingFixture } from "./fixtures";

const DEFAULT_TRAPPER_PORT = 10051;

/** ServerActive as the image's entrypoint writes it. */
function serverActive(env: Record<string, unknown>): string[] {
  const host = String(env["ZBX_SERVER_HOST"] ?? "");
  const port = env["ZBX_SERVER_PORT"];
  const server =
    port !== undefined && Number(port) !== DEFAULT_TRAPPER_PORT ? `${host}:${String(port)}` : host;
  const extra = env["ZBX_ACTIVESERVERS"];
  return [server, ...(typeof extra === "string" && extra !== "" ? extra.split(",") : [])];
}

/** An address as agent 2 compares them: host and port, the default port filled in. */
function normalised(address: string): string {
  return /:\d+$/.test(address) ? address : `${address}:${DEFAULT_TRAPPER_PORT}`;
}

describe.each([stagingFixture, productionFixture])("Zabbix agent of $stack", (fixture) => {
  const agent = zabbixValues(fixture).zabbixAgent as unknown as Record<string, unknown>;

  it("lists each active server once, so agent 2 starts", () => {
    const addresses = serverActive(agent).map(normalised);
    expect(addresses).toEqual([...new Set(addresses)]);
  });

  it("sends active checks to the LXC server", () => {
    expect(serverActive(agent).map(normalised)).toEqual([
      `${fixture.services.zabbixServer.host}:${DEFAULT_TRAPPER_PORT}`,
    ]);
    expect(agent["ZBX_ACTIVE_ALLOW"]).toBe(true);
  });
});

describe("the entrypoint model", () => {
  it("catches the server named again in ZBX_ACTIVESERVERS", () => {
    const addresses = serverActive({
      ZBX_SERVER_HOST: "zabbix-1",
      ZBX_SERVER_PORT: 10051,
      ZBX_ACTIVESERVERS: "zabbix-1:10051",
    }).map(normalised);
    expect(new Set(addresses).size).toBeLessThan(addresses.length);
  });
});
