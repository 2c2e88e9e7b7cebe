/** Proxmox calendar events as the backup job's schedule: what Proxmox accepts, and why not. */
import { calendarEventError } from "../../components/config/calendarEvent";

describe("calendarEventError", () => {
  it.each([
    // The special words.
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
    // The examples of the Proxmox documentation.
    "mon,tue,wed,thu,fri",
    "mon..fri",
    "sat,sun",
    "sat..sun",
    "mon,wed,fri",
    "12:05",
    "*:00/5",
    "0/1:0/5",
    "mon..wed *:30/10",
    "mon,tue,wed *:30/10",
    "mon..fri 8..17,22:0/15",
    "fri 12..13:5/20",
    "fri 12,13:5/20",
    "12,14,16,18,20,22:5",
    "12/2:5",
    "*:*",
    "*-05",
    "Sat *-1..7 15:00",
    "2015-10-21",
    // Minutes alone, seconds, full weekday names, every part at once.
    "*/5",
    "30/10",
    "02:30:15",
    "sunday 01:00",
    "sun *-*-* 01:00:00",
    "  daily  ",
  ])("accepts %s", (schedule) => {
    expect(calendarEventError(schedule)).toBeUndefined();
  });

  it.each([
    ["", "is empty"],
    ["0 2 * * *", "cron syntax is not accepted"],
    ["*/15 * * * *", "cron syntax is not accepted"],
    ["02:30 daily", "in that order"],
    ["daily 02:30", '"daily" is not a weekday'],
    ["mon-fri 22:00", '"mon-fri" is not a weekday'],
    ["monday..fry 22:00", '"monday..fry" is not a weekday'],
    ["24:00", "outside the hour range 0..23"],
    ["23:60", "outside the minute range 0..59"],
    ["23:59:60", "outside the second range 0..59"],
    ["*-00-01", "outside the month range 1..12"],
    ["*-12-32", "outside the day range 1..31"],
    ["1..10/2:00", "repeats a range"],
    ["*:0/0", "repeats by no step"],
    ["22..20:00", "reversed hour range"],
    ["2:3:4:5", "is not a time"],
    ["*-*-*-* 01:00", "is not a date"],
    ["1x:30", "is not a number"],
    ["sun 01:00 UTC", "is left over"],
  ])("refuses %j (%s)", (schedule, reason) => {
    expect(calendarEventError(schedule)).toContain(reason);
  });
});
