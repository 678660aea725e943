// Input of the milestone engine and its validation. The messages are developer-facing
// (CLI, logs): one line each, starting with the field path, e.g. "periods[0].end: end is before start".
import { z } from "zod";
import { isIsoDate } from "../time/localDate.js";
import { JURISDICTIONS } from "./types.js";

const isoDate = z.string({ error: "expected a date string YYYY-MM-DD" }).superRefine((value, ctx) => {
  if (!isIsoDate(value)) {
    ctx.addIssue({ code: "custom", message: `not a valid date: ${JSON.stringify(value)} (expected YYYY-MM-DD)` });
  }
});

const periodSchema = z
  .object({
    start: isoDate,
    end: isoDate.nullable(),
    grade: z.number({ error: "expected a number" }).optional(),
    type: z.enum(["sick", "vacation"], { error: (iss) => `unknown period type ${JSON.stringify(iss.input)} (expected sick or vacation)` }).default("sick"),
    document: z.enum(["egenmelding", "sykmelding"], { error: (iss) => `unknown document ${JSON.stringify(iss.input)} (expected egenmelding or sykmelding)` }).optional(),
    reportedOn: isoDate.optional(),
  })
  .superRefine((period, ctx) => {
    // Only compare real dates (a bad date already has its own message); ISO strings of
    // valid dates compare like the dates themselves.
    const end = period.end;
    if (end !== null && isIsoDate(period.start) && isIsoDate(end) && end < period.start) {
      ctx.addIssue({ code: "custom", path: ["end"], message: `end is before start (${end} < ${period.start})` });
    }
    if (period.type === "sick") {
      const grade = period.grade;
      if (grade === undefined || !Number.isFinite(grade) || grade < 1 || grade > 100) {
        ctx.addIssue({ code: "custom", path: ["grade"], message: `grade must be 1–100 for a sick period (got ${String(grade)})` });
      }
    } else {
      if (period.grade !== undefined && period.grade !== 0) {
        ctx.addIssue({ code: "custom", path: ["grade"], message: `grade must be 0 or omitted for a vacation period (got ${period.grade})` });
      }
      // A vacation is always planned with an end; an open one would keep a Norwegian case alive forever.
      if (period.end === null) {
        ctx.addIssue({ code: "custom", path: ["end"], message: "a vacation period needs an end date" });
      }
    }
  });

export const milestoneInputSchema = z.object({
  jurisdiction: z.enum(JURISDICTIONS, {
    error: (iss) => `unknown jurisdiction ${JSON.stringify(iss.input)} (expected NO, DK or SE)`,
  }),
  periods: z.array(periodSchema, { error: "expected an array of periods" }),
  today: isoDate,
});

/** What callers pass in (type and grade may be omitted). */
export type MilestoneInput = z.input<typeof milestoneInputSchema>;
/** The input after validation, with defaults applied. */
export type ParsedMilestoneInput = z.output<typeof milestoneInputSchema>;
export type PeriodInput = MilestoneInput["periods"][number];

export type ParseResult = { ok: true; value: ParsedMilestoneInput } | { ok: false; errors: string[] };

/** Formats a zod issue path as it would be written in JavaScript: periods[0].end */
function formatPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const key of path) {
    if (typeof key === "number") text += `[${key}]`;
    else text += text === "" ? String(key) : `.${String(key)}`;
  }
  return text === "" ? "input" : text;
}

export function parseMilestoneInput(raw: unknown): ParseResult {
  const result = milestoneInputSchema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, errors: result.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`) };
}
