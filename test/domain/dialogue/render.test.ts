// Every prompt of every shipped dialogue rendered in nb and en: the input kind
// matches the step, buttons carry valid commands, and every text exists.
import { describe, expect, it } from "vitest";
import { dialogues } from "../../../src/domain/dialogue/definitions/index.js";
import { currentStep, renderPrompt, startSession } from "../../../src/domain/dialogue/engine.js";
import type { DialogueDefinition, PromptStep } from "../../../src/domain/dialogue/schema.js";
import type { SessionState } from "../../../src/domain/dialogue/state.js";
import { parseCommand, type AnswerValue } from "../../../src/domain/messages/commands.js";
import type { Input, Message, TextBlock } from "../../../src/domain/messages/model.js";
import { COMPLETE_LOCALES, hasKey, translator, type Locale } from "../../../src/i18n/index.js";
import { SESSION, TODAY, buttonFor, buttonsOf, here, inputOf, render, send } from "./helpers.js";

const EXPECTED_INPUT: Record<string, (input: Input) => boolean> = {
  single_choice: (i) => i.type === "choice" && !i.multiple,
  multi_choice: (i) => i.type === "choice" && i.multiple,
  short_text: (i) => i.type === "text" && !i.multiline,
  long_text: (i) => i.type === "text" && i.multiline && i.maxLength <= 2000,
  list: (i) => i.type === "text" && i.multiline,
  date: (i) => i.type === "date",
  percent: (i) => i.type === "number" && i.unit === "%",
};

/** A valid answer taken from the rendered input itself (so inputs and validation agree). */
function answerFromInput(step: PromptStep, message: Message, state: SessionState): AnswerValue {
  const input = inputOf(message)?.input;
  if (!input) return null;
  switch (input.type) {
    case "choice":
      if (step.id === "_more") return (state.itemIndex ?? 0) === 0 ? "yes" : "no";
      return input.multiple ? [input.options[0]!.value] : input.options.at(-1)!.value;
    case "text":
      return step.type === "list" ? (input.initial ?? "Kasse\nLager") : "Om arbeidet.";
    case "date":
      return input.min ?? input.initial ?? TODAY;
    case "number":
      return input.initial ?? input.max;
  }
}

/** Translates while recording every key asked for. */
function recording(locale: Locale, keys: Set<string>) {
  const t = translator(locale);
  return (key: string, params?: Record<string, unknown>) => {
    keys.add(key);
    return t(key, params);
  };
}

function walk(def: DialogueDefinition, visit: (state: SessionState, message: Message, step: PromptStep) => void): SessionState {
  let s = startSession(def, {
    today: TODAY,
    prefill: def.id === "employee_followup" ? { role: "Kokk", positionPercent: 60 } : {},
    listContext: { mainTasks: ["Matlaging", "Innkjøp"], measures: ["Kortere vakter"] },
  });
  for (let i = 0; i < 80 && s.status === "active"; i++) {
    const message = render(def, s);
    const step = currentStep(def, s)!;
    visit(s, message, step);
    const result = step.type === "summary"
      ? send(def, s, { action: "confirm" })
      : send(def, s, { action: "answer", ...here(s), answer: answerFromInput(step, message, s) });
    expect(["accepted", "completed"], `${def.id} ${step.id}: ${JSON.stringify(result.outcome)}`).toContain(result.outcome.type);
    s = result.state;
  }
  expect(s.status).toBe("completed");
  return s;
}

