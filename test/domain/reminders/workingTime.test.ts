// Working days and working hours with concrete dates: weekends, public holidays of each
// jurisdiction, and the two DST changes of 2026 in Europe/Oslo (29 March, 25 October).
import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  isPublicHoliday,
  isWithinWorkingTime,
  isWorkingDay,
  nextWorkingInstant,
  parseWorkingHours,
  windowStart,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
  workingInstantOn,
} from "../../../src/domain/reminders/index.js";

describe("working days", () => {
  it("knows each jurisdiction's public holidays", () => {
    // Ascension Day: a holiday in all three.
    for (const j of ["NO", "DK", "SE"] as const) expect(isWorkingDay("2026-05-14", j)).toBe(false);
    // Epiphany: Sweden only.
    expect(isWorkingDay("2026-01-06", "SE")).toBe(false);
    expect(isWorkingDay("2026-01-06", "NO")).toBe(true);
    // Norway's Constitution Day falls on a Sunday in 2026, Whit Monday is a holiday in all three.
    expect(isPublicHoliday("2026-05-17", "NO")).toBe(true);
    expect(isWorkingDay("2026-05-25", "DK")).toBe(false);
    // Midsummer Eve and Christmas Eve close Swedish workplaces; in Norway they are working days.
    expect(isWorkingDay("2026-06-19", "SE")).toBe(false);
    expect(isWorkingDay("2026-06-19", "NO")).toBe(true);
    expect(isWorkingDay("2026-12-24", "SE")).toBe(false);
    expect(isWorkingDay("2026-12-24", "NO")).toBe(true);
    // Danish Constitution Day is an observance, not a public holiday.
    expect(isWorkingDay("2026-06-05", "DK")).toBe(true);
    expect(isWorkingDay("2026-01-31", "NO")).toBe(false); // Saturday
  });

  it("moves a deadline on a closed day to the working day before, and steps over holidays", () => {
    expect(workingDayOnOrBefore("2026-02-01", "NO")).toBe("2026-01-30"); // Sunday → Friday
    expect(workingDayOnOrBefore("2026-04-06", "NO")).toBe("2026-04-01"); // Easter Monday → Wednesday before Maundy Thursday
    expect(workingDayOnOrBefore("2026-05-14", "DK")).toBe("2026-05-13");
    expect(workingDayOnOrAfter("2026-04-03", "DK")).toBe("2026-04-07");
    expect(workingDayOnOrAfter("2026-02-02", "NO")).toBe("2026-02-02");
    expect(addWorkingDays("2026-01-30", -5, "NO")).toBe("2026-01-23");
    expect(addWorkingDays("2026-01-30", 1, "NO")).toBe("2026-02-02");
    // Swedish Christmas: 24, 25, 26, 31 Dec and 1 Jan are closed.
    expect(addWorkingDays("2026-01-05", -1, "SE")).toBe("2026-01-02");
    expect(addWorkingDays("2026-01-05", -2, "SE")).toBe("2025-12-30");
    expect(addWorkingDays("2026-01-05", -5, "SE")).toBe("2025-12-22");
  });
});

describe("working hours", () => {
  it("parses the configured window", () => {
    expect(parseWorkingHours("08:00-16:00")).toEqual({ startMinute: 480, endMinute: 960 });
    expect(parseWorkingHours(" 9:30 - 15:00 ")).toEqual({ startMinute: 570, endMinute: 900 });
    expect(parseWorkingHours("16:00-08:00")).toBeUndefined();
    expect(parseWorkingHours("8-16")).toBeUndefined();
  });

  it("opens at 08:00 local time on both sides of a DST change", () => {
    expect(windowStart("2026-03-27", "Europe/Oslo").toISOString()).toBe("2026-03-27T07:00:00.000Z"); // CET
    expect(windowStart("2026-03-30", "Europe/Oslo").toISOString()).toBe("2026-03-30T06:00:00.000Z"); // CEST
    expect(windowStart("2026-10-23", "Europe/Oslo").toISOString()).toBe("2026-10-23T06:00:00.000Z");
    expect(windowStart("2026-10-26", "Europe/Oslo").toISOString()).toBe("2026-10-26T07:00:00.000Z");
    expect(windowStart("2026-01-12", "America/New_York").toISOString()).toBe("2026-01-12T13:00:00.000Z");
  });

  it("waits for the next working window outside working time", () => {
    const hours = parseWorkingHours("08:00-16:00")!;
    // Friday 16:30 → Monday 08:00.
    expect(nextWorkingInstant(new Date("2026-01-30T15:30:00Z"), "Europe/Oslo", "NO", hours).toISOString()).toBe("2026-02-02T07:00:00.000Z");
    // Maundy Thursday 10:00 → Tuesday after Easter 08:00 (summer time by then).
    expect(nextWorkingInstant(new Date("2026-04-02T08:00:00Z"), "Europe/Oslo", "NO", hours).toISOString()).toBe("2026-04-07T06:00:00.000Z");
    // 07:59 → 08:00 the same day; inside the window: unchanged.
    expect(nextWorkingInstant(new Date("2026-02-03T06:59:00Z"), "Europe/Oslo", "NO", hours).toISOString()).toBe("2026-02-03T07:00:00.000Z");
    const inside = new Date("2026-02-03T10:00:00Z");
    expect(nextWorkingInstant(inside, "Europe/Oslo", "NO", hours)).toBe(inside);
    // 15:59 is inside, 16:00 is not.
    expect(isWithinWorkingTime(new Date("2026-02-03T14:59:00Z"), "Europe/Oslo", "NO", hours)).toBe(true);
    expect(isWithinWorkingTime(new Date("2026-02-03T15:00:00Z"), "Europe/Oslo", "NO", hours)).toBe(false);
    // The night of the spring-forward change: 02:30 does not exist; the next window is Monday 08:00 CEST.
    expect(nextWorkingInstant(new Date("2026-03-29T01:30:00Z"), "Europe/Oslo", "NO", hours).toISOString()).toBe("2026-03-30T06:00:00.000Z");
  });

  it("keeps a time of day inside the window", () => {
    expect(workingInstantOn("2026-01-27", 10 * 60, "Europe/Oslo").toISOString()).toBe("2026-01-27T09:00:00.000Z");
    expect(workingInstantOn("2026-01-27", 21 * 60, "Europe/Oslo").toISOString()).toBe("2026-01-27T07:00:00.000Z");
    expect(workingInstantOn("2026-01-27", 6 * 60, "Europe/Oslo").toISOString()).toBe("2026-01-27T07:00:00.000Z");
  });
});
