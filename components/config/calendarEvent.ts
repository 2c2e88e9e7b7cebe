/**
 * Proxmox calendar events, the schedule format of backup jobs (`vzdump` jobs in
 * `/etc/pve/jobs.cfg`), checked the way Proxmox parses them so that a schedule Proxmox would
 * refuse is reported here, with its key path, and not by the API in the middle of an update.
 *
 *   [WEEKDAY] [[YEARS-]MONTHS-DAYS] [HOURS:MINUTES[:SECONDS]]
 *
 * At least one of the three parts; weekdays `mon`..`sun` as a list or `..` range (a range may
 * wrap, as in `sat..sun`); every number field a `,` list of `*`, `N`, `N..M` or a repetition
 * `N/R` (`*` may start a repetition too; a range may not repeat); a time of minutes alone
 * (`30/10`, every ten minutes from the half hour) means every hour. The words `minutely`,
 * `hourly`, `daily`, `weekly`, `monthly`, `yearly`, `annually`, `quarterly`, `semiannually` and
 * `semi-annually` stand for their expansions.
 */

const SPECIAL = new Set([
  "minutely",
  "hourly",
  "daily",
  "weekly",
  "monthly",
  "yearly",
  "annually",
  "quarterly",
  "semiannually",
  "semi-annually",
]);

const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const LONG_WEEKDAYS = [
  "sunday",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
];

function isWeekday(value: string): boolean {
  return WEEKDAYS.includes(value) || LONG_WEEKDAYS.includes(value);
}

/** `mon`, `mon..fri`, `mon,wed,fri`, `sat..sun`. */
function weekdayError(token: string): string | undefined {
  for (const item of token.split(",")) {
    const bounds = item.split("..");
    if (bounds.length > 2 || !bounds.every(isWeekday)) {
      return `"${item}" is not a weekday (mon, tue, wed, thu, fri, sat, sun) or a range of them such as mon..fri`;
    }
  }
  return undefined;
}

/** One number field: a `,` list of `*`, `N`, `N..M`, `N/R` or a repetition of `*`, each within [min, max]. */
function fieldError(text: string, what: string, min: number, max: number): string | undefined {
  const number = (value: string): number | undefined =>
    /^\d{1,4}$/.test(value) ? Number(value) : undefined;
  for (const item of text.split(",")) {
    if (item === "*") continue;
    const [start = "", repeat, extra] = item.split("/");
    if (extra !== undefined) return `"${item}" in the ${what} is not a value, range or repetition`;
    if (repeat !== undefined) {
      const step = number(repeat);
      if (step === undefined || step === 0) return `"${item}" in the ${what} repeats by no step`;
      if (start.includes("..")) {
        return `"${item}" in the ${what} repeats a range, which Proxmox does not support`;
      }
    }
    if (start === "*" && repeat !== undefined) continue;
    const bounds = start.split("..");
    if (bounds.length > 2) return `"${item}" in the ${what} is not a value or range`;
    const values = bounds.map(number);
    if (values.some((v) => v === undefined)) {
      return `"${item}" in the ${what} is not a number, range (N..M) or repetition (N/R)`;
    }
    const [low = 0, high = low] = values as number[];
    if (low < min || high > max || low > max || high < min) {
      return `${item} is outside the ${what} range ${min}..${max}`;
    }
    if (low > high) return `${item} is a reversed ${what} range`;
  }
  return undefined;
}

function dateError(token: string): string | undefined {
  const parts = token.split("-");
  if (parts.length < 2 || parts.length > 3) {
    return `"${token}" is not a date such as *-*-*, 2025-10-21 or *-05`;
  }
  const [year, month, day] = parts.length === 3 ? parts : [undefined, ...parts];
  return (
    (year === undefined ? undefined : fieldError(year, "year", 1970, 9999)) ??
    fieldError(month ?? "", "month", 1, 12) ??
    fieldError(day ?? "", "day", 1, 31)
  );
}

function timeError(token: string): string | undefined {
  const parts = token.split(":");
  if (parts.length > 3) return `"${token}" is not a time such as 02:30 or 02:30:00`;
  if (parts.length === 1) return fieldError(token, "minute", 0, 59);
  const [hour = "", minute = "", second] = parts;
  return (
    fieldError(hour, "hour", 0, 23) ??
    fieldError(minute, "minute", 0, 59) ??
    (second === undefined ? undefined : fieldError(second, "second", 0, 59))
  );
}

/** Why Proxmox would refuse `schedule`, or `undefined` when it is a valid calendar event. */
export function calendarEventError(schedule: string): string | undefined {
  const text = schedule.trim().toLowerCase();
  if (text === "") return "is empty";
  if (SPECIAL.has(text)) return undefined;
  const tokens = text.split(/\s+/);
  const first = tokens[0] ?? "";
  let index = 0;
  const errors: (string | undefined)[] = [];
  if (/^[a-z]/.test(first)) {
    errors.push(weekdayError(first));
    index++;
  }
  const date = tokens[index];
  if (date !== undefined && date.includes("-")) {
    errors.push(dateError(date));
    index++;
  }
  const time = tokens[index];
  if (time !== undefined) {
    errors.push(timeError(time));
    index++;
  }
  if (index < tokens.length) {
    return `"${tokens.slice(index).join(" ")}" is left over: a schedule is [WEEKDAY] [[YEARS-]MONTHS-DAYS] [HOURS:MINUTES[:SECONDS]], in that order (cron syntax is not accepted)`;
  }
  return errors.find((error) => error !== undefined);
}
