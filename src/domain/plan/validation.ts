// Checks on plan content that the person can act on: each problem names the field,
// an i18n key and its parameters, so chat can say exactly what to fix.
import type { Locale, Translate } from "../locale.js";
import { formatDate } from "../locale.js";
import { type IsoDate, addDays, compareIsoDates, isIsoDate } from "../time/localDate.js";
import { type PlanField, TEXT_FIELD_MAX } from "./fields.js";
import { type PlanContent, VOICE_FIELDS } from "./model.js";

/** Parts of the plan that are not a PlanField but can still be wrong. */
export type PlanPart = "tasks" | "measures" | "disagreement" | "exception";

export type ProblemCode =
  | "missing"
  | "text_too_long"
  | "text_empty"
  | "evaluation_date_invalid"
  | "evaluation_date_too_early"
  | "evaluation_date_too_late"
  | "needs_help_requires_send_to_nav"
  | "not_allowed_for_role"
  | "measure_not_found"
  | "measure_transition_not_allowed"
  | "postpone_needs_note"
  | "postpone_date_invalid";

export interface PlanProblem {
  code: ProblemCode;
  field: PlanField | PlanPart;
  /** Where exactly, e.g. "typicalWorkday.employee" or "measures[1].notes[0].text". */
  path?: string;
  /** i18n key of the message; {{field}} is the field's label. */
  key: string;
  params: Record<string, string | number>;
  /** Parameters that are dates, formatted in the reader's language. */
  dates?: Record<string, IsoDate>;
  /** Parameters that are i18n keys (a status, a role), translated for the reader. */
  labels?: Record<string, string>;
}

export type Result<T, E = PlanProblem> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail<E>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}

export function fieldLabelKey(field: PlanField | PlanPart): string {
  return `plan:fields.${field}`;
}

/** The problem as one sentence in the reader's language. */
export function problemMessage(problem: PlanProblem, t: Translate, locale: Locale): string {
  const dates = Object.fromEntries(Object.entries(problem.dates ?? {}).map(([k, d]) => [k, formatDate(d, locale)]));
  const labels = Object.fromEntries(Object.entries(problem.labels ?? {}).map(([k, key]) => [k, t(key)]));
  return t(problem.key, { ...problem.params, ...dates, ...labels, field: t(fieldLabelKey(problem.field)) });
}

/** One text answer against the limit, before it is stored. */
export function checkText(text: string, field: PlanField | PlanPart, path?: string): PlanProblem | undefined {
  if (text.trim() === "") {
    return { code: "text_empty", field, ...(path ? { path } : {}), key: "plan:errors.textEmpty", params: {} };
  }
  if (text.length > TEXT_FIELD_MAX) {
    return {
      code: "text_too_long",
      field,
      ...(path ? { path } : {}),
      key: "plan:errors.textTooLong",
      params: { length: text.length, max: TEXT_FIELD_MAX },
    };
  }
  return undefined;
}

/** Every text in the plan longer than TEXT_FIELD_MAX (the stored schema rejects them too). */
export function textLimitProblems(content: PlanContent): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const check = (text: string | undefined, field: PlanField | PlanPart, path: string) => {
    if (text !== undefined && text.length > TEXT_FIELD_MAX) problems.push(checkText(text, field, path)!);
  };
  for (const field of VOICE_FIELDS) {
    check(content[field].employee, field, `${field}.employee`);
    check(content[field].leader, field, `${field}.leader`);
  }
  content.tasks.forEach((task, i) => {
    check(task.note, "tasks", `tasks[${i}].note`);
    check(task.otherView?.note, "tasks", `tasks[${i}].otherView.note`);
  });
  content.measures.forEach((measure, i) => {
    check(measure.description, "measures", `measures[${i}].description`);
    measure.notes.forEach((note, j) => check(note.text, "measures", `measures[${i}].notes[${j}].text`));
  });
  check(content.exception?.text, "exception", "exception.text");
  check(content.disagreement?.text, "disagreement", "disagreement.text");
  return problems;
}

/** The same calendar date a year later (29 February becomes 28 February). */
export function oneYearAfter(date: IsoDate): IsoDate {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y + 1, m, 0)).getUTCDate();
  return `${String(y + 1).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(Math.min(d, lastDay)).padStart(2, "0")}`;
}

/** The evaluation date must be from tomorrow up to one year ahead (as in NAV's plan form). */
export function validateEvaluationDate(date: string, today: IsoDate): Result<IsoDate> {
  const min = addDays(today, 1);
  const max = oneYearAfter(today);
  const base = { field: "evaluationDate" as const, params: {}, dates: { min, max } };
  if (!isIsoDate(date)) return fail({ ...base, code: "evaluation_date_invalid", key: "plan:errors.evaluationDateInvalid" });
  if (compareIsoDates(date, min) < 0) {
    return fail({ ...base, code: "evaluation_date_too_early", key: "plan:errors.evaluationDateTooEarly" });
  }
  if (compareIsoDates(date, max) > 0) {
    return fail({ ...base, code: "evaluation_date_too_late", key: "plan:errors.evaluationDateTooLate" });
  }
  return ok(date);
}
