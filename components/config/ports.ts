/**
 * Ports of the services that run outside the cluster, defined once: the firewall-flow rules, the
 * platform's endpoints and the services plan all read them here.
 */
export const SERVICE_PORTS = {
  mongodb: 27017,
  redis: 6379,
  /** Elasticsearch's HTTP API (agents, APM and ECK reach it over HTTPS). */
  elasticsearch: 9200,
  /** The Zabbix server's trapper: agents' active checks. */
  zabbixServer: 10051,
  /** The Zabbix agent: the server's passive checks. */
  zabbixAgent: 10050,
  /** Garage's S3 API (the objectstore guest). */
  objectstore: 3900,
  postgresql: 5432,
} as const;
