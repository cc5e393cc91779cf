// Business hours arithmetic, pure and shared by the server (the away message) and the browser (the
// thread's "Back at"). Wall-clock times are read in the number's IANA time zone with Intl, so
// daylight saving time moves the instants, not the hours: 09:00 stays 09:00 local on both sides of a
// change. No dependency: Intl.DateTimeFormat gives a zone's offset at any instant.

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One open interval of a day, local "HH:MM". An end at or before the start runs past midnight. */
export type OpenInterval = { start: string; end: string };

export type BusinessHoursSchedule = {
  /** IANA time zone, e.g. "Europe/Berlin". */
  timeZone: string;
  /** Per weekday its open intervals; none means closed all day. */
  weekly: Record<Weekday, OpenInterval[]>;
  /** Local dates ("YYYY-MM-DD") closed all day: intervals starting on them do not open. */
  holidays: string[];
};

export type HoursState =
  | { open: true }
  | {
      open: false;
      /** When this off-hours period began (the last closing time); null if the schedule was never open. */
      closedSince: Date | null;
      /** When the team is back (the next opening time); null when the schedule never opens again. */
      backAt: Date | null;
    };

/** How far to look for the last closing or the next opening (a year of holidays, and some). */
const SEARCH_DAYS = 400;
const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether Intl knows this IANA time zone (what the settings accept). */
export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone || timeZone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The local wall-clock fields of an instant in a zone. */
function localParts(instant: number, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour! % 24,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** The zone's offset from UTC at an instant, in ms (local = UTC + offset). */
function offsetAt(instant: number, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a local wall-clock time happens in a zone. In a spring-forward gap (02:30 that never
 * happens) it lands an hour later, when the clocks say 03:30; a fall-back hour that happens twice
 * gives its first occurrence.
 */
export function zonedTimeToInstant(
  { year, month, day, minutes }: { year: number; month: number; day: number; minutes: number },
  timeZone: string,
): number {
  const wall = Date.UTC(year, month - 1, day, 0, minutes);
  // The offsets a day either side cover any one transition near this time.
  const before = wall - offsetAt(wall - DAY_MS, timeZone);
  const after = wall - offsetAt(wall + DAY_MS, timeZone);
  const reads = (instant: number) => instant + offsetAt(instant, timeZone) === wall;
  const candidates = [before, after].filter(reads).sort((a, b) => a - b);
  // None reads right in a gap: the offset before the change puts it where the clocks have moved on.
  return candidates[0] ?? before;
}

function toMinutes(hhmm: string): number {
  const [hours, minutes] = hhmm.split(":").map(Number);
  return hours! * 60 + minutes!;
}

/** A calendar date as a UTC midnight (arithmetic on dates without any zone). */
type CalendarDay = { year: number; month: number; day: number; weekday: Weekday; iso: string };
function calendarDay(utcMidnight: number): CalendarDay {
  const date = new Date(utcMidnight);
  const iso = date.toISOString().slice(0, 10);
  // getUTCDay: 0 Sunday … 6 Saturday.
  const weekday = WEEKDAYS[(date.getUTCDay() + 6) % 7]!;
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), weekday, iso };
}

/** The open intervals (as instants) that start on one local date. */
function intervalsOn(day: CalendarDay, schedule: BusinessHoursSchedule, holidays: Set<string>) {
  if (holidays.has(day.iso)) return [];
  return schedule.weekly[day.weekday].map((interval) => {
    const start = toMinutes(interval.start);
    let end = toMinutes(interval.end);
    if (end <= start) end += 24 * 60; // overnight: ends the next day
    const at = (minutes: number) =>
      zonedTimeToInstant({ year: day.year, month: day.month, day: day.day, minutes }, schedule.timeZone);
    return { start: at(start), end: at(end) };
  });
}

/**
 * Open or closed at an instant; when closed, since when (the period's start, which keys "once per
 * off-hours period") and when the team is back.
 */
export function hoursStateAt(schedule: BusinessHoursSchedule, at: Date): HoursState {
  const instant = at.getTime();
  const holidays = new Set(schedule.holidays);
  const local = localParts(instant, schedule.timeZone);
  const today = Date.UTC(local.year, local.month - 1, local.day);
  const dayAt = (offset: number) => intervalsOn(calendarDay(today + offset * DAY_MS), schedule, holidays);

  // An interval of yesterday may run past midnight into now.
  for (const offset of [-1, 0]) {
    if (dayAt(offset).some((interval) => interval.start <= instant && instant < interval.end)) return { open: true };
  }

  let backAt: number | null = null;
  for (let offset = -1; offset <= SEARCH_DAYS && backAt === null; offset++) {
    for (const interval of dayAt(offset)) {
      if (interval.start > instant && (backAt === null || interval.start < backAt)) backAt = interval.start;
    }
  }

  let closedSince: number | null = null;
  for (let offset = 0; offset >= -SEARCH_DAYS; offset--) {
    for (const interval of dayAt(offset)) {
      if (interval.end <= instant && (closedSince === null || interval.end > closedSince)) closedSince = interval.end;
    }
    // The day before may still hold a later end (an overnight interval): look one more day, then stop.
    if (closedSince !== null) {
      for (const interval of dayAt(offset - 1)) {
        if (interval.end <= instant && interval.end > closedSince) closedSince = interval.end;
      }
      break;
    }
  }

  return {
    open: false,
    closedSince: closedSince === null ? null : new Date(closedSince),
    backAt: backAt === null ? null : new Date(backAt),
  };
}

/** A schedule closed every day: the default before an admin sets one. */
export function emptyWeekly(): Record<Weekday, OpenInterval[]> {
  return { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
}

/** "Tue 09:00" in the number's zone ("09:00" when it is today there), for "Back at …". */
export function formatBackAt(backAt: Date, timeZone: string, now: Date): string {
  const time = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const day = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short" });
  const dateOf = (date: Date) => new Intl.DateTimeFormat("en-CA", { timeZone }).format(date);
  const sameDay = dateOf(backAt) === dateOf(now);
  return sameDay ? time.format(backAt) : `${day.format(backAt)}, ${time.format(backAt)}`;
}
