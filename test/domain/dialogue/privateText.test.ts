// "Keep private" in every dialogue (issue 10): flagged text is kept only in the person's
// own answers about themselves; in a dialogue about someone else (the leader's) or whose
// words are handed on (the disagreement) it is stored nowhere, and the option says so.
import { describe, expect, it } from "vitest";
import { dialogues } from "../../../src/domain/dialogue/definitions/index.js";
import { applyCommand, startSession } from "../../../src/domain/dialogue/engine.js";
import { isFreeText } from "../../../src/domain/dialogue/answers.js";
import { snapshotAnswers } from "../../../src/domain/dialogue/snapshot.js";
import { privateTextOf, type DialogueDefinition, type PromptStep } from "../../../src/domain/dialogue/schema.js";
import { commandStepId, withCursor, type Cursor } from "../../../src/domain/dialogue/state.js";
import { translator } from "../../../src/i18n/index.js";
import { TODAY, SESSION, ctx, render, buttonFor } from "./helpers.js";

const FLAGGED = "hun har depresjon og tar sertralin";

/** Every free-text question of a dialogue, with a cursor on it (repeat items: the first item). */
function freeTextCursors(def: DialogueDefinition): Array<{ cursor: Cursor; step: PromptStep }> {
  return def.steps.flatMap((step): Array<{ cursor: Cursor; step: PromptStep }> => {
    if (step.type === "repeat") return step.itemSteps.filter(isFreeText).map((item) => ({ cursor: { stepId: step.id, itemIndex: 0, itemStepId: item.id }, step: item }));
    return isFreeText(step) ? [{ cursor: { stepId: step.id }, step }] : [];
  });
}

const t = translator("nb");

describe("private text in every dialogue", () => {
  it("keeps it for the employee's own dialogues only, and leaves it out of the leader's and the disagreement", () => {
    const policies = Object.fromEntries(Object.values(dialogues).map((d) => [d.id, privateTextOf(d)]));
    expect(policies).toEqual({
      report_sickness: "kept_for_self",
      contact_preferences: "kept_for_self",
      employee_followup: "kept_for_self",
      change_absence: "kept_for_self",
      plan_disagreement: "left_out",
      leader_followup: "left_out",
      measures: "left_out",
      evaluation: "left_out",
      plan_not_needed: "left_out",
      propose_measure: "left_out",
      // A team's routine is offered to everyone: text the writer keeps private goes nowhere.
      team_routine: "left_out",
      // No free text at all (choices only); were one added, health details about someone else are never kept.
      dk_screening: "left_out",
    });
  });

  for (const def of Object.values(dialogues)) {
    const cursors = freeTextCursors(def);
    if (cursors.length === 0) continue;
    it(`${def.id}: each free-text question (${cursors.map((c) => c.cursor.itemStepId ?? c.cursor.stepId).join(", ")})`, () => {
      const policy = privateTextOf(def);
      for (const { cursor, step } of cursors) {
        const listContext = { mainTasks: ["Kundemøter"], measures: ["Hjemmekontor"] };
        const base = startSession(def, { today: TODAY, listContext });
        // Put the session on the question (items of a repeat over a list need the list).
        const state = withCursor({ ...base, answers: { ...base.answers, mainTasks: ["Kundemøter"] } }, cursor);
        const value = step.type === "list" ? [FLAGGED] : FLAGGED;
        const id = { stepId: commandStepId(cursor), ...(cursor.itemIndex !== undefined ? { item: cursor.itemIndex } : {}) };
        const hit = applyCommand(def, state, { type: "dialogue", sessionId: SESSION, action: "answer", ...id, answer: value }, ctx());
        expect(hit.outcome.type, `${def.id}.${id.stepId}`).toBe("guard_hit");
        // The option's words say what will happen.
        const prompt = render(def, hit.state);
        const option = buttonFor(prompt, "confirm").find((b) => b.command.type === "dialogue" && b.command.stepId !== undefined)!;
        const text = prompt.blocks.map((b) => (b.kind === "text" ? b.text : "")).join("\n");
        if (policy === "left_out") {
          expect(option.label).toBe(t("guard:actions.leaveOut"));
          expect(text).toContain(t("guard:actions.leaveOutHint"));
          expect(text).toMatch(/lagres ingen steder/);
        } else {
          expect(option.label).toBe(t("guard:actions.keepPrivate"));
          expect(text).toMatch(/bare i dine egne svar, merket som privat/);
        }
        const kept = applyCommand(def, hit.state, option.command as never, ctx());
        const snapshots = snapshotAnswers(def, kept.state, { t, locale: "nb", answeredBy: def.audience });
        if (policy === "left_out") {
          expect(JSON.stringify(kept.state), `${def.id}.${id.stepId} session`).not.toMatch(/depresjon|sertralin/);
          expect(JSON.stringify(snapshots)).not.toMatch(/depresjon|sertralin/);
        } else {
          expect(kept.state.privateAnswers.length, `${def.id}.${id.stepId}`).toBe(1);
          expect(snapshots.filter((s) => JSON.stringify(s.value).includes("depresjon")).every((s) => s.private)).toBe(true);
        }
        // Cancelling while the warning is open keeps nothing either.
        const cancelled = applyCommand(def, hit.state, { type: "dialogue", sessionId: SESSION, action: "cancel" }, ctx());
        expect(JSON.stringify(cancelled.state)).not.toMatch(/depresjon|sertralin/);
      }
    });
  }
});
