// Turns a session's answers into self-describing AnswerSnapshots for the plan
// builder: each carries the question as it was shown, so a plan version still
// reads correctly after the dialogue's questions change.
import type { AnswerSnapshot } from "../plan/snapshot.js";
import type { Locale, Translate } from "../locale.js";
import { isAnswerable } from "./answers.js";
import { displayValue } from "./display.js";
import { activePath, repeatItems, stepAt, topStep } from "./navigation.js";
import { privateTextOf, type DialogueDefinition } from "./schema.js";
import { MORE, answerKey, type SessionState } from "./state.js";

export interface SnapshotContext {
  t: Translate;
  locale: Locale;
  answeredBy: "employee" | "leader";
}

/**
 * The answers on the path the session took, in order. Answers left behind on
 * branches no longer taken are not included; unanswered optional steps neither.
 * Items of a repeat over a list also get a snapshot of their own name
 * (questionId "tasks[1]"), so each group says which task it is about.
 */
export function snapshotAnswers(def: DialogueDefinition, state: SessionState, ctx: SnapshotContext): AnswerSnapshot[] {
  const { t, locale } = ctx;
  const common = { dialogueId: def.id, dialogueVersion: state.dialogueVersion, answeredBy: ctx.answeredBy, locale };
  const snapshots: AnswerSnapshot[] = [];
  const namedItems = new Set<string>();
  for (const cursor of activePath(def, state)) {
    const step = stepAt(def, cursor);
    if (!step || !isAnswerable(step) || cursor.itemStepId === MORE) continue;
    const repeat = cursor.itemStepId !== undefined ? topStep(def, cursor.stepId) : undefined;
    const index = cursor.itemIndex ?? 0;
    const group = repeat?.type === "repeat" ? { kind: repeat.group, index } : undefined;

    if (repeat?.type === "repeat" && group && repeat.source.kind !== "open" && !namedItems.has(`${repeat.id}[${index}]`)) {
      namedItems.add(`${repeat.id}[${index}]`);
      const items = repeatItems(state, repeat);
      const name = items[index] ?? "";
      snapshots.push({
        ...common,
        questionId: `${repeat.id}[${index}]`,
        ...(repeat.itemPlanField ? { planField: repeat.itemPlanField } : {}),
        group,
        label: t(repeat.itemLabelKey ?? repeat.itemTitleKey, { index: index + 1, count: items.length, item: name }),
        required: true,
        value: name,
        display: name,
        // An item named in a list the person kept private is private too (its name is that text).
        private: repeat.source.kind === "step" && state.privateAnswers.includes(repeat.source.step),
      });
    }

    const key = answerKey(cursor);
    if (!(key in state.answers)) continue;
    // A session saved before private text was left out of such dialogues: it goes no further.
    if (state.privateAnswers.includes(key) && privateTextOf(def) === "left_out") continue;
    const value = state.answers[key] ?? null;
    const snapshot: AnswerSnapshot = {
      ...common,
      questionId: key,
      label: t(step.textKey),
      required: step.required,
      value,
      display: displayValue(step, value, t, locale),
      private: state.privateAnswers.includes(key),
    };
    if (step.planField) snapshot.planField = step.planField;
    if (group) snapshot.group = group;
    if (step.helpKey) snapshot.help = t(step.helpKey);
    snapshots.push(snapshot);
  }
  return snapshots;
}
