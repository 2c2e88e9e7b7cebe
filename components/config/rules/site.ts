/** The site's time zone: an IANA zone name that Node (and the guests' tzdata) know. */
import type { Report, Sections } from "./context";

/** `true` for an IANA zone name such as `America/Sao_Paulo` or `UTC` (not an offset). */
export function isIanaTimeZone(zone: string): boolean {
  if (zone === "UTC" || Intl.supportedValuesOf("timeZone").includes(zone)) return true;
  // Intl also accepts aliases (`America/Buenos_Aires`) and offsets (`+03:00`); only names count.
  if (!/^[A-Za-z]+(\/[A-Za-z0-9_+-]+)+$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function siteRules({ site }: Sections, report: Report): void {
  if (site && !isIanaTimeZone(site.timezone)) {
    report(
      ["site", "timezone"],
      `"${site.timezone}" is not an IANA time zone such as America/Sao_Paulo or UTC`,
    );
  }
}
