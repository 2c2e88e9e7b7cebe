/** What the layer installs where, for the offline preview and the stack output. Pure. */
import type { GuestRole } from "../config/schema";
import { DEBIAN_PACKAGES, GARAGE_RELEASE } from "./versions";

export interface ServiceInventoryEntry {
  guest: string;
  host: string;
  service: string;
  /** `name=version` of every pinned package. */
  packages: string[];
  /** Why the guest is not provisioned by this layer (yet); absent when it is. */
  note?: string;
}

type Pin = { name: string; version: string };
const pins = (...p: Pin[]) => p.map((x) => `${x.name}=${x.version}`);

/** Roles this layer provisions, with their packages; `mongodb` comes from its own renderers. */
export function rolePackages(
  role: GuestRole,
  elasticVersion: string,
): { service: string; packages: string[] } | undefined {
  switch (role) {
    case "redis":
      return {
        service: "redis",
        packages: pins(DEBIAN_PACKAGES.redisServer, DEBIAN_PACKAGES.redisExporter),
      };
    case "postgresql":
      return { service: "postgresql", packages: pins(DEBIAN_PACKAGES.postgresql) };
    case "zabbix":
      return {
        service: "zabbix",
        packages: pins(
          DEBIAN_PACKAGES.postgresql,
          DEBIAN_PACKAGES.zabbixServer,
          DEBIAN_PACKAGES.phpFpm,
          DEBIAN_PACKAGES.phpPgsql,
          DEBIAN_PACKAGES.zabbixFrontend,
          DEBIAN_PACKAGES.nginx,
        ),
      };
    case "elasticsearch":
      return { service: "elasticsearch", packages: [`elasticsearch=${elasticVersion}`] };
    case "kibana":
      return { service: "kibana", packages: [`kibana=${elasticVersion}`] };
    case "objectstore":
      return {
        service: "garage",
        packages: [`garage=${GARAGE_RELEASE.version}`, ...pins(DEBIAN_PACKAGES.nginx)],
      };
    default:
      return undefined;
  }
}
