// Input validation: one-line errors that name the field.
import { describe, expect, it } from "vitest";
import { evaluateMilestones, milestoneInputSchema, parseMilestoneInput } from "../../../src/domain/milestones/index.js";

const valid = {
  jurisdiction: "NO",
  periods: [{ start: "2026-01-05", end: "2026-03-01", grade: 100, type: "sick", document: "sykmelding" }],
  today: "2026-01-20",
};

function errorsOf(raw: unknown): string[] {
  const result = parseMilestoneInput(raw);
  if (result.ok) throw new Error("expected errors");
  return result.errors;
}

describe("parseMilestoneInput", () => {
  it("accepts valid input and applies defaults", () => {
    const result = parseMilestoneInput({
      ...valid,
      periods: [{ start: "2026-01-05", end: null, grade: 50 }, { start: "2026-07-01", end: "2026-07-21", type: "vacation" }],
    });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.periods.map((p) => p.type)).toEqual(["sick", "vacation"]);
  });

  it("names a date that does not exist", () => {
    expect(errorsOf({ ...valid, periods: [{ ...valid.periods[0], start: "2026-02-30" }] })).toEqual([
      'periods[0].start: not a valid date: "2026-02-30" (expected YYYY-MM-DD)',
    ]);
    expect(errorsOf({ ...valid, today: "2026-1-20" })).toEqual(['today: not a valid date: "2026-1-20" (expected YYYY-MM-DD)']);
  });

  it("accepts 29 February only in leap years", () => {
    expect(parseMilestoneInput({ ...valid, today: "2028-02-29" }).ok).toBe(true);
    expect(errorsOf({ ...valid, today: "2027-02-29" })[0]).toMatch(/^today: not a valid date/);
  });

  it("names an end before the start", () => {
    expect(errorsOf({ ...valid, periods: [valid.periods[0], { start: "2026-04-10", end: "2026-04-09", grade: 100 }] })).toEqual([
      "periods[1].end: end is before start (2026-04-09 < 2026-04-10)",
    ]);
  });

  it("names a sick grade outside 1–100, and a missing one", () => {
    expect(errorsOf({ ...valid, periods: [{ ...valid.periods[0], grade: 0 }] })).toEqual([
      "periods[0].grade: grade must be 1–100 for a sick period (got 0)",
    ]);
    expect(errorsOf({ ...valid, periods: [{ ...valid.periods[0], grade: 101 }] })[0]).toMatch(/^periods\[0\]\.grade: /);
    expect(errorsOf({ ...valid, periods: [{ start: "2026-01-05", end: null }] })[0]).toMatch(/^periods\[0\]\.grade: .*got undefined/);
  });

  it("lets vacation omit the grade or give 0, nothing else, and needs an end", () => {
    expect(parseMilestoneInput({ ...valid, periods: [{ start: "2026-07-01", end: "2026-07-21", type: "vacation", grade: 0 }] }).ok).toBe(true);
    expect(errorsOf({ ...valid, periods: [{ start: "2026-07-01", end: "2026-07-21", type: "vacation", grade: 100 }] })[0]).toMatch(
      /^periods\[0\]\.grade: grade must be 0 or omitted for a vacation period/,
    );
    expect(errorsOf({ ...valid, periods: [{ start: "2026-07-01", end: null, type: "vacation" }] })).toEqual([
      "periods[0].end: a vacation period needs an end date",
    ]);
  });

  it("names an unknown jurisdiction, type and document", () => {
    expect(errorsOf({ ...valid, jurisdiction: "FI" })).toEqual(['jurisdiction: unknown jurisdiction "FI" (expected NO, DK or SE)']);
    expect(errorsOf({ ...valid, periods: [{ ...valid.periods[0], type: "holiday" }] })[0]).toMatch(/^periods\[0\]\.type: unknown period type "holiday"/);
    expect(errorsOf({ ...valid, periods: [{ ...valid.periods[0], document: "legeerklæring" }] })[0]).toMatch(/^periods\[0\]\.document: /);
  });

  it("names a missing end (open periods say null explicitly) and a bad reportedOn", () => {
    expect(errorsOf({ ...valid, periods: [{ start: "2026-01-05", grade: 100 }] })[0]).toMatch(/^periods\[0\]\.end: /);
    expect(errorsOf({ ...valid, periods: [{ ...valid.periods[0], reportedOn: "yesterday" }] })[0]).toMatch(/^periods\[0\]\.reportedOn: not a valid date/);
  });

  it("reports every problem, one line each", () => {
    const errors = errorsOf({ jurisdiction: "XX", periods: [{ start: "2026-13-01", end: null, grade: 100 }], today: "" });
    expect(errors).toHaveLength(3);
    expect(errors.every((e) => !e.includes("\n"))).toBe(true);
    expect(errorsOf(null)).toEqual(["input: Invalid input: expected object, received null"]);
  });

  it("exposes the zod schema", () => {
    expect(milestoneInputSchema.safeParse(valid).success).toBe(true);
  });
});

describe("evaluateMilestones on unvalidated input", () => {
  it("throws instead of guessing", () => {
    expect(() => evaluateMilestones({ jurisdiction: "NO", periods: [{ start: "2026-02-30", end: null, grade: 100 }], today: "2026-03-01" })).toThrow(RangeError);
    expect(() => evaluateMilestones({ jurisdiction: "NO", periods: [{ start: "2026-03-02", end: "2026-03-01", grade: 100 }], today: "2026-03-01" })).toThrow(/periods\[0\]\.end/);
    expect(() => evaluateMilestones({ jurisdiction: "NO", periods: [{ start: "2026-03-02", end: null }], today: "2026-03-01" })).toThrow(/periods\[0\]\.grade/);
  });
});
