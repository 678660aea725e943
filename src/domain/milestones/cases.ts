// Building sick-leave cases from periods, in epoch days (statutory-rules.md 1.1, 2, 3 and 4).
// Works on intervals rather than walking day by day: an employee has a handful of periods
// but they may span years, and this runs for every employee on every scheduler pass.
import type { EpochDay } from "../time/localDate.js";
import type { CaseRule } from "./rules/model.js";

/** End of an open period: it runs through today and is assumed to continue. */
export const OPEN_END: EpochDay = 2 ** 30;

export interface DaySpan {
  start: EpochDay;
  /** Inclusive; OPEN_END for an open period. */
  end: EpochDay;
}

export interface SickSpan extends DaySpan {
  /** 1–100 */
  grade: number;
  /** The day we first learned of the period (reportedOn, default start). */
  seen: EpochDay;
}

export interface SickCase {
  start: EpochDay;
  /** Last sick day; OPEN_END while the case is open. */
  end: EpochDay;
  open: boolean;
  /** Days counted as sick, merged into runs with at least one non-sick day between them. */
  runs: DaySpan[];
  /** The case's sick periods, by start. */
  spans: SickSpan[];
}

const byStart = (a: DaySpan, b: DaySpan): number => a.start - b.start || a.end - b.end;

/** Extends `end` over vacation that begins no later than the day after it (no work day between). */
function extendOverVacation(end: EpochDay, vacations: readonly DaySpan[]): EpochDay {
  let extended = end;
  // Vacations are sorted by start, so one pass reaches every chained vacation.
  for (const vacation of vacations) {
    if (vacation.start > extended + 1) break;
    if (vacation.end > extended) extended = vacation.end;
  }
  return extended;
}

/**
 * Groups sick periods into cases. Sorts both arrays in place (callers pass fresh arrays).
 * A sick day is any day covered by a sick period; in Norway vacation right after sick days is
 * appended as sick days (NAV: only when no work day came between).
 */
export function buildCases(sick: SickSpan[], vacations: DaySpan[], rule: CaseRule): SickCase[] {
  const cases: SickCase[] = [];
  if (sick.length === 0) return cases;
  sick.sort(byStart);
  const appendVacation = rule.vacationRightAfterSickIsSick && vacations.length > 0;
  if (appendVacation) vacations.sort(byStart);

  let current: SickCase | undefined;
  let run: DaySpan | undefined;
  for (const span of sick) {
    if (current && run && span.start <= run.end + 1) {
      // Overlapping or adjacent: same run.
      if (span.end > run.end) run.end = appendVacation ? extendOverVacation(span.end, vacations) : span.end;
      current.spans.push(span);
      continue;
    }
    const end = appendVacation ? extendOverVacation(span.end, vacations) : span.end;
    if (run && current && span.start - run.end - 1 < rule.newCaseAfterGapDays) {
      run = { start: span.start, end };
      current.runs.push(run);
      current.spans.push(span);
    } else {
      run = { start: span.start, end };
      current = { start: span.start, end, open: false, runs: [run], spans: [span] };
      cases.push(current);
    }
  }
  for (const c of cases) {
    const last = c.runs[c.runs.length - 1]!;
    c.end = last.end;
    c.open = last.end >= OPEN_END;
  }
  return cases;
}

/** Sick days in runs[from…] up to and including `cap`. */
export function sickDaysUpTo(runs: readonly DaySpan[], cap: EpochDay, from = 0): number {
  let total = 0;
  for (let i = from; i < runs.length; i++) {
    const run = runs[i]!;
    if (run.start > cap) break;
    total += (run.end < cap ? run.end : cap) - run.start + 1;
  }
  return total;
}

/**
 * The date of the n-th sick day (1-based) counted from runs[from]. When the runs hold fewer,
 * the date it would be if the last run had gone on (which is after the case end).
 */
export function nthSickDay(runs: readonly DaySpan[], n: number, from = 0): EpochDay {
  let left = n;
  let lastEnd = 0;
  for (let i = from; i < runs.length; i++) {
    const run = runs[i]!;
    const days = run.end - run.start + 1;
    if (left <= days) return run.start + left - 1;
    left -= days;
    lastEnd = run.end;
  }
  return lastEnd + left;
}

/** Index of the first run of the latest group of runs separated by gaps shorter than `newAfterGapDays`. */
export function latestGroupStart(runs: readonly DaySpan[], newAfterGapDays: number): number {
  let i = runs.length - 1;
  while (i > 0 && runs[i]!.start - runs[i - 1]!.end - 1 < newAfterGapDays) i--;
  return i < 0 ? 0 : i;
}

/** Highest grade among the sick periods covering `day`, or 0 when none does. */
export function gradeOn(spans: readonly SickSpan[], day: EpochDay): number {
  let grade = 0;
  for (const span of spans) {
    if (span.start <= day && day <= span.end && span.grade > grade) grade = span.grade;
  }
  return grade;
}

/**
 * Grade on the last sick-listed day on or before `day` (overlapping periods: the highest).
 * Appended vacation days are not sick-listed, so they look back to the last real sick day.
 */
export function gradeAtOrBefore(spans: readonly SickSpan[], day: EpochDay): number {
  let latest = -Infinity;
  for (const span of spans) {
    if (span.start > day) continue;
    const last = span.end < day ? span.end : day;
    if (last > latest) latest = last;
  }
  return latest === -Infinity ? 0 : gradeOn(spans, latest);
}

/**
 * The earliest day we knew the case runs to `day` or beyond: the first `seen` among sick
 * periods ending on or after it; undefined when only appended vacation reaches that far.
 */
export function firstSeenReaching(spans: readonly SickSpan[], day: EpochDay): EpochDay | undefined {
  let seen: EpochDay | undefined;
  for (const span of spans) {
    if (span.end >= day && (seen === undefined || span.seen < seen)) seen = span.seen;
  }
  return seen;
}