describe.each(Object.values(dialogues).map((d) => [d.id, d] as const))("rendering %s", (_id, def) => {
  it("shows each step as a Message whose input matches the step type", () => {
    walk(def, (s, message, step) => {
      expect(message.replaceKey).toBe(`dialogue:${SESSION}`);
      const heading = message.blocks[0] as TextBlock;
      expect(heading).toMatchObject({ kind: "text", style: "heading" });
      expect(heading.text).toContain(translator("nb")(def.titleKey));
      expect(message.summary.length).toBeGreaterThan(0);
      for (const button of buttonsOf(message)) expect(parseCommand(button.command), button.label).toBeDefined();
      expect(buttonFor(message, "cancel")).toHaveLength(1);
      expect(buttonFor(message, "back")).toHaveLength(s.history.length > 0 ? 1 : 0);

      const input = inputOf(message);
      if (step.type === "info") {
        expect(input).toBeUndefined();
        expect(buttonFor(message, "answer")).toHaveLength(1);
      } else if (step.type === "summary") {
        expect(input).toBeUndefined();
        expect(buttonFor(message, "confirm")).toHaveLength(1);
        const fields = message.blocks.flatMap((b) => (b.kind === "fields" ? b.fields : []));
        expect(fields.length).toBeGreaterThan(0);
        // One edit button per answer row (plus "add another" for open repeats).
        const edits = buttonFor(message, "edit").filter((b) => b.command.type === "dialogue" && !b.command.stepId?.endsWith("._more"));
        expect(edits).toHaveLength(fields.length);
      } else {
        expect(input, step.id).toBeDefined();
        expect(EXPECTED_INPUT[step.type]!(input!.input), `${step.id} ${JSON.stringify(input!.input)}`).toBe(true);
        expect(input!.submit).toEqual({ type: "dialogue", sessionId: SESSION, action: "answer", ...here(s) });
        expect(input!.optional ?? false).toBe(step.type !== "repeat" && !step.required);
        expect(buttonFor(message, "skip")).toHaveLength(step.type !== "repeat" && !step.required ? 1 : 0);
      }
    });
  });

  it("uses only texts that exist in nb and en", () => {
    for (const locale of COMPLETE_LOCALES) {
      const keys = new Set<string>();
      walk(def, (s) => {
        renderPrompt(def, s, { t: recording(locale, keys), locale, today: TODAY, sessionId: SESSION });
      });
      const missing = [...keys].filter((k) => k.startsWith("dialogue:") && !hasKey(locale, k));
      expect(missing, locale).toEqual([]);
    }
  });
});

