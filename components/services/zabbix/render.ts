/**
 * Zabbix server (Debian's 6.0 LTS build) with its PostgreSQL on the zabbix guest's data mount,
 * the PHP frontend behind nginx over TLS (the API lives there), and the two routers as SNMPv3
 * hosts, imported through the API by an idempotent step.
 */
import { createHash } from "node:crypto";
import { stringify } from "yaml";
import { aptInstallScript, baseToolsScript } from "../apt";
import { postgresSetupSql } from "../postgres/render";
import { tlsFiles, type ServerTls } from "../tlsFiles";
import type { GuestFile, ServiceProvisioning } from "../types";
import { DEBIAN_PACKAGES, POSTGRES_MAJOR } from "../versions";

export interface ZabbixServerConfOptions {
  /** Empty: the local Unix socket (peer authentication as the `zabbix` OS user). */
  dbHost: string;
  dbPort: number;
  dbName: string;
  dbUser: string;
  listenPort: number;
  logFile: string;
  pidFile: string;
  /** Directory of the server's own sockets. */
  socketDir: string;
}

export function zabbixServerConf(o: ZabbixServerConfOptions): string {
  return [
    "# Rendered by the services layer; changes here are overwritten.",
    `ListenPort=${o.listenPort}`,
    `LogFile=${o.logFile}`,
    "LogFileSize=10",
    `PidFile=${o.pidFile}`,
    `SocketDir=${o.socketDir}`,
    `DBHost=${o.dbHost}`,
    `DBPort=${o.dbPort}`,
    `DBName=${o.dbName}`,
    `DBUser=${o.dbUser}`,
    "StartPollers=10",
    "StartPingers=2",
    "StartSNMPTrapper=0",
    "Timeout=4",
    "LogSlowQueries=3000",
    "StatsAllowedIP=127.0.0.1",
    "",
  ].join("\n");
}

export interface SnmpV3Credentials {
  username: string;
  authPassword: string;
  privPassword: string;
}

export interface MonitoredRouter {
  name: string;
  /** Address the server polls (the router's address in the zabbix guest's network). */
  ip: string;
}

/** Zabbix 6.0's stock template for RouterOS devices (discovers interfaces, CPU, memory, health). */
export const ROUTER_TEMPLATE = "Mikrotik by SNMP";
export const ROUTER_GROUP = "Network/Routers";

/** A stable UUID-shaped id (32 hex digits), as Zabbix's import format wants for groups. */
function uuidOf(name: string): string {
  return createHash("md5").update(name).digest("hex");
}

/** Host import document (Zabbix export format 6.0): one SNMPv3 authPriv host per router. */
export function routerHostsYaml(
  routers: readonly MonitoredRouter[],
  snmp: SnmpV3Credentials,
): string {
  if (routers.length === 0) throw new Error("zabbix: no routers to monitor");
  return stringify({
    zabbix_export: {
      version: "6.0",
      groups: [{ uuid: uuidOf(ROUTER_GROUP), name: ROUTER_GROUP }],
      hosts: routers.map((router) => ({
        host: router.name,
        name: router.name,
        templates: [{ name: ROUTER_TEMPLATE }],
        groups: [{ name: ROUTER_GROUP }],
        interfaces: [
          {
            type: "SNMP",
            ip: router.ip,
            port: "161",
            useip: "YES",
            details: {
              version: "SNMPV3",
              securityname: snmp.username,
              securitylevel: "AUTHPRIV",
              // RouterOS `sha1`/`aes` are Zabbix's SHA1 and AES128.
              authprotocol: "SHA1",
              authpassphrase: snmp.authPassword,
              privprotocol: "AES128",
              privpassphrase: snmp.privPassword,
            },
            interface_ref: "if1",
          },
        ],
        inventory_mode: "DISABLED",
      })),
    },
  });
}

