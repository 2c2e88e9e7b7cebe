/** The site's time zone: an IANA zone name that Node (and the guests' tzdata) know. */
import type { Report, Sections } from "./context";

/** How Intl spells `zone`, or `undefined` when it knows no such zone. */
function resolvedZone(zone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/**
 * `true` for an IANA zone name such as `America/Sao_Paulo`, `Etc/UTC` or `UTC`. Intl also takes
 * offsets (`+03:00`) and any letter case; neither is a zone name tzdata has a file for.
 */
export function isIanaTimeZone(zone: string): boolean {
  if (zone === "UTC" || Intl.supportedValuesOf("timeZone").includes(zone)) return true;
  if (!/^[A-Za-z]+(\/[A-Za-z0-9_+-]+)+$/.test(zone)) return false;
  const resolved = resolvedZone(zone);
  if (resolved === undefined) return false;
  return resolved === zone || resolved.toLowerCase() !== zone.toLowerCase();
}

export function siteRules({ site }: Sections, report: Report): void {
  if (!site || isIanaTimeZone(site.timezone)) return;
  const spelled = resolvedZone(site.timezone);
  const hint =
    spelled && spelled.toLowerCase() === site.timezone.toLowerCase()
      ? `; did you mean ${spelled}?`
      : "";
  report(
    ["site", "timezone"],
    `"${site.timezone}" is not an IANA time zone such as America/Sao_Paulo or UTC${hint}`,
  );
}
