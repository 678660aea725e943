import { describe, expect, it } from "vitest";
import { dialogues } from "../../../src/domain/dialogue/definitions/index.js";
import { parseTextAnswer } from "../../../src/domain/dialogue/parse.js";
import type { PromptStep } from "../../../src/domain/dialogue/schema.js";
import { TODAY, labels } from "./helpers.js";

function stepOf(dialogue: keyof typeof dialogues, id: string): PromptStep {
  const def = dialogues[dialogue];
  const all = def.steps.flatMap((s): PromptStep[] => (s.type === "repeat" ? [s, ...s.itemSteps] : [s]));
  const step = all.find((s) => s.id === id);
  if (!step) throw new Error(id);
  return step;
}

const parse = (step: PromptStep, text: string, today = TODAY) => parseTextAnswer(step, text, "nb", today, labels);
const ok = (value: unknown) => ({ ok: true, value });
const err = (key: string, params?: Record<string, unknown>) => ({ ok: false, error: { key: `dialogue:errors.${key}`, ...(params ? { params } : {}) } });
/** "Not a date" shows an example the step accepts: today (10 March 2026) as people type it. */
const notADate = err("badDate", { example: "10.3.2026" });

describe("parseTextAnswer", () => {
  const leaveType = stepOf("report_sickness", "leaveType");
  const channels = stepOf("contact_preferences", "channels");
  const start = stepOf("report_sickness", "startDate");
  const end = stepOf("report_sickness", "endDate");

  it("reads a choice by number, value or label in any locale, ignoring case", () => {
    expect(parse(leaveType, "2")).toEqual(ok("sykmelding"));
    expect(parse(leaveType, " 1. ")).toEqual(ok("egenmelding"));
    expect(parse(leaveType, "SYKMELDING")).toEqual(ok("sykmelding"));
    expect(parse(leaveType, "sykmelding fra lege")).toEqual(ok("sykmelding"));
    expect(parse(leaveType, "Sick note from a doctor (sykmelding)")).toEqual(ok("sykmelding"));
    expect(parse(stepOf("employee_followup", "arrConsent"), "Yes")).toEqual(ok("yes"));
    expect(parse(leaveType, "3")).toEqual(err("notAnOption"));
    expect(parse(leaveType, "ferie")).toEqual(err("notAnOption"));
  });

  it("reads several choices", () => {
    expect(parse(channels, "1,3")).toEqual(ok(["phone", "email"]));
    expect(parse(channels, "1 3 5")).toEqual(ok(["phone", "email", "chat"]));
    expect(parse(channels, "Telefon, e-mail")).toEqual(ok(["phone", "email"]));
    expect(parse(channels, "1, brevdue")).toEqual(err("notAnOption"));
  });

  it("reads dates in the common forms and words", () => {
    expect(parse(start, "2026-03-12")).toEqual(ok("2026-03-12"));
    expect(parse(start, "5.3.2026")).toEqual(ok("2026-03-05"));
    expect(parse(start, "05/03/2026")).toEqual(ok("2026-03-05"));
    expect(parse(start, "5.3.")).toEqual(ok("2026-03-05"));
    expect(parse(start, "i dag")).toEqual(ok(TODAY));
    expect(parse(start, "Today")).toEqual(ok(TODAY));
    expect(parse(start, "i morgen")).toEqual(ok("2026-03-11"));
    expect(parse(start, "tomorrow")).toEqual(ok("2026-03-11"));
    expect(parse(start, "i går")).toEqual(ok("2026-03-09"));
    // A day the month does not have is told as such: "February has 28 days in 2026".
    expect(parse(start, "31.2.2026")).toEqual(err("noSuchDay", { year: 2026, month: 2, days: 28 }));
    expect(parse(start, "2026-02-30")).toEqual(err("noSuchDay", { year: 2026, month: 2, days: 28 }));
    expect(parse(start, "31.4.")).toEqual(err("noSuchDay", { year: 2026, month: 4, days: 30 }));
    expect(parse(start, "neste uke")).toEqual(notADate);
    expect(parse(start, "32.13.2026")).toEqual(notADate);
  });

  it("takes the nearest year for a day and month without year", () => {
    expect(parse(start, "3.1.", "2026-12-30")).toEqual(ok("2027-01-03"));
    expect(parse(start, "28.12", "2027-01-02")).toEqual(ok("2026-12-28"));
  });

  it("reads 'unknown' only where allowed", () => {
    expect(parse(end, "ukjent")).toEqual(ok(null));
    expect(parse(end, "Vet ikke")).toEqual(ok(null));
    expect(parse(end, "unknown")).toEqual(ok(null));
    expect(parse(start, "ukjent")).toEqual(err("unknownNotAllowed"));
  });

  it("reads percentages", () => {
    const percent = stepOf("report_sickness", "gradePercent");
    expect(parse(percent, "50")).toEqual(ok(50));
    expect(parse(percent, "50 %")).toEqual(ok(50));
    expect(parse(percent, "50%")).toEqual(ok(50));
    // The word, in any of the five languages, as a hurried person types it.
    for (const typed of ["50 prosent", "50 Prosent", "50prosent", "50 pst.", "50 percent", "50 per cent", "50 procent", "50 pct"]) expect(parse(percent, typed), typed).toEqual(ok(50));
    expect(parse(percent, "50 prosenter")).toEqual(err("notANumber"));
    expect(parse(percent, "halvparten")).toEqual(err("notANumber"));
    expect(parse(percent, "50,5")).toEqual(err("notANumber"));
  });

  it("where full or graded is asked, a percentage picks «graded» and answers the percentage as well", () => {
    const grade = stepOf("report_sickness", "grade");
    expect(parse(grade, "2")).toEqual(ok("graded"));
    expect(parse(grade, "Delvis")).toEqual(ok("graded"));
    for (const typed of ["50 %", "50%", "50 prosent", "40 procent"]) {
      expect(parse(grade, typed), typed).toEqual({ ok: true, value: "graded", alsoAnswers: { stepId: "gradePercent", value: Number(typed.slice(0, 2)) } });
    }
    // A bare number is still the option's number; a choice without typedPercent takes no percentage.
    expect(parse(grade, "1")).toEqual(ok("full"));
    expect(parse(grade, "50")).toEqual(err("notAnOption"));
    expect(parse(leaveType, "50 %")).toEqual(err("notAnOption"));
  });

  it("reads lists one per line, or separated by commas or semicolons", () => {
    const list = stepOf("employee_followup", "mainTasks");
    expect(parse(list, "Kasse\nLager, bestilling\n\n")).toEqual(ok(["Kasse", "Lager, bestilling"]));
    expect(parse(list, "Kasse, lager; bestilling")).toEqual(ok(["Kasse", "lager", "bestilling"]));
    expect(parse(list, "- Kasse\n2. Lager")).toEqual(ok(["Kasse", "Lager"]));
  });

  it("passes text through, continues info steps and refuses the summary", () => {
    expect(parse(stepOf("plan_not_needed", "reasonText"), "  Tilbake snart.  ")).toEqual(ok("Tilbake snart."));
    expect(parse(stepOf("plan_not_needed", "intro"), "ok")).toEqual(ok(null));
    expect(parse(stepOf("plan_not_needed", "summary"), "ja")).toEqual(err("useButtons"));
    expect(parse(leaveType, "  ")).toEqual(ok(""));
  });

  it("without a label lookup understands numbers and numeric dates only", () => {
    expect(parseTextAnswer(leaveType, "2", "nb", TODAY)).toEqual(ok("sykmelding"));
    expect(parseTextAnswer(leaveType, "Sykmelding fra lege", "nb", TODAY)).toEqual(err("notAnOption"));
    expect(parseTextAnswer(start, "i dag", "nb", TODAY)).toEqual(notADate);
    expect(parseTextAnswer(start, "5.3.2026", "nb", TODAY)).toEqual(ok("2026-03-05"));
  });
});

