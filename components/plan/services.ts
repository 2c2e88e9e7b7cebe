/**
 * The services slice: every stateful role's guests as a service — where its members answer
 * (FQDN, IP, host), where its data lives, its ports, and who must reach it through the routers.
 * Data only; the layers that provision or migrate these services read it, and new roles or
 * fields are added here.
 */
import { platformFlows } from "../config/rules/flows";
import { SERVICE_PORTS } from "../config/ports";
import { networkWithPurpose } from "../config/networks";
import type { GuestRole, StackConfig } from "../config/schema";
import type { PlannedGuest } from "./guests";

export interface ServiceMember {
  name: string;
  fqdn: string;
  ip: string;
  /** Proxmox host that runs the guest. */
  host: string;
  /** Where the service keeps its data inside the guest (the data disk's mount path). */
  dataMount: string | undefined;
}

export interface ServicePort {
  name: string;
  port: number;
}

/** A flow the firewall must allow for the service to be useful. */
export interface ServiceConsumer {
  /** Who needs it and why, e.g. "Harbor to PostgreSQL". */
  purpose: string;
  /** The network on the other side of the flow. */
  network: string;
  port: number;
  /** `to-service`: the consumer connects to the member; `from-service`: the member connects out. */
  direction: "to-service" | "from-service";
}

export interface ServicePlan {
  role: GuestRole;
  members: ServiceMember[];
  ports: ServicePort[];
  consumers: ServiceConsumer[];
}

/** Ports each stateful role answers on; the exporter ports are per stack. */
export function servicePorts(role: GuestRole, config: StackConfig): ServicePort[] {
  const monitoring = config.kubernetes.monitoring;
  switch (role) {
    case "mongodb":
      return [
        { name: "mongodb", port: SERVICE_PORTS.mongodb },
        { name: "exporter", port: monitoring.mongodbExporterPort },
      ];
    case "redis":
      return [
        { name: "redis", port: SERVICE_PORTS.redis },
        { name: "exporter", port: monitoring.redisExporterPort },
      ];
    case "postgresql":
      return [{ name: "postgresql", port: SERVICE_PORTS.postgresql }];
    case "zabbix":
      return [{ name: "trapper", port: SERVICE_PORTS.zabbixServer }];
    case "elasticsearch":
      return [{ name: "https", port: SERVICE_PORTS.elasticsearch }];
    case "objectstore":
      return [{ name: "s3", port: SERVICE_PORTS.objectstore }];
    default:
      return [];
  }
}

/** Stateful roles present in the stack, in the order their first guest appears. */
export function planServices(
  config: StackConfig,
  guests: readonly PlannedGuest[],
): Partial<Record<GuestRole, ServicePlan>> {
  const cluster = networkWithPurpose(config.networks, "kubernetes")?.name ?? "";
  const flows = platformFlows(config);
  const services: Partial<Record<GuestRole, ServicePlan>> = {};
  for (const guest of guests.filter((g) => g.stateful)) {
    const service = (services[guest.role] ??= {
      role: guest.role,
      members: [],
      ports: servicePorts(guest.role, config),
      consumers: [],
    });
    service.members.push({
      name: guest.name,
      fqdn: guest.fqdn,
      ip: guest.ip,
      host: guest.host,
      dataMount: guest.dataDisk?.mountPath,
    });
    for (const flow of flows.filter((f) => f.address === guest.ip)) {
      const consumer: ServiceConsumer = {
        purpose: flow.purpose,
        network: cluster,
        port: flow.port,
        direction: flow.toCluster ? "from-service" : "to-service",
      };
      const known = service.consumers.some(
        (c) => c.purpose === consumer.purpose && c.port === consumer.port,
      );
      if (!known) service.consumers.push(consumer);
    }
  }
  return services;
}
