// Properties that must hold for any history: run the benchmark's synthetic employees
// through the engine and check statuses, dates and case boundaries against each other.
import { describe, expect, it } from "vitest";
import { generateEmployees } from "../../../bench/milestones.js";
import {
  RULES_BY_JURISDICTION,
  evaluateMilestones,
  milestoneIdsOf,
  parseMilestoneInput,
  type MilestoneInput,
} from "../../../src/domain/milestones/index.js";
import { daysBetween } from "../../../src/domain/time/localDate.js";

const employees = generateEmployees(3000, 7);

/** Rules whose due date is not shifted away from the date the case must reach. */
const dueIsAnchor = new Set(
  Object.values(RULES_BY_JURISDICTION)
    .flatMap((table) => table.rules)
    .filter((rule) => !rule.dueShiftDays && !rule.dueAtEndOfMonth)
    .map((rule) => rule.id),
);

/** Each employee as generated, and again on the due date of its first upcoming milestone. */
function inputs(): MilestoneInput[] {
  const all: MilestoneInput[] = [];
  for (const input of employees) {
    all.push(input);
    const upcoming = evaluateMilestones(input).cases.flatMap((c) => c.milestones).find((m) => m.status === "upcoming");
    if (upcoming?.due) all.push({ ...input, today: upcoming.due });
  }
  return all;
}

describe("engine invariants over 3000 synthetic employees", () => {
  it("the generated input is valid and deterministic", () => {
    for (const e of employees) expect(parseMilestoneInput(e).ok).toBe(true);
    expect(generateEmployees(50, 7)).toEqual(employees.slice(0, 50));
  });

  it("statuses agree with dates, cases are ordered and separated by the jurisdiction's gap", () => {
    // Collected rather than asserted one by one: hundreds of thousands of checks.
    const violations: string[] = [];
    let milestones = 0;
    for (const input of inputs()) {
      const { cases } = evaluateMilestones(input);
      const gap = RULES_BY_JURISDICTION[input.jurisdiction].caseRule.newCaseAfterGapDays;
      const ids = milestoneIdsOf(input.jurisdiction).join();
      const fail = (what: string): void => void violations.push(`${what} in ${JSON.stringify(input)}`);
      cases.forEach((c, index) => {
        if (c.milestones.map((m) => m.id).join() !== ids) fail("milestone ids/order");
        if (c.open !== (c.end === null)) fail("open vs end");
        if (c.end !== null && c.sickDays > daysBetween(c.start, c.end) + 1) fail("sickDays beyond the case");
        if (c.weeks !== Math.floor(c.sickDays / 7)) fail("weeks");
        const next = cases[index + 1];
        if (next && (c.end === null || daysBetween(c.end, next.start) - 1 < gap)) fail("cases not separated by the gap");
        for (const m of c.milestones) {
          milestones++;
          const due = m.due;
          if (due === null) {
            if (m.status !== "on_request" && m.status !== "not_applicable") fail(`${m.id}: ${m.status} without a date`);
            continue;
          }
          if (m.status === "on_request") fail(`${m.id}: on_request with a date`);
          if (m.status === "past" && !(due < input.today)) fail(`${m.id}: past but due ${due}`);
          if (m.status === "due_today" && due !== input.today) fail(`${m.id}: due_today but due ${due}`);
          if (m.status === "upcoming" && !(due > input.today)) fail(`${m.id}: upcoming but due ${due}`);
          // Only a case that has ended can cancel, and only for a date after its end.
          if (m.status === "cancelled" && (c.end === null || !(due > c.end))) fail(`${m.id}: cancelled at ${due}`);
          if (m.earliest !== undefined && m.earliest > due) fail(`${m.id}: window opens after it closes`);
          // Where the due date is the anchor itself, a closed case must still run on it unless cancelled.
          if (c.end !== null && m.status !== "cancelled" && dueIsAnchor.has(m.id) && due > c.end) fail(`${m.id}: live after the case ended`);
        }
      });
    }
    expect(violations.slice(0, 5)).toEqual([]);
    expect(milestones).toBeGreaterThan(10_000);
  });

  it("every status occurs somewhere in the data (so the checks above were exercised)", () => {
    const statuses = new Set<string>();
    for (const input of inputs()) for (const c of evaluateMilestones(input).cases) for (const m of c.milestones) statuses.add(m.status);
    expect([...statuses].sort()).toEqual(["cancelled", "due_today", "not_applicable", "on_request", "past", "upcoming"]);
  });
});
