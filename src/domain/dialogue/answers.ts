// Checks and normalizes one answer for one step. Whatever a channel sends (a
// button value, a date picker's ISO date, a number field's string) ends up here,
// so the engine stores only values the definition allows. Errors are locale keys
// with params, shown with the same question again.
import type { AnswerValue } from "../messages/commands.js";
import { addDays, compareIsoDates, impossibleDay, isIsoDate, type IsoDate } from "../time/localDate.js";
import { formatDate, type Locale } from "../locale.js";
import type { AnswerLookup } from "./conditions.js";
import type { AnswerableStep, PromptStep } from "./schema.js";
import type { LocalizedReason } from "./state.js";

export interface AnswerContext {
  today: IsoDate;
  locale: Locale;
  /** Earlier answers, as conditions see them (for `notBefore`). */
  lookup: AnswerLookup;
}

/** `value: undefined` means "no answer" (an optional step left empty). */
export type AnswerCheck = { ok: true; value: AnswerValue | undefined } | { ok: false; error: LocalizedReason };

const fail = (key: string, params?: Record<string, string | number>): AnswerCheck => ({
  ok: false,
  error: params ? { key: `dialogue:errors.${key}`, params } : { key: `dialogue:errors.${key}` },
});

export function isAnswerable(step: PromptStep): step is AnswerableStep {
  return step.type !== "info" && step.type !== "repeat" && step.type !== "summary";
}

/** Steps whose answers are free text and therefore pass the health guard. */
export function isFreeText(step: PromptStep): boolean {
  return step.type === "short_text" || step.type === "long_text" || step.type === "list";
}

/** One item per line; a single line may instead be separated by commas or semicolons. */
export function splitList(text: string): string[] {
  const parts = text.includes("\n") ? text.split(/\r?\n/) : text.split(/[;,]/);
  return parts.map((p) => p.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, "").trim()).filter((p) => p.length > 0);
}

/**
 * "50", "50 %", "50%" → 50, and "50 prosent" with one of `percentWords` (typed text: the words of
 * every locale); undefined when it is not a whole number. `marked`: only with the sign or a word
 * (where a bare number means something else: an option's number).
 */
export function parsePercentText(text: string, percentWords: readonly string[] = [], marked = false): number | undefined {
  const m = /^\s*(-?\d+)\s*(.*?)\s*$/.exec(text);
  if (!m) return undefined;
  const unit = m[2]!.toLowerCase();
  if (unit === "") return marked ? undefined : Number(m[1]);
  return unit === "%" || percentWords.includes(unit) ? Number(m[1]) : undefined;
}

/** The date bounds of a date step as ISO dates, given today and earlier answers. */
export function dateBounds(
  step: Extract<AnswerableStep, { type: "date" }>,
  today: IsoDate,
  lookup: AnswerLookup,
): { min?: IsoDate; max?: IsoDate; notBefore?: IsoDate } {
  const bounds: { min?: IsoDate; max?: IsoDate; notBefore?: IsoDate } = {};
  if (step.minDays !== undefined) bounds.min = addDays(today, step.minDays);
  if (step.maxDays !== undefined) bounds.max = addDays(today, step.maxDays);
  const earlier = step.notBefore ? lookup(step.notBefore) : undefined;
  if (typeof earlier === "string" && isIsoDate(earlier)) bounds.notBefore = earlier;
  return bounds;
}

function isEmpty(raw: AnswerValue | undefined): boolean {
  if (raw === undefined) return true;
  if (typeof raw === "string") return raw.trim() === "";
  if (Array.isArray(raw)) return raw.every((v) => v.trim() === "");
  return false;
}

