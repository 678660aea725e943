// Drives dialogue sessions in tests: a fake health guard, fixed "today", and
// small helpers that answer the current step the way a channel would.
import { expect } from "vitest";
import type { AnswerValue } from "../../../src/domain/messages/commands.js";
import type { HealthGuard } from "../../../src/domain/guard/types.js";
import type { Message, InputBlock, ActionsBlock, Button } from "../../../src/domain/messages/model.js";
import {
  applyCommand,
  commandStepId,
  currentStep,
  renderPrompt,
  type ApplyResult,
  type DialogueCommand,
} from "../../../src/domain/dialogue/engine.js";
import { labelsFromTranslators, parseTextAnswer } from "../../../src/domain/dialogue/parse.js";
import type { DialogueDefinition } from "../../../src/domain/dialogue/schema.js";
import { cursorOf, type SessionState } from "../../../src/domain/dialogue/state.js";
import { SUPPORTED_LOCALES, translator, type Locale } from "../../../src/i18n/index.js";

export const TODAY = "2026-03-10";
export const SESSION = "sess-1";

/** Flags a few health words, reporting them as they appear in the text. */
export const fakeGuard: HealthGuard = (text) => {
  const matches = [...text.matchAll(/migrene|diagnose|depresjon|migraine/gi)].map((m) => m[0]);
  return { flagged: matches.length > 0, matches };
};

export const labels = labelsFromTranslators(SUPPORTED_LOCALES.map((l) => translator(l)));

export function ctx(locale: Locale = "nb") {
  return { today: TODAY, guard: fakeGuard, locale };
}

/** The command id of the step the session is at ("tasks[1].ability" → "ability", item 1). */
export function here(state: SessionState): { stepId: string; item?: number } {
  const cursor = cursorOf(state);
  return cursor.itemIndex === undefined ? { stepId: commandStepId(cursor) } : { stepId: commandStepId(cursor), item: cursor.itemIndex };
}

export function send(def: DialogueDefinition, state: SessionState, cmd: Omit<DialogueCommand, "type" | "sessionId">, locale: Locale = "nb"): ApplyResult {
  return applyCommand(def, state, { type: "dialogue", sessionId: SESSION, ...cmd }, ctx(locale));
}

/** Answers the current step, checking first that it is the expected one; expects it accepted. */
export function answer(def: DialogueDefinition, state: SessionState, expectedStep: string, value: AnswerValue | undefined): SessionState {
  expect(here(state).stepId).toBe(expectedStep);
  const result = send(def, state, value === undefined ? { action: "answer", ...here(state) } : { action: "answer", ...here(state), answer: value });
  expect(result.outcome, `answering ${expectedStep}`).toEqual({ type: "accepted" });
  return result.state;
}

/** Types a line for the current step as a console user would (parsed, then applied). */
export function type(def: DialogueDefinition, state: SessionState, expectedStep: string, text: string, locale: Locale = "nb"): SessionState {
  expect(here(state).stepId).toBe(expectedStep);
  const step = currentStep(def, state)!;
  const parsed = parseTextAnswer(step, text, locale, TODAY, labels);
  if (!parsed.ok) throw new Error(`could not parse "${text}" for ${expectedStep}: ${parsed.error.key}`);
  const result = send(def, state, { action: "answer", ...here(state), answer: parsed.value }, locale);
  expect(result.outcome, `typing "${text}" at ${expectedStep}`).toEqual({ type: "accepted" });
  return result.state;
}

export function skip(def: DialogueDefinition, state: SessionState, expectedStep: string): SessionState {
  expect(here(state).stepId).toBe(expectedStep);
  const result = send(def, state, { action: "skip", ...here(state) });
  expect(result.outcome).toEqual({ type: "accepted" });
  return result.state;
}

export function render(def: DialogueDefinition, state: SessionState, locale: Locale = "nb"): Message {
  return renderPrompt(def, state, { t: translator(locale), locale, today: TODAY, sessionId: SESSION });
}

export function inputOf(message: Message): InputBlock | undefined {
  return message.blocks.find((b): b is InputBlock => b.kind === "input");
}

export function buttonsOf(message: Message): Button[] {
  return message.blocks.filter((b): b is ActionsBlock => b.kind === "actions").flatMap((b) => b.buttons);
}

export function buttonFor(message: Message, action: DialogueCommand["action"]): Button[] {
  return buttonsOf(message).filter((b) => b.command.type === "dialogue" && b.command.action === action);
}
