// Periodic job slots (Monday 08:00 and 03:00 daily, Oslo time) and the leader's
// "vikar …" line.
import { describe, expect, it } from "vitest";
import { dailySlot, parseSubstituteText, parseTypedDate, weeklySlot } from "../../../src/domain/reminders/index.js";

describe("slots", () => {
  it("finds the latest Monday 08:00 and the next one, across DST", () => {
    const wednesday = weeklySlot(new Date("2026-01-28T12:00:00Z"), "Europe/Oslo", 1, 480);
    expect(wednesday.current.toISOString()).toBe("2026-01-26T07:00:00.000Z");
    expect(wednesday.date).toBe("2026-01-26");
    expect(wednesday.next.toISOString()).toBe("2026-02-02T07:00:00.000Z");
    // Monday 07:59 belongs to the previous week's slot.
    expect(weeklySlot(new Date("2026-02-02T06:59:00Z"), "Europe/Oslo", 1, 480).date).toBe("2026-01-26");
    // The Monday after the clocks went forward: 08:00 is 06:00Z.
    const spring = weeklySlot(new Date("2026-03-30T06:30:00Z"), "Europe/Oslo", 1, 480);
    expect(spring.current.toISOString()).toBe("2026-03-30T06:00:00.000Z");
    expect(weeklySlot(new Date("2026-03-28T12:00:00Z"), "Europe/Oslo", 1, 480).next.toISOString()).toBe("2026-03-30T06:00:00.000Z");
  });

  it("finds today's or yesterday's 03:00", () => {
    expect(dailySlot(new Date("2026-01-28T01:00:00Z"), "Europe/Oslo", 180).date).toBe("2026-01-27");
    const after = dailySlot(new Date("2026-01-28T02:30:00Z"), "Europe/Oslo", 180);
    expect(after.current.toISOString()).toBe("2026-01-28T02:00:00.000Z");
    expect(after.next.toISOString()).toBe("2026-01-29T02:00:00.000Z");
  });
});

describe("substitute text", () => {
  const vocabulary = { keywords: new Set(["vikar", "substitute"]), until: new Set(["til", "until"]), end: new Set(["slutt", "end"]) };

  it("reads a substitute, an end date and the end of the cover", () => {
    expect(parseSubstituteText("vikar kari@firma.no", vocabulary)).toEqual({ kind: "set", email: "kari@firma.no", until: null });
    expect(parseSubstituteText("Vikar Kari@Firma.no til 24.12.2026", vocabulary)).toEqual({ kind: "set", email: "kari@firma.no", until: "2026-12-24" });
    expect(parseSubstituteText("/substitute kari@x.com until 2026-12-24", vocabulary)).toEqual({ kind: "set", email: "kari@x.com", until: "2026-12-24" });
    expect(parseSubstituteText("vikar kari@firma.no 2026-12-24", vocabulary)).toEqual({ kind: "set", email: "kari@firma.no", until: "2026-12-24" });
    expect(parseSubstituteText("vikar slutt", vocabulary)).toEqual({ kind: "end" });
  });

  it("explains how when the line is incomplete, and ignores other lines", () => {
    expect(parseSubstituteText("vikar", vocabulary)).toEqual({ kind: "usage" });
    expect(parseSubstituteText("vikar kari", vocabulary)).toEqual({ kind: "usage", problem: "email" });
    expect(parseSubstituteText("vikar kari@firma.no til 31.02.2026", vocabulary)).toEqual({ kind: "usage", problem: "date" });
    expect(parseSubstituteText("vikaren tar over kundene", vocabulary)).toBeUndefined();
    expect(parseSubstituteText("syk", vocabulary)).toBeUndefined();
    expect(parseTypedDate("2026-2-3")).toBe("2026-02-03");
    expect(parseTypedDate("29.02.2026")).toBeUndefined();
  });
});
