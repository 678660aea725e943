// Turns a typed line (console, or a chat message instead of a button) into an
// answer value. Only the form is interpreted here; the engine then checks the
// value against the step (bounds, lengths, required) like any button answer.
import type { AnswerValue } from "../messages/commands.js";
import type { Button, Message } from "../messages/model.js";
import { addDays, impossibleDay, isIsoDate, toEpochDay, type IsoDate } from "../time/localDate.js";
import type { Locale } from "../locale.js";
import { exampleDate, parsePercentText, splitList } from "./answers.js";
import type { ChoiceOptionDef, PromptStep } from "./schema.js";
import type { LocalizedReason } from "./state.js";

/**
 * The texts of a locale key in every supported locale. Choice labels and words
 * such as "i dag"/"today" live in locale files, and a person may type any of them.
 */
export type LabelLookup = (key: string) => string[];

/** Builds a LabelLookup from one translator per locale. */
export function labelsFromTranslators(translators: ReadonlyArray<(key: string) => string>): LabelLookup {
  return (key) => translators.map((t) => t(key)).filter((text) => text !== key);
}

export type ParseResult =
  | {
      ok: true;
      value: AnswerValue;
      /** The next step's answer, given in the same line («50 %» where full or graded is asked): applied right after this one. */
      alsoAnswers?: { stepId: string; value: AnswerValue };
    }
  | { ok: false; error: LocalizedReason };

const fail = (key: string, params?: Record<string, string | number>): ParseResult => ({ ok: false, error: { key: `dialogue:errors.${key}`, ...(params ? { params } : {}) } });

function normalize(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, " ").replace(/[.!]+$/, "");
}

/** Letters that are not a base letter plus a mark, written the way a keyboard without them would. */
const FOLDED: Record<string, string> = { ø: "o", æ: "ae", œ: "oe", ß: "ss", ð: "d", þ: "th", ł: "l" };

/**
 * What a typed choice is compared as: case, accents and punctuation do not matter
 * ("Forlenget", "forlænget", "gradert!" ), nor do the letters ø/æ typed as o/ae.
 */