describe("forgiving choice matching", () => {
  const change = stepOf("change_absence", "change");
  const pace = stepOf("employee_followup", "returnPace");

  it("takes the beginning of an option's label or of one of its words (forlenget, gradvis)", () => {
    expect(parse(change, "forlenget")).toEqual(ok("extended"));
    expect(parse(change, "Forlenget!")).toEqual(ok("extended"));
    expect(parse(change, "gradert")).toEqual(ok("graded"));
    expect(parse(pace, "gradvis")).toEqual(ok("graded"));
    expect(parse(pace, "Gradvis")).toEqual(ok("graded"));
    expect(parse(pace, "helt")).toEqual(ok("full_soon"));
  });

  it("ignores case and accents, and takes o/ae/a for ø/æ/å", () => {
    expect(parse(change, "TILBAKE PÅ JOBB")).toEqual(ok("back_at_work"));
    expect(parse(change, "tilbake pa jobb")).toEqual(ok("back_at_work"));
    expect(parse(pace, "vet ikke enna")).toEqual(ok("unsure"));
    expect(parse(stepOf("report_sickness", "leaveType"), "sykméldíng")).toEqual(ok("sykmelding"));
  });

  it("refuses what names two options equally well, and beginnings too short to mean anything", () => {
    // "Jeg er nå gradert …" and "Jeg er tilbake på jobb" both start with "jeg er".
    expect(parse(change, "jeg er")).toEqual(err("notAnOption"));
    expect(parse(change, "det")).toEqual(err("notAnOption"));
    expect(parse(pace, "ja")).toEqual(err("notAnOption"));
  });
});