function phpString(value: string): string {
  return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

/** The frontend's database settings (it connects over loopback TCP with a password). */
export function zabbixFrontendConf(o: {
  dbPort: number;
  dbName: string;
  dbUser: string;
  dbPassword: string;
  serverName: string;
}): string {
  return [
    "<?php",
    "// Rendered by the services layer; changes here are overwritten.",
    "$DB['TYPE'] = 'POSTGRESQL';",
    "$DB['SERVER'] = '127.0.0.1';",
    `$DB['PORT'] = '${o.dbPort}';`,
    `$DB['DATABASE'] = ${phpString(o.dbName)};`,
    `$DB['USER'] = ${phpString(o.dbUser)};`,
    `$DB['PASSWORD'] = ${phpString(o.dbPassword)};`,
    "$DB['SCHEMA'] = '';",
    "$DB['ENCRYPTION'] = false;",
    "$DB['KEY_FILE'] = '';",
    "$DB['CERT_FILE'] = '';",
    "$DB['CA_FILE'] = '';",
    "$DB['VERIFY_HOST'] = false;",
    "$DB['CIPHER_LIST'] = '';",
    "$DB['VAULT_URL'] = '';",
    "$DB['VAULT_DB_PATH'] = '';",
    "$DB['VAULT_TOKEN'] = '';",
    "$DB['DOUBLE_IEEE754'] = true;",
    "$ZBX_SERVER = 'localhost';",
    "$ZBX_SERVER_PORT = '10051';",
    `$ZBX_SERVER_NAME = ${phpString(o.serverName)};`,
    "$IMAGE_FORMAT_DEFAULT = IMAGE_FORMAT_PNG;",
    "",
  ].join("\n");
}

/** The database's own access rules: the server by peer, the frontend over loopback, nothing else. */
export function zabbixPgHba(o: { dbName: string; dbUser: string }): string {
  return [
    "# Rendered by the services layer; changes here are overwritten.",
    "local    all        postgres                 peer",
    `local    ${o.dbName}  ${o.dbUser}                 peer`,
    `host     ${o.dbName}  ${o.dbUser}  127.0.0.1/32   scram-sha-256`,
    "host     all        all       0.0.0.0/0      reject",
    "host     all        all       ::/0           reject",
    "",
  ].join("\n");
}

export function zabbixNginxSite(o: { fqdn: string; tlsDir: string }): string {
  return [
    "# Rendered by the services layer; changes here are overwritten.",
    "server {",
    "    listen 443 ssl;",
    `    server_name ${o.fqdn} localhost;`,
    `    ssl_certificate ${o.tlsDir}/server.crt;`,
    `    ssl_certificate_key ${o.tlsDir}/server.key;`,
    "    ssl_protocols TLSv1.2 TLSv1.3;",
    "    root /usr/share/zabbix;",
    "    index index.php;",
    "    location ~ ^/(conf|app|include|local)/ { deny all; }",
    "    location ~ \\.php$ {",
    "        include snippets/fastcgi-php.conf;",
    "        fastcgi_pass unix:/run/php/php8.2-fpm.sock;",
    "    }",
    "}",
    "",
  ].join("\n");
}

export interface ZabbixProvisioningInput {
  guest: string;
  fqdn: string;
  dataDir: string;
  listenPort: number;
  tls: ServerTls;
  dbPassword: string;
  adminPassword: string;
  routers: readonly MonitoredRouter[];
  snmp: SnmpV3Credentials;
}

const TLS_DIR = "/etc/zabbix/tls";
const SECRETS = "/etc/zabbix/secrets";
const PG_ETC = `/etc/postgresql/${POSTGRES_MAJOR}/main`;
const DB = { dbName: "zabbix", dbUser: "zabbix" };
const SCHEMA_DIR = "/usr/share/zabbix-server-pgsql";

/** The API calls, reading every secret from files (jq --rawfile) and posting on stdin. */
export function zabbixApiScript(): string {
  return [
    "API=https://127.0.0.1/api_jsonrpc.php",
    `rpc() { curl -fsS --cacert ${TLS_DIR}/ca.crt -H 'Content-Type: application/json-rpc' --data-binary @- "$API"; }`,
    "ready=0",
    "for _ in $(seq 1 30); do",
    '  if jq -n \'{jsonrpc: "2.0", method: "apiinfo.version", params: [], id: 1}\' | rpc >/dev/null 2>&1; then ready=1; break; fi',
    "  sleep 2",
    "done",
    '[ "$ready" = 1 ] || { echo "${STEP_LABEL}: the Zabbix API does not answer on $API" >&2; exit 1; }',
    "login() {",
    '  jq -n --rawfile pw "$1" \'{jsonrpc: "2.0", method: "user.login", params: {username: "Admin", password: $pw}, id: 1}\' | rpc | jq -r \'.result // empty\'',
    "}",
    `token="$(login ${SECRETS}/admin.password)"`,
    'if [ -z "$token" ]; then',
    "  # A fresh database still has the initial Admin password; replace it with the managed one.",
    '  initial="$(mktemp)"',
    "  printf '%s' zabbix > \"$initial\"",
    '  token="$(login "$initial")"',
    '  rm -f "$initial"',
    '  [ -n "$token" ] || { echo "${STEP_LABEL}: cannot log in to the Zabbix API as Admin with the managed or the initial password" >&2; exit 1; }',
    `  AUTH="$token" jq -n --rawfile pw ${SECRETS}/admin.password '{jsonrpc: "2.0", method: "user.update", params: {userid: "1", current_passwd: "zabbix", passwd: $pw}, auth: env.AUTH, id: 1}' | rpc | jq -e '.result' >/dev/null || { echo "\${STEP_LABEL}: cannot set the Admin password" >&2; exit 1; }`,
    `  token="$(login ${SECRETS}/admin.password)"`,
    "fi",
    `result="$(AUTH="$token" jq -n --rawfile src ${SECRETS}/router-hosts.yaml '{jsonrpc: "2.0", method: "configuration.import", params: {format: "yaml", rules: {groups: {createMissing: true}, hosts: {createMissing: true, updateExisting: true}, templateLinkage: {createMissing: true}}, source: $src}, auth: env.AUTH, id: 1}' | rpc)"`,
    `if ! printf '%s' "$result" | jq -e '.result == true' >/dev/null; then`,
    `  echo "\${STEP_LABEL}: configuration.import failed: $(printf '%s' "$result" | jq -r '.error.data // .error.message // "no result"')" >&2`,
    "  exit 1",
    "fi",
  ].join("\n");
}

export function zabbixProvisioning(input: ZabbixProvisioningInput): ServiceProvisioning {
  const packages = [
    DEBIAN_PACKAGES.postgresql,
    DEBIAN_PACKAGES.zabbixServer,
    DEBIAN_PACKAGES.phpFpm,
    DEBIAN_PACKAGES.phpPgsql,
    DEBIAN_PACKAGES.zabbixFrontend,
    DEBIAN_PACKAGES.nginx,
  ];
  const secret = (path: string, content: string, owner = "root"): GuestFile => ({
    path,
    content,
    mode: "0600",
    owner,
    secret: true,
  });
  const plain = (path: string, content: string, owner = "root", mode = "0644"): GuestFile => ({
    path,
    content,
    mode,
    owner,
    secret: false,
  });
  return {
    guest: input.guest,
    service: "zabbix",
    packages,
    steps: [
      {
        name: "install",
        files: [],
        script: [
          `if ! mountpoint -q ${input.dataDir}; then echo "\${STEP_LABEL}: ${input.dataDir} is not the data mount" >&2; exit 1; fi`,
          baseToolsScript(),
          aptInstallScript(packages),
        ].join("\n"),
      },
      {
        name: "database",
        files: [
          plain(`${PG_ETC}/pg_hba.conf`, zabbixPgHba(DB), "postgres", "0640"),
          secret(`${PG_ETC}/secrets/zabbix.password`, input.dbPassword, "postgres"),
          plain(
            `${PG_ETC}/setup-zabbix.sql`,
            postgresSetupSql({
              role: DB.dbUser,
              database: DB.dbName,
              passwordFile: `${PG_ETC}/secrets/zabbix.password`,
            }),
            "postgres",
          ),
        ],
        script: [
          `chmod 0700 ${PG_ETC}/secrets`,
          `chown postgres:postgres ${PG_ETC}/secrets`,
          `if changed ${PG_ETC}/pg_hba.conf; then systemctl reload postgresql@${POSTGRES_MAJOR}-main; fi`,
          "ready=0",
          "for _ in $(seq 1 30); do if pg_isready -q; then ready=1; break; fi; sleep 1; done",
          '[ "$ready" = 1 ] || { echo "${STEP_LABEL}: postgresql does not accept connections" >&2; exit 1; }',
          `runuser -u postgres -- psql -X -q -f ${PG_ETC}/setup-zabbix.sql >/dev/null`,
          // The schema, images and data load once, in one transaction, so the marker (the Admin
          // user row the data creates) exists only when all of it does.
          `if [ "$(runuser -u postgres -- psql -X -qAt -d ${DB.dbName} -c "select to_regclass('public.users') is not null and exists (select 1 from users)" 2>/dev/null || true)" != t ]; then`,
          `  { zcat ${SCHEMA_DIR}/schema.sql.gz; zcat ${SCHEMA_DIR}/images.sql.gz; zcat ${SCHEMA_DIR}/data.sql.gz; } | runuser -u zabbix -- psql -X -q -1 -v ON_ERROR_STOP=1 -d ${DB.dbName} >/dev/null`,
          "fi",
        ].join("\n"),
      },
      {
        name: "server",
        files: [
          ...tlsFiles(TLS_DIR, "root", input.tls),
          plain(
            "/etc/zabbix/zabbix_server.conf",
            zabbixServerConf({
              dbHost: "",
              dbPort: 5432,
              ...DB,
              listenPort: input.listenPort,
              logFile: "/var/log/zabbix-server/zabbix_server.log",
              pidFile: "/run/zabbix/zabbix_server.pid",
              socketDir: "/run/zabbix",
            }),
            "root:zabbix",
            "0640",
          ),
          {
            path: "/usr/share/zabbix/conf/zabbix.conf.php",
            content: zabbixFrontendConf({
              dbPort: 5432,
              ...DB,
              dbPassword: input.dbPassword,
              serverName: input.fqdn,
            }),
            mode: "0640",
            owner: "root:www-data",
            secret: true,
          },
          plain(
            "/etc/nginx/sites-available/zabbix",
            zabbixNginxSite({ fqdn: input.fqdn, tlsDir: TLS_DIR }),
          ),
        ],
        script: [
          "ln -sfn /etc/nginx/sites-available/zabbix /etc/nginx/sites-enabled/zabbix",
          "rm -f /etc/nginx/sites-enabled/default",
          "nginx -t -q",
          "systemctl enable --quiet zabbix-server nginx php8.2-fpm",
          "if changed /etc/zabbix/zabbix_server.conf || ! systemctl is-active --quiet zabbix-server; then systemctl restart zabbix-server; fi",
          `if changed /etc/nginx/sites-available/zabbix || changed ${TLS_DIR}/server.crt || changed ${TLS_DIR}/server.key || ! systemctl is-active --quiet nginx; then systemctl restart nginx; fi`,
          "systemctl is-active --quiet php8.2-fpm || systemctl restart php8.2-fpm",
          "ready=0",
          `for _ in $(seq 1 30); do if ss -ltnH "sport = :${input.listenPort}" | grep -q .; then ready=1; break; fi; sleep 1; done`,
          `[ "$ready" = 1 ] || { echo "\${STEP_LABEL}: zabbix_server does not listen on port ${input.listenPort}" >&2; exit 1; }`,
        ].join("\n"),
      },
      {
        name: "routers",
        files: [
          secret(`${SECRETS}/admin.password`, input.adminPassword),
          secret(`${SECRETS}/router-hosts.yaml`, routerHostsYaml(input.routers, input.snmp)),
        ],
        script: zabbixApiScript(),
      },
    ],
  };
}
