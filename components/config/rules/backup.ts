/** The backup job: a schedule Proxmox accepts and a retention that keeps something. */
import { calendarEventError } from "../calendarEvent";
import type { Report, Sections } from "./context";

export function backupRules({ proxmox }: Sections, report: Report): void {
  if (!proxmox) return;
  const { schedule, keepDaily, keepWeekly, keepMonthly } = proxmox.backup;
  const error = calendarEventError(schedule);
  if (error) {
    report(
      ["proxmox", "backup", "schedule"],
      `"${schedule}" is not a Proxmox calendar event such as "daily", "sun 01:00" or "*-*-* 02:30": ${error}`,
    );
  }
  if (keepDaily + keepWeekly + keepMonthly === 0) {
    report(
      ["proxmox", "backup"],
      "keeps no backup: keepDaily, keepWeekly and keepMonthly are all 0; keep at least one",
    );
  }
}