export function checkAnswer(step: AnswerableStep, raw: AnswerValue | undefined, ctx: AnswerContext): AnswerCheck {
  // null is a real answer only for "unknown" dates; elsewhere it means nothing was given.
  const unknownDate = step.type === "date" && raw === null;
  if (!unknownDate && (raw === null || isEmpty(raw))) {
    return step.required ? fail("required") : { ok: true, value: undefined };
  }
  switch (step.type) {
    case "single_choice": {
      const value = Array.isArray(raw) ? raw[0] : String(raw);
      if (value === undefined || !step.options.some((o) => o.value === value)) return fail("notAnOption");
      return { ok: true, value };
    }
    case "multi_choice": {
      const values = [...new Set(Array.isArray(raw) ? raw : [String(raw)])];
      if (values.some((v) => !step.options.some((o) => o.value === v))) return fail("notAnOption");
      const min = Math.max(step.min ?? 1, 1);
      const max = step.max ?? step.options.length;
      if (values.length < min) return fail("tooFew", { min });
      if (values.length > max) return fail("tooMany", { max });
      // Keep the definition's order so displays and snapshots are stable.
      return { ok: true, value: step.options.map((o) => o.value).filter((v) => values.includes(v)) };
    }
    case "short_text":
    case "long_text": {
      if (typeof raw !== "string") return fail("notText");
      const value = raw.trim();
      if (value.length > step.maxLength) return fail("tooLong", { max: step.maxLength, length: value.length });
      return { ok: true, value };
    }
    case "list": {
      const items = typeof raw === "string" ? splitList(raw) : Array.isArray(raw) ? raw.map((v) => v.trim()) : undefined;
      if (!items) return fail("notText");
      const unique: string[] = [];
      for (const item of items) {
        if (item && !unique.some((u) => u.toLowerCase() === item.toLowerCase())) unique.push(item);
      }
      if (unique.length > step.maxItems) return fail("tooManyItems", { max: step.maxItems });
      const long = unique.find((item) => item.length > step.itemMaxLength);
      if (long !== undefined) return fail("itemTooLong", { max: step.itemMaxLength, item: long.slice(0, 40) });
      return { ok: true, value: unique };
    }
    case "date": {
      if (raw === null) return step.allowUnknown ? { ok: true, value: null } : fail("unknownNotAllowed");
      const bounds = dateBounds(step, ctx.today, ctx.lookup);
      // The example in the message is a date the step accepts (today, moved into the allowed range).
      if (typeof raw !== "string" || !isIsoDate(raw.trim())) {
        const m = typeof raw === "string" ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw.trim()) : null;
        const impossible = m ? impossibleDay(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
        return impossible ? fail("noSuchDay", impossible) : fail("badDate", { example: exampleDate(ctx.today, bounds) });
      }
      const value = raw.trim();
      const show = (date: IsoDate) => formatDate(date, ctx.locale, "short");
      if (bounds.notBefore && compareIsoDates(value, bounds.notBefore) < 0) {
        return fail("endBeforeStart", { date: show(bounds.notBefore) });
      }
      if (bounds.min && compareIsoDates(value, bounds.min) < 0) return fail("dateTooEarly", { date: show(bounds.min) });
      if (bounds.max && compareIsoDates(value, bounds.max) > 0) return fail("dateTooLate", { date: show(bounds.max) });
      return { ok: true, value };
    }
    case "percent": {
      const value = typeof raw === "number" ? raw : typeof raw === "string" ? parsePercentText(raw) : undefined;
      if (value === undefined || !Number.isInteger(value)) return fail("notANumber");
      if (value < step.min || value > step.max) return fail("outOfRange", { min: step.min, max: step.max });
      return { ok: true, value };
    }
  }
}

/** A date inside the bounds, written the way people type it (D.M.YYYY). */
export function exampleDate(today: IsoDate, bounds: { min?: IsoDate | undefined; max?: IsoDate | undefined; notBefore?: IsoDate | undefined }): string {
  let date = today;
  const floor = [bounds.min, bounds.notBefore].filter((d): d is IsoDate => d !== undefined).sort(compareIsoDates).at(-1);
  if (floor && compareIsoDates(date, floor) < 0) date = floor;
  if (bounds.max && compareIsoDates(date, bounds.max) > 0) date = bounds.max;
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return `${d}.${m}.${y}`;
}
