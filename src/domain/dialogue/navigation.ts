// Where the dialogue goes next, given the answers so far. Everything here is a
// function of (definition, answers, list context), so the same walk serves
// moving forward, fast-forwarding after an edit, the summary, progress and the
// snapshot: the "active path" is simply the walk from the first step.
import type { AnswerValue } from "../messages/commands.js";
import { evaluateCondition, type AnswerLookup } from "./conditions.js";
import type { DialogueDefinition, ItemStep, PromptStep, RepeatStep, Step } from "./schema.js";
import { END } from "./schema.js";
import { MORE, answerKey, cursorOf, type Cursor, type SessionState } from "./state.js";

/** The part of a session navigation depends on. */
export type NavState = Pick<SessionState, "answers" | "listContext">;

export function stepIndex(def: DialogueDefinition, stepId: string): number {
  return def.steps.findIndex((s) => s.id === stepId);
}

export function topStep(def: DialogueDefinition, stepId: string): Step | undefined {
  return def.steps.find((s) => s.id === stepId);
}

/** The "add (another) item?" question of an open repeat, as an ordinary yes/no step. */
export function moreStep(repeat: RepeatStep, itemIndex: number): ItemStep {
  if (repeat.source.kind !== "open") throw new Error(`${repeat.id} is not an open repeat`);
  return {
    id: MORE,
    type: "single_choice",
    textKey: itemIndex === 0 ? repeat.source.addFirstKey : repeat.source.addAnotherKey,
    required: true,
    options: [
      { value: "yes", labelKey: "dialogue:common.yes" },
      { value: "no", labelKey: "dialogue:common.no" },
    ],
  };
}

/** The step shown at a cursor (an item step, the synthetic "add another?" or a top-level step). */
export function stepAt(def: DialogueDefinition, cursor: Cursor): PromptStep | undefined {
  const step = topStep(def, cursor.stepId);
  if (!step || cursor.itemStepId === undefined) return step;
  if (step.type !== "repeat") return undefined;
  if (cursor.itemStepId === MORE) return step.source.kind === "open" ? moreStep(step, cursor.itemIndex ?? 0) : undefined;
  return step.itemSteps.find((s) => s.id === cursor.itemStepId);
}

/** Looks answers up as a condition at `cursor` sees them (item siblings first). */
export function lookupAt(def: DialogueDefinition, state: NavState, cursor?: Cursor): AnswerLookup {
  const repeat = cursor?.itemStepId !== undefined ? topStep(def, cursor.stepId) : undefined;
  return (stepId) => {
    if (repeat?.type === "repeat" && repeat.itemSteps.some((s) => s.id === stepId)) {
      return state.answers[answerKey({ stepId: repeat.id, itemIndex: cursor?.itemIndex ?? 0, itemStepId: stepId })];
    }
    return state.answers[stepId];
  };
}

function asList(value: AnswerValue | undefined): string[] {
  return Array.isArray(value) ? value : [];
}

/** The items a repeat walks, as names (open repeats: the first item step's answer, if any). */
export function repeatItems(state: NavState, repeat: RepeatStep): Array<string | undefined> {
  const source = repeat.source;
  if (source.kind === "step") return asList(state.answers[source.step]);
  if (source.kind === "context") return state.listContext[source.key] ?? [];
  let count = source.minItems;
  while (count < source.maxItems && state.answers[moreKey(repeat, count)] === "yes") count++;
  const first = repeat.itemSteps[0];
  return Array.from({ length: count }, (_, i) => {
    const value = first ? state.answers[answerKey({ stepId: repeat.id, itemIndex: i, itemStepId: first.id })] : undefined;
    return typeof value === "string" ? value : undefined;
  });
}

export function moreKey(repeat: RepeatStep, itemIndex: number): string {
  return answerKey({ stepId: repeat.id, itemIndex, itemStepId: MORE });
}

function firstItemStep(def: DialogueDefinition, state: NavState, repeat: RepeatStep, itemIndex: number, from = 0): Cursor | undefined {
  for (let k = from; k < repeat.itemSteps.length; k++) {
    const item = repeat.itemSteps[k]!;
    const cursor: Cursor = { stepId: repeat.id, itemIndex, itemStepId: item.id };
    if (!item.showIf || evaluateCondition(item.showIf, lookupAt(def, state, cursor))) return cursor;
  }
  return undefined;
}

