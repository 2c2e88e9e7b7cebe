/** Rendered provisioning of every role with test inputs, for the pure and shellcheck tests. */
import { postgresProvisioning } from "../../components/services/postgres/render";
import { redisProvisioning } from "../../components/services/redis/render";
import type { ServiceProvisioning } from "../../components/services/types";
import { zabbixProvisioning } from "../../components/services/zabbix/render";
import { garageProvisioning } from "../../components/services/garage/render";
import { mongoDbProvisioning } from "../../components/services/mongodb/provisioning";
import {
  elasticsearchProvisioning,
  kibanaProvisioning,
} from "../../components/services/elastic/render";

export const TLS = {
  certPem: "-----BEGIN CERTIFICATE-----\nc2VydmVy\n-----END CERTIFICATE-----\n",
  keyPem: "-----BEGIN PRIVATE KEY-----\nS0VZLU1BVEVSSUFM\n-----END PRIVATE KEY-----\n",
  caPem: "-----BEGIN CERTIFICATE-----\nY2E=\n-----END CERTIFICATE-----\n",
};

/** Every secret the fixtures use: none may appear in a non-secret file or on a command line. */
export const SECRETS = {
  redisHarbor: "REDIS-HARBOR-SECRET-0123456789ab",
  redisExporter: "REDIS-EXPORTER-SECRET-0123456789",
  redisDefault: "REDIS-DEFAULT-SECRET-0123456789a",
  harborDatabase: "HARBOR-DB-SECRET-0123456789abcde",
  zabbixDatabase: "ZABBIX-DB-SECRET-0123456789abcde",
  zabbixAdmin: "ZABBIX-ADMIN-SECRET-0123456789abc",
  snmpAuth: "SNMP-AUTH-SECRET-0123456789abcdef",
  snmpPriv: "SNMP-PRIV-SECRET-0123456789abcdef",
  garageRpc: "ab".repeat(32),
  garageAdmin: "GARAGE-ADMIN-SECRET-0123456789ab",
  garageMetrics: "GARAGE-METRICS-SECRET-0123456789",
  harborS3Secret: "cd".repeat(32),
  elastic: "ELASTIC-SUPERUSER-SECRET-01234567",
  kibanaSystem: "KIBANA-SYSTEM-SECRET-0123456789ab",
  shipper: "SHIPPER-SECRET-0123456789abcdefgh",
  kibanaKey: "KIBANA-ENCRYPTION-KEY-0123456789abcdefghijklmn",
  mongoKeyfile: "MONGO-KEYFILE-SECRET-0123456789abcdef",
  mongoAdmin: "MONGO-ADMIN-SECRET-0123456789abcd",
  mongoExporter: "MONGO-EXPORTER-SECRET-0123456789a",
};

export function elasticsearchFixture(): ServiceProvisioning {
  return elasticsearchProvisioning({
    guest: "elasticsearch-1",
    ip: "10.120.0.41",
    dataDir: "/var/lib/elasticsearch",
    memoryGb: 16,
    clusterName: "sp1-stg-logs",
    version: "8.19.4",
    httpPort: 9200,
    tls: TLS,
    elasticPassword: SECRETS.elastic,
    kibanaSystemPassword: SECRETS.kibanaSystem,
    shipper: { username: "k8s-shipper", password: SECRETS.shipper },
  });
}

export function kibanaFixture(): ServiceProvisioning {
  return kibanaProvisioning({
    guest: "kibana-1",
    ip: "10.120.0.42",
    fqdn: "kibana-1.stg.sp1.internal.example.com",
    version: "8.19.4",
    port: 5601,
    elasticsearchUrl: "https://elasticsearch-1.stg.sp1.internal.example.com:9200",
    tls: TLS,
    kibanaSystemPassword: SECRETS.kibanaSystem,
    encryptionKey: SECRETS.kibanaKey,
  });
}

export function garageFixture(): ServiceProvisioning {
  return garageProvisioning({
    guest: "objects-1",
    fqdn: "objects-1.stg.sp1.internal.example.com",
    dataDir: "/var/lib/garage",
    publicPort: 3900,
    region: "default",
    bucket: "harbor-staging",
    capacity: "193273528320",
    tls: TLS,
    release: { version: "v2.2.0", url: "https://example.invalid/garage", sha256: "0".repeat(64) },
    rpcSecret: SECRETS.garageRpc,
    adminToken: SECRETS.garageAdmin,
    metricsToken: SECRETS.garageMetrics,
    harborKey: {
      accessKeyId: "GK0123456789abcdef01234567",
      secretAccessKey: SECRETS.harborS3Secret,
    },
  });
}

export function zabbixFixture(): ServiceProvisioning {
  return zabbixProvisioning({
    guest: "zabbix-1",
    fqdn: "zabbix-1.stg.sp1.internal.example.com",
    dataDir: "/var/lib/postgresql",
    listenPort: 10051,
    tls: TLS,
    dbPassword: SECRETS.zabbixDatabase,
    adminPassword: SECRETS.zabbixAdmin,
    routers: [
      { name: "rtr-stg-1", ip: "10.120.0.2" },
      { name: "rtr-stg-2", ip: "10.120.0.3" },
    ],
    snmp: {
      username: "monitoring",
      authPassword: SECRETS.snmpAuth,
      privPassword: SECRETS.snmpPriv,
    },
  });
}

export function redisFixture(): ServiceProvisioning {
  return redisProvisioning({
    guest: "redis-1",
    ip: "10.120.0.21",
    dataDir: "/var/lib/redis",
    port: 6379,
    exporterPort: 9121,
    tls: TLS,
    passwords: {
      harbor: SECRETS.redisHarbor,
      exporter: SECRETS.redisExporter,
      default: SECRETS.redisDefault,
    },
  });
}

export function postgresFixture(): ServiceProvisioning {
  return postgresProvisioning({
    guest: "postgres-1",
    ip: "10.120.0.51",
    dataDir: "/var/lib/postgresql",
    port: 5432,
    tls: TLS,
    harbor: {
      role: "harbor",
      database: "registry",
      password: SECRETS.harborDatabase,
      networks: ["10.130.0.0/24"],
    },
  });
}

/** The first member of a set: bootstrap, and Percona's exporter with its credentials. */
export function mongodbFixture(): ServiceProvisioning {
  return mongoDbProvisioning({
    guest: "mongo-1",
    fqdn: "mongo-1.stg.sp1.internal.example.com",
    ip: "10.120.0.11",
    dataDir: "/var/lib/mongodb",
    memoryGb: 8,
    replicaSet: "rs0",
    tls: TLS,
    keyfile: SECRETS.mongoKeyfile,
    bootstrap: { adminUsername: "admin", adminPassword: SECRETS.mongoAdmin },
    exporter: { port: 9216, username: "mongodb_exporter", password: SECRETS.mongoExporter },
  });
}

export function allFixtures(): ServiceProvisioning[] {
  return [
    redisFixture(),
    postgresFixture(),
    zabbixFixture(),
    garageFixture(),
    elasticsearchFixture(),
    kibanaFixture(),
    mongodbFixture(),
  ];
}
