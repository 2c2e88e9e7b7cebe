/** Zabbix renderers: server config, database access, the frontend and the router host import. */
import { parse } from "yaml";
import {
  routerHostsYaml,
  zabbixFrontendConf,
  zabbixPgHba,
  zabbixServerConf,
} from "../../components/services/zabbix/render";
import { SECRETS, zabbixFixture } from "./fixtures";

describe("zabbix renderers", () => {
  it("listens for agents on 10051 and reaches its database over the local socket", () => {
    const conf = zabbixServerConf({
      dbHost: "",
      dbPort: 5432,
      dbName: "zabbix",
      dbUser: "zabbix",
      listenPort: 10051,
      logFile: "/var/log/zabbix-server/zabbix_server.log",
      pidFile: "/run/zabbix/zabbix_server.pid",
      socketDir: "/run/zabbix",
    });
    expect(conf).toMatch(/^ListenPort=10051$/m);
    expect(conf).toMatch(/^DBHost=$/m);
    expect(conf).not.toMatch(/DBPassword/);
  });

  it("admits only the server by peer and the frontend over loopback", () => {
    const rules = zabbixPgHba({ dbName: "zabbix", dbUser: "zabbix" })
      .split("\n")
      .filter((l) => l && !l.startsWith("#"))
      .map((l) => l.split(/\s+/).join(" "));
    expect(rules).toEqual([
      "local all postgres peer",
      "local zabbix zabbix peer",
      "host zabbix zabbix 127.0.0.1/32 scram-sha-256",
      "host all all 0.0.0.0/0 reject",
      "host all all ::/0 reject",
    ]);
  });

  it("imports each router as an SNMPv3 authPriv host linked to the MikroTik template", () => {
    const doc = parse(
      routerHostsYaml([{ name: "rtr-1", ip: "10.120.0.2" }], {
        username: "monitoring",
        authPassword: "a".repeat(32),
        privPassword: "p".repeat(32),
      }),
    ) as { zabbix_export: { version: string; hosts: Record<string, unknown>[] } };
    expect(doc.zabbix_export.version).toBe("6.0");
    const [host] = doc.zabbix_export.hosts;
    expect(host).toMatchObject({
      host: "rtr-1",
      templates: [{ name: "Mikrotik by SNMP" }],
      interfaces: [
        {
          type: "SNMP",
          ip: "10.120.0.2",
          port: "161",
          details: {
            version: "SNMPV3",
            securityname: "monitoring",
            securitylevel: "AUTHPRIV",
            authprotocol: "SHA1",
            privprotocol: "AES128",
            authpassphrase: "a".repeat(32),
            privpassphrase: "p".repeat(32),
          },
        },
      ],
    });
    expect(() =>
      routerHostsYaml([], { username: "u", authPassword: "a", privPassword: "p" }),
    ).toThrow(/no routers/);
  });

  it("escapes the database password for PHP", () => {
    const php = zabbixFrontendConf({
      dbPort: 5432,
      dbName: "zabbix",
      dbUser: "zabbix",
      dbPassword: "a'b\\c",
      serverName: "z",
    });
    expect(php).toContain("$DB['PASSWORD'] = 'a\\'b\\\\c';");
  });

  it("keeps the SNMP passphrases, the admin password and the frontend's DB password in secret files only", () => {
    const files = zabbixFixture().steps.flatMap((s) => s.files);
    const holding = (secret: string) =>
      files.filter((f) => f.content.includes(secret)).map((f) => [f.path, f.secret, f.mode]);
    expect(holding(SECRETS.snmpAuth)).toEqual([
      ["/etc/zabbix/secrets/router-hosts.yaml", true, "0600"],
    ]);
    expect(holding(SECRETS.zabbixAdmin)).toEqual([
      ["/etc/zabbix/secrets/admin.password", true, "0600"],
    ]);
    expect(holding(SECRETS.zabbixDatabase)).toEqual([
      ["/etc/postgresql/15/main/secrets/zabbix.password", true, "0600"],
      ["/usr/share/zabbix/conf/zabbix.conf.php", true, "0640"],
    ]);
    expect(zabbixFixture().steps.map((s) => s.name)).toEqual([
      "install",
      "database",
      "server",
      "routers",
    ]);
  });
});
