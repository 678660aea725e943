// Small helpers so each test reads as "these periods, this day → this milestone".
import { evaluateMilestones, type CaseResult, type Jurisdiction, type MilestoneId, type MilestoneInput, type MilestoneResult } from "../../../src/domain/milestones/index.js";

export type Period = MilestoneInput["periods"][number];

export function sick(start: string, end: string | null, grade = 100, extra: Partial<Period> = {}): Period {
  return { start, end, grade, type: "sick", document: "sykmelding", ...extra };
}

export function vacation(start: string, end: string): Period {
  return { start, end, type: "vacation" };
}

export function cases(jurisdiction: Jurisdiction, periods: Period[], today: string): CaseResult[] {
  return evaluateMilestones({ jurisdiction, periods, today }).cases;
}

/** The one case of the input (fails the test if there is not exactly one). */
export function onlyCase(jurisdiction: Jurisdiction, periods: Period[], today: string): CaseResult {
  const all = cases(jurisdiction, periods, today);
  if (all.length !== 1) throw new Error(`expected one case, got ${all.length}: ${all.map((c) => `${c.start}…${c.end}`).join(", ")}`);
  return all[0]!;
}

export function milestone(c: CaseResult, id: MilestoneId): MilestoneResult {
  const found = c.milestones.find((m) => m.id === id);
  if (!found) throw new Error(`milestone ${id} missing`);
  return found;
}

/** due + status, the pair most assertions are about. */
export function dueStatus(c: CaseResult, id: MilestoneId): [string | null, string] {
  const m = milestone(c, id);
  return [m.due, m.status];
}
