// The sick-leave report as one form, defined once: which fields it asks, which are
// required, the dates it allows (the absence rule's window) and the words it uses.
// The Slack modal, the Teams card and the console render this; what comes back is
// read here, with the same absence validation as every other way of reporting.
import { ABSENCE_DOCUMENTS, REPORT_START_WINDOW, validateAbsence, type AbsenceProblem, type ExistingPeriod } from "../absence/validation.js";
import { addDays, type IsoDate } from "../time/localDate.js";
import { formatDate, type Locale, type Translate } from "../locale.js";
import type { Command } from "./commands.js";

export type ReportFieldId = "start" | "end" | "grade" | "document";

interface FieldBase {
  id: ReportFieldId;
  label: string;
  hint?: string;
  required: boolean;
  /** Shown when a required field is left empty or out of range. */
  errorMessage?: string;
}

export type ReportField =
  | (FieldBase & { kind: "date"; min: IsoDate; max?: IsoDate; initial?: IsoDate })
  | (FieldBase & { kind: "number"; min: number; max: number; initial: number })
  | (FieldBase & { kind: "choice"; options: Array<{ value: string; label: string }> });

export interface ReportForm {
  title: string;
  intro: string;
  submitLabel: string;
  /** The step-by-step dialogue instead of the form. */
  stepByStepLabel: string;
  fields: ReportField[];
}

/** The form for a person whose today is `today`, in their language. */
export function reportForm(t: Translate, today: IsoDate): ReportForm {
  const min = addDays(today, REPORT_START_WINDOW.minDays);
  return {
    title: t("teams:report.title"),
    intro: t("teams:report.intro"),
    submitLabel: t("teams:report.submit"),
    stepByStepLabel: t("teams:report.stepByStep"),
    fields: [
      { id: "start", kind: "date", label: t("dialogue:report_sickness.startDate.text"), required: true, initial: today, min, max: addDays(today, REPORT_START_WINDOW.maxDays), errorMessage: t("teams:report.startRequired") },
      { id: "end", kind: "date", label: t("dialogue:report_sickness.endDate.text"), hint: t("teams:report.endHint"), required: false, min },
      { id: "grade", kind: "number", label: t("teams:report.gradeLabel"), hint: t("teams:report.gradeHint"), required: true, min: 1, max: 100, initial: 100, errorMessage: t("teams:report.gradeRange") },
      {
        id: "document",
        kind: "choice",
        label: t("dialogue:report_sickness.leaveType.text"),
        hint: t("dialogue:report_sickness.leaveType.help"),
        // The step-by-step dialogue asks it too: egenmelding and sykmelding have different rules.
        required: true,
        options: ABSENCE_DOCUMENTS.map((value) => ({ value, label: t(`dialogue:report_sickness.leaveType.options.${value}`) })),
        errorMessage: t("teams:report.documentRequired"),
      },
    ],
  };
}

export interface ReportValues {
  start: string;
  end: string | null;
  /** As typed; "" when empty. */
  grade: string;
  document: string | null;
}

export type ReportReading =
  | { ok: true; command: Extract<Command, { type: "report.submit" }> }
  | { ok: false; errors: Partial<Record<ReportFieldId, string>> };

/** Reads a filled-in form: required fields, the start window, then the absence rule; one error per field. */
export function readReportForm(values: ReportValues, t: Translate, locale: Locale, today: IsoDate, existing: ExistingPeriod[]): ReportReading {
  const errors: Partial<Record<ReportFieldId, string>> = {};
  const form = reportForm(t, today);
  const field = (id: ReportFieldId) => form.fields.find((f) => f.id === id)!;
  const start = field("start");
  if (!values.start) errors.start = start.errorMessage;
  else if (start.kind === "date" && /^\d{4}-\d{2}-\d{2}$/.test(values.start)) {
    // ISO dates compare as text.
    if (values.start < start.min) errors.start = t("dialogue:errors.dateTooEarly", { date: formatDate(start.min, locale) });
    else if (start.max !== undefined && values.start > start.max) errors.start = t("dialogue:errors.dateTooLate", { date: formatDate(start.max, locale) });
  }
  if (!values.document) errors.document = field("document").errorMessage;
  const gradeText = values.grade.trim();
  const grade = /^\d+$/.test(gradeText) ? Number(gradeText) : Number.NaN;
  const result = validateAbsence({ start: values.start, end: values.end, grade, type: "sick", document: values.document }, today, existing);
  if (!result.ok) {
    for (const p of result.problems) {
      const id = fieldOf(p);
      errors[id] ??= t(p.key, p.field === "grade" ? { ...p.params, value: gradeText } : p.params);
    }
  }
  if (Object.keys(errors).length > 0 || !result.ok) return { ok: false, errors };
  const { value } = result;
  return { ok: true, command: { type: "report.submit", start: value.start, end: value.end, grade: value.grade, document: value.document } };
}

function fieldOf(problem: AbsenceProblem): ReportFieldId {
  return problem.field === "type" ? "start" : problem.field;
}