export function foldForMatching(text: string): string {
  return normalize(text)
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[øæœßðþł]/g, (c) => FOLDED[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The shortest typed beginning of a word that may pick an option ("grad" for "gradvis"). */
const MIN_PREFIX = 4;

/**
 * How well `typed` names a label: 3 the whole label, 2 the label's beginning, 1 the
 * beginning of one of its words ("forlenget" in "Det er forlenget", "tilbake på jobb" in
 * "Jeg er tilbake på jobb"), 0 not at all.
 */
function labelScore(label: string, typed: string): number {
  const folded = foldForMatching(label);
  if (folded === typed) return 3;
  if (typed.length >= MIN_PREFIX && folded.startsWith(typed)) return 2;
  if (typed.length >= MIN_PREFIX && ` ${folded}`.includes(` ${typed}`)) return 1;
  return 0;
}

/** The button of a shown prompt whose label was typed (e.g. "hopp over"): typing it presses it. */
export function buttonForTypedLabel(message: Message, text: string): Button | undefined {
  const typed = foldForMatching(text);
  if (typed === "") return undefined;
  const buttons = message.blocks.flatMap((b) => (b.kind === "actions" ? b.buttons : []));
  const matching = buttons.filter((b) => foldForMatching(b.label) === typed);
  return matching.length === 1 ? matching[0] : undefined;
}

/** Synonyms are "|"-separated in locale files ("i dag|idag"). */
function words(labels: LabelLookup | undefined, key: string): string[] {
  return (labels?.(`dialogue:parse.${key}`) ?? []).flatMap((text) => text.split("|")).map(normalize);
}

/**
 * The option a typed answer names: its number, its value, or its label in any
 * language, forgivingly (case, accents, the beginning of the label or of one of its
 * words). The best kind of match wins; two options matching equally well is no answer.
 */
function matchOption(options: ChoiceOptionDef[], text: string, labels: LabelLookup | undefined): string | undefined {
  const number = /^(\d+)[.)]?$/.exec(normalize(text));
  if (number) return options[Number(number[1]) - 1]?.value;
  const typed = foldForMatching(text);
  if (typed === "") return undefined;
  const scored = options.map((o) => ({
    value: o.value,
    score: Math.max(foldForMatching(o.value) === typed ? 3 : 0, ...(labels?.(o.labelKey) ?? []).map((label) => labelScore(label, typed))),
  }));
  const best = Math.max(0, ...scored.map((s) => s.score));
  if (best === 0) return undefined;
  const winners = scored.filter((s) => s.score === best);
  return winners.length === 1 ? winners[0]!.value : undefined;
}

/** D.M. without a year means the nearest such date (so "3.1." typed in late December is next January). */
function nearestYear(day: number, month: number, today: IsoDate): IsoDate | undefined {
  const year = Number(today.slice(0, 4));
  const candidates = [year - 1, year, year + 1]
    .map((y) => `${y}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`)
    .filter(isIsoDate);
  const t = toEpochDay(today);
  return candidates.sort((a, b) => Math.abs(toEpochDay(a) - t) - Math.abs(toEpochDay(b) - t))[0];
}

function parseDate(text: string, allowUnknown: boolean, today: IsoDate, labels: LabelLookup | undefined): ParseResult {
  const typed = normalize(text);
  const badDate = () => fail("badDate", { example: exampleDate(today, {}) });
  if (words(labels, "today").includes(typed)) return { ok: true, value: today };
  if (words(labels, "tomorrow").includes(typed)) return { ok: true, value: addDays(today, 1) };
  if (words(labels, "yesterday").includes(typed)) return { ok: true, value: addDays(today, -1) };
  if (words(labels, "unknown").includes(typed)) return allowUnknown ? { ok: true, value: null } : fail("unknownNotAllowed");
  if (/^\d{4}-\d{2}-\d{2}$/.test(typed)) return isIsoDate(typed) ? { ok: true, value: typed } : noSuchDay(Number(typed.slice(0, 4)), Number(typed.slice(5, 7)), Number(typed.slice(8, 10)), badDate);
  const m = /^(\d{1,2})[./](\d{1,2})(?:[./](\d{4})?)?$/.exec(text.trim());
  if (!m) return badDate();
  const day = Number(m[1]);
  const month = Number(m[2]);
  const iso = m[3]
    ? `${m[3]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`
    : nearestYear(day, month, today);
  if (iso && isIsoDate(iso)) return { ok: true, value: iso };
  return noSuchDay(m[3] ? Number(m[3]) : Number(today.slice(0, 4)), month, day, badDate);
}

/** "31.02.2026": a clear "February has 28 days in 2026" rather than "not a date". */
function noSuchDay(year: number, month: number, day: number, otherwise: () => ParseResult): ParseResult {
  const impossible = impossibleDay(year, month, day);
  return impossible ? { ok: false, error: { key: "dialogue:errors.noSuchDay", params: impossible } } : otherwise();
}

/** A typed percentage, with the percent words of every locale («50 prosent»). */
function parsePercent(text: string, labels: LabelLookup | undefined, marked = false): number | undefined {
  return parsePercentText(normalize(text), words(labels, "percent"), marked);
}

/**
 * Reads a typed answer for `step`: choices by number ("2") or label in any
 * locale, multi-choice "1,3", dates (YYYY-MM-DD, D.M.YYYY, D.M., "today",
 * "unknown"), percent "50 %" or "50 prosent", lists one per line or comma-separated;
 * a choice with `typedPercent` also takes a percentage (the option, and the next step's answer).
 * Without `labels` only numbers, option values and numeric dates are understood.
 * An empty line gives "" (the engine treats it as no answer).
 */
export function parseTextAnswer(
  step: PromptStep,
  text: string,
  _locale: Locale,
  today: IsoDate,
  labels?: LabelLookup,
): ParseResult {
  if (step.type === "info") return { ok: true, value: null };
  if (step.type === "summary" || step.type === "repeat") return fail("useButtons");
  if (text.trim() === "") return { ok: true, value: "" };
  switch (step.type) {
    case "single_choice": {
      const value = matchOption(step.options, text, labels);
      if (value !== undefined) return { ok: true, value };
      const percent = step.typedPercent ? parsePercent(text, labels, true) : undefined;
      if (step.typedPercent && percent !== undefined) return { ok: true, value: step.typedPercent.option, alsoAnswers: { stepId: step.typedPercent.step, value: percent } };
      return fail("notAnOption");
    }
    case "multi_choice": {
      const parts = /^[\d\s,;]+$/.test(text) ? text.split(/[\s,;]+/) : text.split(/[,;]/);
      const values: string[] = [];
      for (const part of parts.filter((p) => p.trim() !== "")) {
        const value = matchOption(step.options, part, labels);
        if (value === undefined) return fail("notAnOption");
        values.push(value);
      }
      return { ok: true, value: values };
    }
    case "short_text":
    case "long_text":
      return { ok: true, value: text.trim() };
    case "list":
      return { ok: true, value: splitList(text) };
    case "date":
      return parseDate(text, step.allowUnknown, today, labels);
    case "percent": {
      const value = parsePercent(text, labels);
      return value === undefined ? fail("notANumber") : { ok: true, value };
    }
  }
}
