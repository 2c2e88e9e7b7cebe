/**
 * Harbor's external services must be guests this program places: its object store, database and
 * cache are named in `baremetal:kubernetes.harbor` by internal DNS name, and a name that no guest
 * of the right role answers to would only show up as a failing Harbor after `pulumi up`.
 */
import type { GuestRole } from "../schema";
import type { Report, Sections } from "./context";

/** Where each external service is named, and the guest role that must answer there. */
interface ServiceReference {
  segments: PropertyKey[];
  host: string;
  role: GuestRole;
}

/** DNS names compare case-insensitively (a URL's host is lower-cased already). */
function normalizedHost(host: string): string {
  return host.toLowerCase();
}

/** `host` of `host:port`; the config schema guarantees the port is there. */
function hostOfAddress(address: string): string {
  return address.slice(0, address.lastIndexOf(":"));
}

function references(harbor: NonNullable<Sections["kubernetes"]>["harbor"]): ServiceReference[] {
  const section = ["kubernetes", "harbor"];
  const found: ServiceReference[] = [];
  const image = harbor.imageStorage;
  if (image.type === "s3") {
    found.push({
      segments: [...section, "imageStorage", "regionendpoint"],
      // The schema has checked it is a URL; `hostname` drops the scheme, port and path.
      host: new URL(image.regionendpoint).hostname,
      role: "objectstore",
    });
  }
  found.push(
    { segments: [...section, "database", "host"], host: harbor.database.host, role: "postgresql" },
    {
      segments: [...section, "redis", "addr"],
      host: hostOfAddress(harbor.redis.addr),
      role: "redis",
    },
  );
  return found;
}

export function harborRules({ kubernetes, guests, site, partial }: Sections, report: Report): void {
  if (!kubernetes || !guests || !site) return;
  const zone = site.internalZone;
  const byFqdn = new Map(guests.map((g) => [`${g.name}.${zone}`, g]));
  for (const { segments, host, role } of references(kubernetes.harbor)) {
    const guest = byFqdn.get(normalizedHost(host));
    if (guest?.role === role) continue;
    if (guest) {
      report(
        segments,
        `${host} is guest "${guest.name}" with role ${guest.role}; Harbor needs a guest with role ${role} here`,
      );
      continue;
    }
    // A dropped (invalid) guest entry may be the one meant: it is reported already.
    if (partial?.has("guests")) continue;
    const candidates = guests.filter((g) => g.role === role).map((g) => `${g.name}.${zone}`);
    report(
      segments,
      `${host} is not the internal DNS name (<guest>.${zone}) of a guest with role ${role}; ` +
        (candidates.length > 0
          ? `declared: ${candidates.join(", ")}`
          : `declare one in baremetal:guests with role ${role}`),
    );
  }
}
