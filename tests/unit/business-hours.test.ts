import { describe, expect, it } from "vitest";
import {
  type BusinessHoursSchedule,
  emptyWeekly,
  formatBackAt,
  hoursStateAt,
  isValidTimeZone,
  type OpenInterval,
  zonedTimeToInstant,
} from "@/lib/views/business-hours-schedule";
import { updateBusinessHoursBodySchema } from "@/lib/hours/schemas";
import { emptyInboxChanges } from "@/lib/realtime/changes";
import { INBOX_CHANNEL } from "@/lib/realtime/channels";
import { realtimeEventsFor } from "@/lib/realtime/inbox-events";

const nineToFive: OpenInterval[] = [{ start: "09:00", end: "17:00" }];

function weekdays(intervals: OpenInterval[], overrides: Partial<BusinessHoursSchedule["weekly"]> = {}) {
  return {
    ...emptyWeekly(),
    mon: intervals,
    tue: intervals,
    wed: intervals,
    thu: intervals,
    fri: intervals,
    ...overrides,
  };
}

function schedule(partial: Partial<BusinessHoursSchedule>): BusinessHoursSchedule {
  return { timeZone: "Europe/Berlin", weekly: weekdays(nineToFive), holidays: [], ...partial };
}

const at = (iso: string) => new Date(iso);
const closed = (state: ReturnType<typeof hoursStateAt>) => {
  if (state.open) throw new Error("expected closed");
  return { closedSince: state.closedSince?.toISOString() ?? null, backAt: state.backAt?.toISOString() ?? null };
};

describe("hoursStateAt", () => {
  it("is open inside an interval and closed outside, in the number's zone", () => {
    // Wednesday 2026-12-02: Berlin is UTC+1 in winter.
    expect(hoursStateAt(schedule({}), at("2026-12-02T08:00:00Z")).open).toBe(true); // 09:00 local
    expect(hoursStateAt(schedule({}), at("2026-12-02T15:59:00Z")).open).toBe(true); // 16:59
    expect(closed(hoursStateAt(schedule({}), at("2026-12-02T16:00:00Z")))).toEqual({
      closedSince: "2026-12-02T16:00:00.000Z",
      backAt: "2026-12-03T08:00:00.000Z",
    });
    // The same instants in New York are other local times.
    const newYork = schedule({ timeZone: "America/New_York" });
    expect(hoursStateAt(newYork, at("2026-12-02T08:00:00Z")).open).toBe(false); // 03:00 local
    expect(hoursStateAt(newYork, at("2026-12-02T14:00:00Z")).open).toBe(true); // 09:00 local
  });

  it("carries a closed weekend from Friday's closing to Monday's opening", () => {
    // Saturday 2026-12-05 noon local.
    expect(closed(hoursStateAt(schedule({}), at("2026-12-05T11:00:00Z")))).toEqual({
      closedSince: "2026-12-04T16:00:00.000Z",
      backAt: "2026-12-07T08:00:00.000Z",
    });
  });

  it("splits a day with a lunch break into two periods", () => {
    const split = schedule({
      weekly: weekdays([
        { start: "09:00", end: "12:00" },
        { start: "13:00", end: "17:00" },
      ]),
    });
    expect(closed(hoursStateAt(split, at("2026-12-02T11:30:00Z")))).toEqual({
      closedSince: "2026-12-02T11:00:00.000Z",
      backAt: "2026-12-02T12:00:00.000Z",
    });
    expect(hoursStateAt(split, at("2026-12-02T12:00:00Z")).open).toBe(true);
  });

  it("keeps an overnight interval open past midnight, into the next day", () => {
    const night = schedule({ weekly: { ...emptyWeekly(), fri: [{ start: "22:00", end: "06:00" }] } });
    // Saturday 02:00 local: still Friday's shift.
    expect(hoursStateAt(night, at("2026-12-05T01:00:00Z")).open).toBe(true);
    expect(closed(hoursStateAt(night, at("2026-12-05T05:30:00Z")))).toEqual({
      closedSince: "2026-12-05T05:00:00.000Z",
      backAt: "2026-12-11T21:00:00.000Z",
    });
    // Friday 21:00 local: not yet.
    expect(closed(hoursStateAt(night, at("2026-12-04T20:00:00Z"))).backAt).toBe("2026-12-04T21:00:00.000Z");
    // An interval ending at 24:00 ends at midnight.
    const late = schedule({ weekly: weekdays([{ start: "18:00", end: "24:00" }]) });
    expect(hoursStateAt(late, at("2026-12-02T22:59:00Z")).open).toBe(true);
    expect(closed(hoursStateAt(late, at("2026-12-02T23:00:00Z"))).closedSince).toBe("2026-12-02T23:00:00.000Z");
  });

  it("closes a holiday all day, and the period runs from the last closing to the first opening after it", () => {
    const christmas = schedule({ holidays: ["2026-12-24", "2026-12-25"] });
    // Thursday 24 December, 10:00 local.
    expect(closed(hoursStateAt(christmas, at("2026-12-24T09:00:00Z")))).toEqual({
      closedSince: "2026-12-23T16:00:00.000Z",
      backAt: "2026-12-28T08:00:00.000Z",
    });
    // The holiday is a local date: 23:30 UTC on the 23rd is already the 24th in Berlin.
    expect(closed(hoursStateAt(christmas, at("2026-12-23T23:30:00Z"))).backAt).toBe("2026-12-28T08:00:00.000Z");
  });

  it("follows daylight saving time: 09:00 local on both sides of the change", () => {
    const daily = schedule({ weekly: weekdays(nineToFive, { sat: nineToFive, sun: nineToFive }) });
    // Berlin springs forward on Sunday 2026-03-29 (02:00 → 03:00): UTC+1 before, UTC+2 after.
    expect(closed(hoursStateAt(daily, at("2026-03-28T20:00:00Z")))).toEqual({
      closedSince: "2026-03-28T16:00:00.000Z",
      backAt: "2026-03-29T07:00:00.000Z",
    });
    // Falls back on Sunday 2026-10-25: Saturday closes at 15:00 UTC, Sunday opens at 08:00 UTC.
    expect(closed(hoursStateAt(daily, at("2026-10-24T23:00:00Z")))).toEqual({
      closedSince: "2026-10-24T15:00:00.000Z",
      backAt: "2026-10-25T08:00:00.000Z",
    });
    // New York changes on other dates (2026-03-08).
    const newYork = schedule({ timeZone: "America/New_York", weekly: weekdays(nineToFive, { sun: nineToFive }) });
    expect(closed(hoursStateAt(newYork, at("2026-03-08T05:00:00Z"))).backAt).toBe("2026-03-08T13:00:00.000Z");
    // A week earlier, Sunday's 09:00 was EST (UTC−5).
    expect(closed(hoursStateAt(newYork, at("2026-02-28T15:00:00Z"))).backAt).toBe("2026-03-01T14:00:00.000Z");
  });

  it("has no period start and no way back when the schedule never opens", () => {
    const never = schedule({ weekly: emptyWeekly() });
    expect(closed(hoursStateAt(never, at("2026-12-02T10:00:00Z")))).toEqual({ closedSince: null, backAt: null });
  });
});

