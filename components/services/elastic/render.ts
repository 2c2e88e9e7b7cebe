/**
 * Elasticsearch 8 (single node) and Kibana from Elastic's APT repository (key fingerprint
 * checked, `signed-by`), HTTP and transport TLS with certificates of the internal CA, the
 * `elastic` superuser's password bootstrapped from the keystore, and the platform's shipper user.
 * `vm.max_map_count` is a kernel setting the container shares with its Proxmox host, so it is set
 * by a step on the host.
 */
import { aptInstallScript, aptKeyScript, aptSourcesFile, baseToolsScript } from "../apt";
import { tlsFiles, type ServerTls } from "../tlsFiles";
import type { GuestFile, ProvisionStep, ServiceProvisioning } from "../types";
import { ELASTIC_REPOSITORY } from "../versions";

export const MAX_MAP_COUNT = 262144;
const ES_CONF = "/etc/elasticsearch";
const ES_SECRETS = `${ES_CONF}/secrets`;
const KIBANA_CONF = "/etc/kibana";

/** The host step: persist and apply the kernel setting Elasticsearch's mmap store needs. */
export function maxMapCountStep(): ProvisionStep {
  return {
    name: "sysctl",
    files: [
      {
        path: "/etc/sysctl.d/90-elasticsearch.conf",
        content: `# Elasticsearch in an LXC guest on this host (services layer).\nvm.max_map_count = ${MAX_MAP_COUNT}\n`,
        mode: "0644",
        owner: "root",
        secret: false,
      },
    ],
    script: [
      "sysctl -q -p /etc/sysctl.d/90-elasticsearch.conf",
      `[ "$(sysctl -n vm.max_map_count)" -ge ${MAX_MAP_COUNT} ] || { echo "\${STEP_LABEL}: vm.max_map_count is still below ${MAX_MAP_COUNT}" >&2; exit 1; }`,
    ].join("\n"),
  };
}

export interface ElasticsearchYmlOptions {
  clusterName: string;
  nodeName: string;
  dataDir: string;
  bind: readonly string[];
  httpPort: number;
}

export function elasticsearchYml(o: ElasticsearchYmlOptions): string {
  const list = (items: readonly string[]) => `[${items.map((i) => JSON.stringify(i)).join(", ")}]`;
  return [
    "# Rendered by the services layer; changes here are overwritten.",
    `cluster.name: ${JSON.stringify(o.clusterName)}`,
    `node.name: ${JSON.stringify(o.nodeName)}`,
    `path.data: ${JSON.stringify(o.dataDir)}`,
    'path.logs: "/var/log/elasticsearch"',
    `network.host: ${list(o.bind)}`,
    `http.port: ${o.httpPort}`,
    "discovery.type: single-node",
    "xpack.security.enabled: true",
    "xpack.security.enrollment.enabled: false",
    "xpack.security.http.ssl.enabled: true",
    "xpack.security.http.ssl.key: tls/server.key",
    "xpack.security.http.ssl.certificate: tls/server.crt",
    "xpack.security.http.ssl.certificate_authorities: [tls/ca.crt]",
    "xpack.security.transport.ssl.enabled: true",
    "xpack.security.transport.ssl.verification_mode: certificate",
    "xpack.security.transport.ssl.key: tls/server.key",
    "xpack.security.transport.ssl.certificate: tls/server.crt",
    "xpack.security.transport.ssl.certificate_authorities: [tls/ca.crt]",
    "",
  ].join("\n");
}

/** Heap: half the guest's memory, at most 31 GB (compressed object pointers). */
export function heapOptions(memoryGb: number): string {
  const heap = Math.max(1, Math.min(31, Math.floor(memoryGb / 2)));
  return `-Xms${heap}g\n-Xmx${heap}g\n`;
}

/** What the platform's agents and APM Server need: write their data streams, read ILM. */
export const SHIPPER_ROLE = {
  cluster: ["monitor", "read_ilm", "read_pipeline"],
  indices: [
    {
      names: ["logs-*", "metrics-*", "traces-*", "apm-*", "synthetics-*"],
      privileges: ["auto_configure", "create_doc", "view_index_metadata"],
    },
  ],
};

