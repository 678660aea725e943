// The yearly question "does your agreement still fit?" in the pure planner: one reminder per
// anniversary of her last answer, on a working day in working hours, the next one always
// planned, a missed one sent late only within the catch-up window.
import { describe, expect, it } from "vitest";
import { DEFAULT_REMINDER_SETTINGS, planReminders, type PlanningInput } from "../../../src/domain/reminders/index.js";

const person = { id: "emp", timeZone: "Europe/Oslo", jurisdiction: "NO" };
const input = (now: string, since: string | null): PlanningInput => ({
  now: new Date(now),
  settings: DEFAULT_REMINDER_SETTINGS,
  person,
  leader: null,
  substitutions: [],
  hrAdmins: [],
  arr: null,
  cases: [],
  states: [],
  measures: [],
  sessions: [],
  routine: since ? { since: new Date(since) } : null,
});
const routineRows = (i: PlanningInput) => planReminders(i).filter((r) => r.kind === "routine_reminder");

describe("the yearly routine reminder", () => {
  it("is planned for the first anniversary of her answer, at the start of working hours", () => {
    const rows = routineRows(input("2026-12-02T09:00:00Z", "2026-12-02T08:00:00Z"));
    expect(rows.map((r) => [r.key, r.dueAt.toISOString(), r.recipientId])).toEqual([["routine:emp:2027-12-02", "2027-12-02T07:00:00.000Z", "emp"]]);
  });

  it("moves a weekend or holiday anniversary to the next working day, and 29 February to 28 February", () => {
    // 4 December 2027 is a Saturday → Monday 6 December.
    expect(routineRows(input("2026-12-04T12:00:00Z", "2026-12-04T12:00:00Z"))[0]!.dueAt.toISOString()).toBe("2027-12-06T07:00:00.000Z");
    // 29 February 2028 → 28 February 2029 (a Wednesday).
    expect(routineRows(input("2028-02-29T12:00:00Z", "2028-02-29T12:00:00Z"))[0]!.key).toBe("routine:emp:2029-02-28");
  });

  it("keeps the latest past one only within the catch-up window, and always plans the next", () => {
    const late = routineRows(input("2027-12-04T12:00:00Z", "2026-12-02T08:00:00Z"));
    expect(late.map((r) => r.key)).toEqual(["routine:emp:2027-12-02", "routine:emp:2028-12-02"]);
    const tooLate = routineRows(input("2028-01-20T12:00:00Z", "2026-12-02T08:00:00Z"));
    expect(tooLate.map((r) => r.key)).toEqual(["routine:emp:2028-12-02"]);
  });

  it("is not planned without an offered or answered routine", () => {
    expect(routineRows(input("2026-12-02T09:00:00Z", null))).toEqual([]);
  });
});
