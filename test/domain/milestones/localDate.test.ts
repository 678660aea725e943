// The generic date helpers the engine added to src/domain/time/localDate.ts, checked
// against plain day-by-day loops and JavaScript's Date.
import { describe, expect, it } from "vitest";
import { isoText, parseDay } from "../../../src/domain/milestones/dayText.js";
import {
  addWeekdays,
  daysInMonth,
  epochDayFromParts,
  lastDayOfMonth,
  lastWeekdayOnOrBefore,
  parseIsoDate,
  toEpochDay,
  toIsoDate,
  weekdayOf,
} from "../../../src/domain/time/localDate.js";

function naiveAddWeekdays(day: number, count: number): number {
  let d = day;
  while (weekdayOf(d) > 5) d--;
  for (let left = count; left > 0; ) {
    d++;
    if (weekdayOf(d) <= 5) left--;
  }
  return d;
}

describe("weekday arithmetic", () => {
  it("addWeekdays matches stepping day by day, from every weekday and for many counts", () => {
    const monday = toEpochDay("2026-01-05");
    const mismatches: string[] = [];
    for (let start = monday; start < monday + 7; start++) {
      for (let count = 0; count <= 260; count++) {
        if (addWeekdays(start, count) !== naiveAddWeekdays(start, count)) mismatches.push(`${toIsoDate(start)} + ${count}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("Friday + 1 weekday is Monday; Saturday counts from Friday", () => {
    expect(toIsoDate(addWeekdays(toEpochDay("2026-01-09"), 1))).toBe("2026-01-12");
    expect(toIsoDate(addWeekdays(toEpochDay("2026-01-10"), 1))).toBe("2026-01-12");
    expect(toIsoDate(lastWeekdayOnOrBefore(toEpochDay("2026-01-11")))).toBe("2026-01-09");
    expect(toIsoDate(lastWeekdayOnOrBefore(toEpochDay("2026-01-07")))).toBe("2026-01-07");
  });

  it("rejects negative or fractional counts", () => {
    expect(() => addWeekdays(0, -1)).toThrow(RangeError);
    expect(() => addWeekdays(0, 1.5)).toThrow(RangeError);
  });
});

describe("calendar arithmetic", () => {
  it("lastDayOfMonth handles leap Februaries and December", () => {
    expect(toIsoDate(lastDayOfMonth(toEpochDay("2028-02-10")))).toBe("2028-02-29");
    expect(toIsoDate(lastDayOfMonth(toEpochDay("2027-02-10")))).toBe("2027-02-28");
    expect(toIsoDate(lastDayOfMonth(toEpochDay("2026-12-31")))).toBe("2026-12-31");
  });

  it("epochDayFromParts agrees with Date.UTC for every day 1899–2101 and rejects impossible dates", () => {
    const mismatches: number[] = [];
    for (let day = toEpochDay("1899-01-01"); day <= toEpochDay("2101-12-31"); day++) {
      const date = new Date(day * 86_400_000);
      if (epochDayFromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()) !== day) mismatches.push(day);
    }
    expect(mismatches).toEqual([]);
    expect(epochDayFromParts(2026, 2, 29)).toBeUndefined();
    expect(epochDayFromParts(2100, 2, 29)).toBeUndefined();
    expect(epochDayFromParts(2000, 2, 29)).toBe(toEpochDay("2000-02-29"));
    expect(epochDayFromParts(2026, 13, 1)).toBeUndefined();
    expect(epochDayFromParts(2026, 4, 31)).toBeUndefined();
    expect(daysInMonth(2024, 2)).toBe(29);
  });

  it("parseDay and isoText agree with parseIsoDate and toIsoDate", () => {
    for (const text of ["1970-01-01", "2026-01-05", "2028-02-29", "1899-12-31", "2250-06-30"]) {
      expect(parseDay(text)).toBe(parseIsoDate(text));
      expect(isoText(parseDay(text))).toBe(text);
    }
    for (const bad of ["2026-02-30", "2026-1-05", "2026/01/05", "20260105xx", "2026-0a-05", ""]) {
      expect(() => parseDay(bad)).toThrow(RangeError);
    }
  });
});