function curlConfig(user: string, password: string): string {
  const escape = (v: string) => v.replace(/\\/g, "\\\\").replace(/"/g, '\\"');
  return `user = "${escape(user)}:${escape(password)}"\n`;
}

export interface ElasticsearchProvisioningInput {
  guest: string;
  ip: string;
  dataDir: string;
  memoryGb: number;
  clusterName: string;
  version: string;
  httpPort: number;
  tls: ServerTls;
  elasticPassword: string;
  kibanaSystemPassword: string;
  shipper: { username: string; password: string };
}

/** The API calls, with credentials in curl config files (`-K`) and bodies from files. */
export function elasticUsersScript(o: { httpPort: number; shipper: string }): string {
  const es = `https://127.0.0.1:${o.httpPort}`;
  return [
    `es() { curl -fsS --cacert ${ES_CONF}/tls/ca.crt -K ${ES_SECRETS}/elastic.curl -H 'Content-Type: application/json' "$@"; }`,
    "ready=0",
    `for _ in $(seq 1 90); do if es ${es}/_cluster/health >/dev/null 2>&1; then ready=1; break; fi; sleep 2; done`,
    `[ "$ready" = 1 ] || { echo "\${STEP_LABEL}: Elasticsearch does not accept the elastic user on port ${o.httpPort} (see README: rotating the elastic password)" >&2; exit 1; }`,
    `es -X POST --data-binary @${ES_SECRETS}/kibana_system.json ${es}/_security/user/kibana_system/_password >/dev/null`,
    `es -X PUT --data-binary @${ES_SECRETS}/shipper-role.json ${es}/_security/role/${o.shipper} >/dev/null`,
    `es -X PUT --data-binary @${ES_SECRETS}/shipper-user.json ${es}/_security/user/${o.shipper} >/dev/null`,
  ].join("\n");
}

export function elasticsearchProvisioning(
  input: ElasticsearchProvisioningInput,
): ServiceProvisioning {
  if (!/^[a-z0-9_-]+$/.test(input.shipper.username)) {
    throw new Error(
      `${input.guest}: shipper user name ${input.shipper.username} is not a plain name`,
    );
  }
  const packages = [{ name: "elasticsearch", version: input.version }];
  const secret = (path: string, content: string, owner = "root"): GuestFile => ({
    path,
    content,
    mode: "0600",
    owner,
    secret: true,
  });
  return {
    guest: input.guest,
    service: "elasticsearch",
    packages,
    hostSteps: [maxMapCountStep()],
    steps: [
      {
        name: "install",
        files: [aptSourcesFile(ELASTIC_REPOSITORY)],
        script: [
          `if ! mountpoint -q ${input.dataDir}; then echo "\${STEP_LABEL}: ${input.dataDir} is not the data mount" >&2; exit 1; fi`,
          baseToolsScript(),
          aptKeyScript(ELASTIC_REPOSITORY),
          // The package's security auto-configuration prints a generated superuser password on
          // stdout: the install's output is discarded (failures still reach stderr).
          `{\n${aptInstallScript(packages)}\n} >/dev/null`,
          `chown elasticsearch:elasticsearch ${input.dataDir}`,
        ].join("\n"),
      },
      {
        name: "configure",
        files: [
          ...tlsFiles(`${ES_CONF}/tls`, "root:elasticsearch", input.tls).map((f) =>
            f.secret ? { ...f, mode: "0640" } : f,
          ),
          {
            path: `${ES_CONF}/elasticsearch.yml`,
            content: elasticsearchYml({
              clusterName: input.clusterName,
              nodeName: input.guest,
              dataDir: input.dataDir,
              bind: [input.ip, "_local_"],
              httpPort: input.httpPort,
            }),
            mode: "0660",
            owner: "root:elasticsearch",
            secret: false,
          },
          {
            path: `${ES_CONF}/jvm.options.d/heap.options`,
            content: heapOptions(input.memoryGb),
            mode: "0644",
            owner: "root:elasticsearch",
            secret: false,
          },
          secret(`${ES_SECRETS}/elastic.password`, input.elasticPassword),
          secret(`${ES_SECRETS}/elastic.curl`, curlConfig("elastic", input.elasticPassword)),
          secret(
            `${ES_SECRETS}/kibana_system.json`,
            JSON.stringify({ password: input.kibanaSystemPassword }),
          ),
          secret(`${ES_SECRETS}/shipper-role.json`, JSON.stringify(SHIPPER_ROLE)),
          secret(
            `${ES_SECRETS}/shipper-user.json`,
            JSON.stringify({ password: input.shipper.password, roles: [input.shipper.username] }),
          ),
        ],
        script: [
          `chmod 0700 ${ES_SECRETS}`,
          "keystore=/usr/share/elasticsearch/bin/elasticsearch-keystore",
          // The package's auto-configuration stores passwords for its own generated keystores;
          // this node uses PEM files instead, so those settings must go.
          // The auto-configured superuser password hash would also win over ours at first start.
          "for setting in autoconfiguration.password_hash xpack.security.http.ssl.keystore.secure_password xpack.security.transport.ssl.keystore.secure_password xpack.security.transport.ssl.truststore.secure_password; do",
          '  if "$keystore" list | grep -qx "$setting"; then "$keystore" remove "$setting"; fi',
          "done",
          // Used by the elastic user only until the security index exists (first start).
          `if ! "$keystore" list | grep -qx bootstrap.password; then "$keystore" add -x bootstrap.password < ${ES_SECRETS}/elastic.password; fi`,
          "systemctl daemon-reload",
          "systemctl enable --quiet elasticsearch",
          `if [ "\${#CHANGED_FILES[@]}" -gt 0 ] || ! systemctl is-active --quiet elasticsearch; then systemctl restart elasticsearch; fi`,
          elasticUsersScript({ httpPort: input.httpPort, shipper: input.shipper.username }),
        ].join("\n"),
      },
    ],
  };
}

export interface KibanaProvisioningInput {
  guest: string;
  ip: string;
  fqdn: string;
  version: string;
  port: number;
  elasticsearchUrl: string;
  tls: ServerTls;
  kibanaSystemPassword: string;
  encryptionKey: string;
}

export function kibanaYml(o: KibanaProvisioningInput): string {
  return [
    "# Rendered by the services layer; changes here are overwritten.",
    `server.host: ${JSON.stringify(o.ip)}`,
    `server.port: ${o.port}`,
    `server.publicBaseUrl: ${JSON.stringify(`https://${o.fqdn}:${o.port}`)}`,
    "server.ssl.enabled: true",
    `server.ssl.certificate: ${KIBANA_CONF}/tls/server.crt`,
    `server.ssl.key: ${KIBANA_CONF}/tls/server.key`,
    `elasticsearch.hosts: [${JSON.stringify(o.elasticsearchUrl)}]`,
    "elasticsearch.username: kibana_system",
    `elasticsearch.password: ${JSON.stringify(o.kibanaSystemPassword)}`,
    `elasticsearch.ssl.certificateAuthorities: [${KIBANA_CONF}/tls/ca.crt]`,
    "elasticsearch.ssl.verificationMode: full",
    `xpack.encryptedSavedObjects.encryptionKey: ${JSON.stringify(o.encryptionKey)}`,
    `xpack.security.encryptionKey: ${JSON.stringify(o.encryptionKey)}`,
    `xpack.reporting.encryptionKey: ${JSON.stringify(o.encryptionKey)}`,
    "",
  ].join("\n");
}

export function kibanaProvisioning(input: KibanaProvisioningInput): ServiceProvisioning {
  if (input.encryptionKey.length < 32)
    throw new Error(`${input.guest}: Kibana's encryption key needs 32 characters`);
  const packages = [{ name: "kibana", version: input.version }];
  return {
    guest: input.guest,
    service: "kibana",
    packages,
    steps: [
      {
        name: "install",
        files: [aptSourcesFile(ELASTIC_REPOSITORY)],
        script: [
          baseToolsScript(),
          aptKeyScript(ELASTIC_REPOSITORY),
          aptInstallScript(packages),
        ].join("\n"),
      },
      {
        name: "configure",
        files: [
          ...tlsFiles(`${KIBANA_CONF}/tls`, "root:kibana", input.tls).map((f) =>
            f.secret ? { ...f, mode: "0640" } : f,
          ),
          {
            path: `${KIBANA_CONF}/kibana.yml`,
            content: kibanaYml(input),
            mode: "0640",
            owner: "root:kibana",
            secret: true,
          },
        ],
        script: [
          "systemctl enable --quiet kibana",
          `if [ "\${#CHANGED_FILES[@]}" -gt 0 ] || ! systemctl is-active --quiet kibana; then systemctl restart kibana; fi`,
          "ready=0",
          // Any HTTP answer over verified TLS means Kibana is up (the status API wants a login).
          `for _ in $(seq 1 90); do code="$(curl -sS --cacert ${KIBANA_CONF}/tls/ca.crt -o /dev/null -w '%{http_code}' --resolve ${input.fqdn}:${input.port}:${input.ip} https://${input.fqdn}:${input.port}/api/status 2>/dev/null || true)"; if [ "$code" = 200 ] || [ "$code" = 401 ]; then ready=1; break; fi; sleep 2; done`,
          `[ "$ready" = 1 ] || { echo "\${STEP_LABEL}: Kibana does not answer on port ${input.port}" >&2; exit 1; }`,
        ].join("\n"),
      },
    ],
  };
}
