// The rules for a reported absence period, shared by every way of reporting one
// (chat dialogue in any channel, HR on the CLI), so they all answer alike.
import { impossibleDay, parseIsoDate, toIsoDate, type IsoDate } from "../time/localDate.js";

export const ABSENCE_TYPES = ["sick", "vacation"] as const;
export type AbsenceType = (typeof ABSENCE_TYPES)[number];
export const ABSENCE_DOCUMENTS = ["egenmelding", "sykmelding"] as const;
export type AbsenceDocument = (typeof ABSENCE_DOCUMENTS)[number];

/** How far back and ahead a period may be reported (HR may register history). */
export const MAX_DAYS_BACK = 3 * 366;
export const MAX_DAYS_AHEAD = 90;

/**
 * The first day an employee may give for their own report, relative to today:
 * the step-by-step dialogue and every report form (Slack modal, Teams card) offer
 * this window. HR registering history uses the wider limits above.
 */
export const REPORT_START_WINDOW = { minDays: -30, maxDays: 14 } as const;

export interface AbsenceInput {
  start: string;
  end?: string | null;
  grade?: number | null;
  type?: string | null;
  document?: string | null;
}

export interface ValidAbsence {
  start: IsoDate;
  end: IsoDate | null;
  grade: number;
  type: AbsenceType;
  document: AbsenceDocument | null;
}

export interface AbsenceProblem {
  field: "start" | "end" | "grade" | "type" | "document";
  key: string;
  params?: Record<string, unknown>;
}

export interface ExistingPeriod {
  start: IsoDate;
  end: IsoDate | null;
  type: string;
}

/** A date that is not one: "2026-02-31" is told that February has 28 days, anything else the format. */
function dateProblem(field: "start" | "end", value: string): AbsenceProblem {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const impossible = m ? impossibleDay(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
  return impossible ? { field, key: "absence:errors.noSuchDay", params: { ...impossible, value } } : { field, key: "absence:errors.invalidDate", params: { value } };
}

export function validateAbsence(
  input: AbsenceInput,
  today: IsoDate,
  existing: ExistingPeriod[] = [],
): { ok: true; value: ValidAbsence } | { ok: false; problems: AbsenceProblem[] } {
  const problems: AbsenceProblem[] = [];
  const todayDay = parseIsoDate(today)!;
  const start = parseIsoDate(input.start);
  if (start === undefined) problems.push(dateProblem("start", input.start));
  else if (start < todayDay - MAX_DAYS_BACK) problems.push({ field: "start", key: "absence:errors.tooFarBack", params: { value: input.start } });
  else if (start > todayDay + MAX_DAYS_AHEAD) problems.push({ field: "start", key: "absence:errors.tooFarAhead", params: { value: input.start, days: MAX_DAYS_AHEAD } });

  let end: number | undefined;
  if (input.end !== undefined && input.end !== null && input.end !== "") {
    end = parseIsoDate(input.end);
    if (end === undefined) problems.push(dateProblem("end", input.end));
    else if (start !== undefined && end < start) problems.push({ field: "end", key: "absence:errors.endBeforeStart", params: { start: input.start, end: input.end } });
  }

  const type = (input.type ?? "sick") as AbsenceType;
  if (!(ABSENCE_TYPES as readonly string[]).includes(type)) problems.push({ field: "type", key: "absence:errors.badType", params: { value: input.type } });

  let grade = input.grade ?? (type === "vacation" ? 0 : 100);
  if (type === "vacation") grade = 0;
  else if (!Number.isInteger(grade) || grade < 1 || grade > 100) problems.push({ field: "grade", key: "absence:errors.badGrade", params: { value: input.grade } });

  const document = input.document ?? null;
  if (document !== null && !(ABSENCE_DOCUMENTS as readonly string[]).includes(document)) {
    problems.push({ field: "document", key: "absence:errors.badDocument", params: { value: document } });
  }

  if (problems.length === 0 && start !== undefined) {
    const clash = existing.find((p) => p.type === type && overlaps(start, end ?? null, parseIsoDate(p.start)!, p.end ? parseIsoDate(p.end)! : null));
    if (clash) {
      problems.push({ field: "start", key: "absence:errors.overlaps", params: { start: clash.start, end: clash.end ?? "…" } });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: { start: toIsoDate(start!), end: end === undefined ? null : toIsoDate(end), grade, type, document: document as AbsenceDocument | null },
  };
}

function overlaps(aStart: number, aEnd: number | null, bStart: number, bEnd: number | null): boolean {
  const aE = aEnd ?? Number.POSITIVE_INFINITY;
  const bE = bEnd ?? Number.POSITIVE_INFINITY;
  return aStart <= bE && bStart <= aE;
}