/** The first cursor of item `itemIndex` onward, or undefined when the repeat is done. */
function enterItem(def: DialogueDefinition, state: NavState, repeat: RepeatStep, itemIndex: number): Cursor | undefined {
  const source = repeat.source;
  if (source.kind === "open") {
    if (itemIndex < source.minItems) return firstItemStep(def, state, repeat, itemIndex);
    if (itemIndex < source.maxItems) return { stepId: repeat.id, itemIndex, itemStepId: MORE };
    return undefined;
  }
  const count = repeatItems(state, repeat).length;
  for (let i = itemIndex; i < count; i++) {
    const cursor = firstItemStep(def, state, repeat, i);
    if (cursor) return cursor;
  }
  return undefined;
}

/** The first visible cursor at or after top-level step `index`; null at the end. */
export function enterFrom(def: DialogueDefinition, state: NavState, index: number): Cursor | null {
  for (let k = index; k < def.steps.length; k++) {
    const step = def.steps[k]!;
    if (step.showIf && !evaluateCondition(step.showIf, lookupAt(def, state))) continue;
    if (step.type !== "repeat") return { stepId: step.id };
    const first = enterItem(def, state, step, 0);
    if (first) return first;
  }
  return null;
}

export function firstCursor(def: DialogueDefinition, state: NavState): Cursor | null {
  return enterFrom(def, state, 0);
}

/** After a top-level step (or a whole repeat) is done: its jump rules, else the following step. */
function leave(def: DialogueDefinition, state: NavState, step: Step): Cursor | null {
  const index = stepIndex(def, step.id);
  if (step.type === "summary") return null;
  const lookup = lookupAt(def, state);
  const jump = step.next?.find((rule) => evaluateCondition(rule.when, lookup));
  if (!jump) return enterFrom(def, state, index + 1);
  if (jump.goto === END) {
    // "end" means: straight to the confirmation, if the dialogue has one.
    const summary = def.steps.findIndex((s, k) => k > index && s.type === "summary");
    return summary >= 0 ? enterFrom(def, state, summary) : null;
  }
  return enterFrom(def, state, stepIndex(def, jump.goto));
}

/** The cursor after `cursor` given the current answers; null when the dialogue is at its end. */
export function nextCursor(def: DialogueDefinition, state: NavState, cursor: Cursor): Cursor | null {
  const step = topStep(def, cursor.stepId);
  if (!step) return null;
  if (step.type !== "repeat" || cursor.itemStepId === undefined) return leave(def, state, step);
  const i = cursor.itemIndex ?? 0;
  let after: Cursor | undefined;
  if (cursor.itemStepId === MORE) {
    after = state.answers[moreKey(step, i)] === "yes" ? firstItemStep(def, state, step, i) : undefined;
  } else {
    const k = step.itemSteps.findIndex((s) => s.id === cursor.itemStepId);
    after = firstItemStep(def, state, step, i, k + 1) ?? enterItem(def, state, step, i + 1);
  }
  return after ?? leave(def, state, step);
}

/**
 * Every cursor the dialogue passes through with the current answers, from the
 * first step to the end (unanswered branches count as not taken).
 */
export function activePath(def: DialogueDefinition, state: NavState): Cursor[] {
  const path: Cursor[] = [];
  // Forward-only jumps and bounded repeats guarantee an end; the cap guards against bad data.
  const cap = def.steps.length * 60 * 12;
  for (let c = firstCursor(def, state); c && path.length < cap; c = nextCursor(def, state, c)) path.push(c);
  return path;
}

/**
 * "You stopped at step 4 of 7": the position of the current top-level step in the
 * definition, out of all its top-level steps. The total comes from the definition
 * alone, so it never changes under the person's feet ("4 of 7" then "5 of 6" when an
 * answer skipped a step); a skipped step is a skipped number, and a repeat (its items
 * and "add another?") is one step, its items numbered by the item title.
 */
export function progress(def: DialogueDefinition, state: SessionState): { step: number; total: number } {
  const total = Math.max(def.steps.length, 1);
  if (state.status === "completed") return { step: total, total };
  const index = stepIndex(def, cursorOf(state).stepId);
  return { step: index >= 0 ? index + 1 : Math.min(state.history.length + 1, total), total };
}