describe("rendering details", () => {
  const sick = dialogues.report_sickness;

  it("date inputs carry bounds from today and from the start date, and 'unknown'", () => {
    let s = startSession(sick, { today: TODAY });
    s = send(sick, s, { action: "answer", answer: null }).state;
    const start = inputOf(render(sick, s))!.input;
    expect(start).toEqual({ type: "date", min: "2026-02-08", max: "2026-03-24", initial: TODAY });
    s = send(sick, s, { action: "answer", answer: "2026-03-05" }).state;
    const end = inputOf(render(sick, s))!.input;
    expect(end).toMatchObject({ type: "date", min: "2026-03-05", max: "2027-03-10", allowUnknown: true, unknownLabel: "Vet ikke ennå" });
  });

  it("shows the progress and a pending error in the locale", () => {
    let s = startSession(sick, { today: TODAY });
    s = send(sick, s, { action: "answer", answer: null }).state;
    s = send(sick, s, { action: "answer", answer: "2020-01-01" }, "en").state;
    const message = render(sick, s, "en");
    expect((message.blocks[0] as TextBlock).text).toBe("Report an absence – step 2 of 7");
    const warning = message.blocks.find((b) => b.kind === "text" && b.style === "warning") as TextBlock;
    expect(warning.text).toMatch(/^Choose a date on or after .*2026\.$/);
  });

  it("prefills lists from context and repeats show which item they ask about", () => {
    const def = dialogues.employee_followup;
    let s = startSession(def, { today: TODAY, listContext: { mainTasks: ["Matlaging", "Innkjøp"] }, prefill: { role: "Kokk" } });
    for (const value of [null, "as_agreed"]) s = send(def, s, { action: "answer", answer: value }).state;
    expect(inputOf(render(def, s))!.input).toMatchObject({ type: "text", initial: "Kokk" });
    for (const value of ["Kokk", 60, ""]) s = send(def, s, { action: "answer", answer: value }).state;
    expect(inputOf(render(def, s))!.input).toMatchObject({ type: "text", multiline: true, initial: "Matlaging\nInnkjøp" });
    s = send(def, s, { action: "answer", answer: "Matlaging\nInnkjøp" }).state;
    s = send(def, s, { action: "answer", ...here(s), answer: "normal" }).state;
    const texts = render(def, s).blocks.filter((b): b is TextBlock => b.kind === "text").map((b) => b.text);
    expect(texts).toContain("Oppgave 2 av 2: Innkjøp");
  });

  it("a guard hit shows the warning, the matches and both choices, with the text kept for editing", () => {
    // As if it were the person's own dialogue: there "keep private" keeps the text, marked private.
    const def = { ...dialogues.plan_not_needed, privateText: "kept_for_self" as const };
    let s = startSession(def, { today: TODAY });
    s = send(def, s, { action: "answer", answer: null }).state;
    s = send(def, s, { action: "answer", answer: "other" }).state;
    s = send(def, s, { action: "answer", answer: "Har migrene." }).state;
    const t = translator("nb");
    const message = render(def, s);
    const texts = message.blocks.filter((b): b is TextBlock => b.kind === "text").map((b) => b.text);
    // The guard namespace is written elsewhere: check the shape, not its wording.
    expect(texts).toContain(t("guard:warning.title"));
    expect(texts.some((text) => text.includes("migrene")), "shows what triggered the warning").toBe(true);
    const rephrase = buttonsOf(message).find((b) => b.label === t("guard:actions.rephrase"));
    const keep = buttonsOf(message).find((b) => b.label === t("guard:actions.keepPrivate"));
    expect(rephrase?.command).toEqual({ type: "dialogue", sessionId: SESSION, action: "edit", stepId: "reasonText" });
    expect(keep?.command).toEqual({ type: "dialogue", sessionId: SESSION, action: "confirm", stepId: "reasonText" });
    expect(inputOf(message)!.input).toMatchObject({ type: "text", initial: "Har migrene." });

    const after = render(def, send(def, s, rephrase!.command as never).state);
    expect(buttonsOf(after).some((b) => b.label === t("guard:actions.keepPrivate"))).toBe(false);
    expect(inputOf(after)!.input).toMatchObject({ initial: "Har migrene." });
  });

  it("the summary shows display values, private marks and an edit button per answer", () => {
    // As if it were the person's own dialogue: there "keep private" keeps the text, marked private.
    const def = { ...dialogues.plan_not_needed, privateText: "kept_for_self" as const };
    let s = startSession(def, { today: TODAY });
    s = send(def, s, { action: "answer", answer: null }).state;
    s = send(def, s, { action: "answer", answer: "returns_soon" }).state;
    s = send(def, s, { action: "answer", answer: "Har migrene, tilbake om en uke." }).state;
    s = send(def, s, { action: "confirm", stepId: "reasonText" }).state;
    const message = render(def, s);
    const fields = message.blocks.flatMap((b) => (b.kind === "fields" ? b.fields : []));
    expect(fields).toEqual([
      { label: "1. Hvorfor trengs det ikke en plan?", value: "Kommer snart tilbake uten tiltak" },
      { label: "2. Beskriv kort hvorfor.", value: "Har migrene, tilbake om en uke. (bare for deg)" },
    ]);
    expect(buttonFor(message, "edit").map((b) => [b.label, b.command])).toEqual([
      ["Endre 1", { type: "dialogue", sessionId: SESSION, action: "edit", stepId: "reason" }],
      ["Endre 2", { type: "dialogue", sessionId: SESSION, action: "edit", stepId: "reasonText" }],
    ]);
    expect(buttonFor(message, "restart")).toHaveLength(1);
  });

  it("finished and cancelled sessions render a closing message in the same place", () => {
    let s = startSession(sick, { today: TODAY });
    const cancelled = render(sick, send(sick, s, { action: "cancel" }).state);
    expect(cancelled.replaceKey).toBe(`dialogue:${SESSION}`);
    expect(buttonFor(cancelled, "restart")).toHaveLength(1);
    s = { ...s, status: "completed" };
    const done = render(sick, s);
    expect(done.blocks.some((b) => b.kind === "text" && b.style === "success")).toBe(true);
  });
});