describe("zonedTimeToInstant", () => {
  it("gives a gap's time as the clocks read after the change and an ambiguous hour's first occurrence", () => {
    // 02:30 on 2026-03-29 never happens in Berlin: 03:30 CEST = 01:30 UTC.
    expect(
      new Date(zonedTimeToInstant({ year: 2026, month: 3, day: 29, minutes: 150 }, "Europe/Berlin")).toISOString(),
    ).toBe("2026-03-29T01:30:00.000Z");
    // 02:30 on 2026-10-25 happens twice: first in CEST (00:30 UTC).
    expect(
      new Date(zonedTimeToInstant({ year: 2026, month: 10, day: 25, minutes: 150 }, "Europe/Berlin")).toISOString(),
    ).toBe("2026-10-25T00:30:00.000Z");
  });
});

describe("isValidTimeZone and formatBackAt", () => {
  it("accepts IANA zones Intl knows and nothing else", () => {
    expect(isValidTimeZone("Europe/Berlin")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });

  it("writes the time in the number's zone, with the day when it is not today there", () => {
    const now = at("2026-12-02T16:30:00Z");
    expect(formatBackAt(at("2026-12-03T08:00:00Z"), "Europe/Berlin", now)).toBe("Thu 3 Dec, 09:00");
    expect(formatBackAt(at("2026-12-02T17:00:00Z"), "Europe/Berlin", now)).toBe("18:00");
  });
});

describe("the settings body", () => {
  const valid = {
    timeZone: "Europe/Berlin",
    weekly: { ...emptyWeekly(), mon: [{ start: "22:00", end: "02:00" }], fri: [{ start: "09:00", end: "24:00" }] },
    holidays: ["2026-12-26", "2026-12-25", "2026-12-26"],
    awayEnabled: true,
    awayText: "  Closed.  ",
    greetingEnabled: false,
    greetingText: "",
  };
  const issue = (body: unknown) => {
    const result = updateBusinessHoursBodySchema.safeParse(body);
    return result.success ? null : `${result.error.issues[0]!.path.join(".")}: ${result.error.issues[0]!.message}`;
  };

  it("accepts overnight and to-midnight intervals, sorts and dedupes holidays, trims texts", () => {
    const parsed = updateBusinessHoursBodySchema.parse(valid);
    expect(parsed.holidays).toEqual(["2026-12-25", "2026-12-26"]);
    expect(parsed.awayText).toBe("Closed.");
  });

  it("names the field of each mistake", () => {
    expect(issue({ ...valid, timeZone: "Europe/Nowhere" })).toMatch(/^timeZone: /);
    expect(issue({ ...valid, weekly: { ...valid.weekly, mon: [{ start: "24:00", end: "02:00" }] } })).toMatch(
      /^weekly\.mon\.0\.start: /,
    );
    expect(issue({ ...valid, holidays: ["2026-13-45"] })).toMatch(/^holidays\.0: /);
    expect(issue({ ...valid, awayText: "" })).toMatch(/^awayText: /);
    expect(issue({ ...valid, greetingEnabled: true })).toMatch(/^greetingText: /);
    expect(issue({ ...valid, extra: 1 })).not.toBeNull();
  });
});

describe("phone-numbers-changed", () => {
  it("is one event on the inbox channel naming each number once", () => {
    const events = realtimeEventsFor({ ...emptyInboxChanges(), phoneNumbersChanged: ["pn_1", "pn_1"] });
    expect(events).toEqual([
      { channel: INBOX_CHANNEL, name: "phone-numbers-changed", data: { phoneNumberIds: ["pn_1"] } },
    ]);
  });
});
