// The dialogue engine: a pure state machine over a definition. A channel turns a
// click or a typed line into a `dialogue` command, calls applyCommand, stores the
// returned state and shows renderPrompt's message. Nothing here reads the clock
// or talks to the outside; today's date and the health guard are passed in.
import type { AnswerValue, Command } from "../messages/commands.js";
import type { HealthGuard } from "../guard/types.js";
import type { IsoDate } from "../time/localDate.js";
import type { Locale } from "../locale.js";
import { checkAnswer, isAnswerable, isFreeText } from "./answers.js";
import {
  activePath,
  firstCursor,
  lookupAt,
  nextCursor,
  repeatItems,
  stepAt,
  topStep,
} from "./navigation.js";
import { privateTextOf, type DialogueDefinition, type PromptStep } from "./schema.js";
import {
  MORE,
  answerKey,
  commandStepId,
  cursorOf,
  sameCursor,
  withCursor,
  type Cursor,
  type LocalizedReason,
  type SessionState,
} from "./state.js";

export { renderPrompt, type RenderContext } from "./render.js";
export { progress } from "./navigation.js";
export { commandStepId } from "./state.js";

export type DialogueCommand = Extract<Command, { type: "dialogue" }>;

export type Outcome =
  | { type: "accepted" }
  | { type: "invalid"; reason: LocalizedReason }
  | { type: "guard_hit"; matches: string[] }
  | { type: "completed" }
  | { type: "cancelled" }
  | { type: "restarted" };

export interface StartContext {
  today: IsoDate;
  /** Initial values for top-level steps (e.g. role and position percent from the employee record). */
  prefill?: Record<string, AnswerValue>;
  /** Known lists (e.g. "mainTasks", "measures") for list prefills and repeat sources. */
  listContext?: Record<string, string[]>;
}

export interface ApplyContext {
  today: IsoDate;
  guard: HealthGuard;
  locale: Locale;
}

export interface ApplyResult {
  state: SessionState;
  outcome: Outcome;
}

export function startSession(def: DialogueDefinition, ctx: StartContext): SessionState {
  const prefill = ctx.prefill ?? {};
  for (const id of Object.keys(prefill)) {
    const step = topStep(def, id);
    if (!step || !isAnswerable(step)) throw new RangeError(`Cannot prefill "${id}" in dialogue ${def.id}`);
  }
  const listContext = ctx.listContext ?? {};
  const first = firstCursor(def, { answers: {}, listContext });
  if (!first) throw new Error(`Dialogue ${def.id} has no step to show`);
  return withCursor(
    {
      dialogueId: def.id,
      dialogueVersion: def.version,
      status: "active",
      stepId: first.stepId,
      answers: {},
      history: [],
      privateAnswers: [],
      prefill: { ...prefill },
      listContext: structuredClone(listContext),
      startedOn: ctx.today,
      updatedOn: ctx.today,
    },
    first,
  );
}

/** The step the person is looking at (for parseTextAnswer); undefined when the session is over. */
export function currentStep(def: DialogueDefinition, state: SessionState): PromptStep | undefined {
  return state.status === "active" ? stepAt(def, cursorOf(state)) : undefined;
}

/** Whether a command is meant for `cursor` (commands without stepId mean "the current step"). */
function targets(cmd: DialogueCommand, cursor: Cursor): boolean {
  if (cmd.stepId === undefined) return true;
  return cmd.stepId === commandStepId(cursor) && cmd.item === cursor.itemIndex;
}

/** The cursor a command's (stepId, item) names, if any. */
function resolveTarget(def: DialogueDefinition, state: SessionState, stepId: string, item: number | undefined): Cursor | undefined {
  if (stepId.endsWith(`.${MORE}`)) {
    const repeat = topStep(def, stepId.slice(0, -MORE.length - 1));
    if (repeat?.type !== "repeat" || repeat.source.kind !== "open") return undefined;
    return { stepId: repeat.id, itemIndex: item ?? repeatItems(state, repeat).length, itemStepId: MORE };
  }
  const top = topStep(def, stepId);
  if (top) return item === undefined ? { stepId } : undefined;
  const repeat = def.steps.find((s) => s.type === "repeat" && s.itemSteps.some((i) => i.id === stepId));
  return repeat ? { stepId: repeat.id, itemIndex: item ?? 0, itemStepId: stepId } : undefined;
}

function onPath(def: DialogueDefinition, state: SessionState, cursor: Cursor): boolean {
  return activePath(def, state).some((c) => sameCursor(c, cursor));
}

/** A stored answer that is still acceptable (dates may have become invalid after an edit). */
function problemAt(def: DialogueDefinition, state: SessionState, cursor: Cursor, ctx: ApplyContext): LocalizedReason | undefined {
  const step = stepAt(def, cursor);
  if (!step || !isAnswerable(step)) return undefined;
  const key = answerKey(cursor);
  if (!(key in state.answers)) return step.required ? { key: "dialogue:errors.required" } : undefined;
  const check = checkAnswer(step, state.answers[key], { today: ctx.today, locale: ctx.locale, lookup: lookupAt(def, state, cursor) });
  return check.ok ? undefined : check.error;
}

/**
 * Whether fast-forwarding after an edit may pass `cursor`: its answer still
 * holds, or it is optional and the person already saw it (and skipped it).
 * A question the person has never seen, optional or not, is asked.
 */
function settled(def: DialogueDefinition, state: SessionState, cursor: Cursor, ctx: ApplyContext): boolean {
  const step = stepAt(def, cursor);
  if (!step || step.type === "summary") return false;
  if (!isAnswerable(step)) return true;
  if (problemAt(def, state, cursor, ctx)) return false;
  return answerKey(cursor) in state.answers || state.history.some((seen) => sameCursor(seen, cursor));
}

/** Copies item answers of repeats walking `listStepId` to the new positions of their items. */
function realignItems(def: DialogueDefinition, state: SessionState, listStepId: string, before: AnswerValue | undefined): void {
  const oldItems = Array.isArray(before) ? before : [];
  const newItems = Array.isArray(state.answers[listStepId]) ? (state.answers[listStepId] as string[]) : [];
  for (const repeat of def.steps) {
    if (repeat.type !== "repeat" || repeat.source.kind !== "step" || repeat.source.step !== listStepId) continue;
    // Old index → new index, matching items by name so answers follow their task.
    const moves = new Map<number, number>();
    const used = new Set<number>();
    newItems.forEach((name, j) => {
      const i = oldItems.findIndex((old, k) => !used.has(k) && old.toLowerCase() === name.toLowerCase());
      if (i >= 0) {
        used.add(i);
        moves.set(i, j);
      }
    });
    const pattern = new RegExp(`^${repeat.id}\\[(\\d+)\\]\\.(.+)$`);
    const remap = (key: string): string | undefined | null => {
      const m = pattern.exec(key);
      if (!m) return null; // not an item key of this repeat
      const j = moves.get(Number(m[1]));
      return j === undefined ? undefined : `${repeat.id}[${j}].${m[2]}`;
    };
    const answers: Record<string, AnswerValue> = {};
    for (const [key, value] of Object.entries(state.answers)) {
      const moved = remap(key);
      if (moved === null) answers[key] = value;
      else if (moved !== undefined) answers[moved] = value;
    }
    state.answers = answers;
    state.privateAnswers = state.privateAnswers.flatMap((key) => {
      const moved = remap(key);
      return moved === null ? [key] : moved === undefined ? [] : [moved];
    });
    if (state.pendingGuard) {
      const moved = remap(state.pendingGuard.answerKey);
      if (moved === undefined) delete state.pendingGuard; // its item was removed from the list
      else if (moved !== null) state.pendingGuard.answerKey = moved;
    }
  }
}

function store(def: DialogueDefinition, state: SessionState, cursor: Cursor, value: AnswerValue | undefined, isPrivate: boolean): void {
  const key = answerKey(cursor);
  const before = state.answers[key];
  state.answers = { ...state.answers };
  if (value === undefined) delete state.answers[key];
  else state.answers[key] = value;
  state.privateAnswers = state.privateAnswers.filter((k) => k !== key);
  if (isPrivate) state.privateAnswers.push(key);
  if (state.pendingGuard?.answerKey === key) delete state.pendingGuard;
  if (stepAt(def, cursor)?.type === "list") realignItems(def, state, cursor.stepId, before);
}

/**
 * Moves past `from`. While changing an answer from the summary, steps whose
 * answers still hold are passed over, so the person lands on the first question
 * a changed branch needs, or back on the summary.
 */
function moveOn(def: DialogueDefinition, state: SessionState, from: Cursor, ctx: ApplyContext): ApplyResult {
  const history = [...state.history, from];
  let next = nextCursor(def, state, from);
  if (state.editingFromSummary) {
    while (next && settled(def, state, next, ctx)) {
      history.push(next);
      next = nextCursor(def, state, next);
    }
  }
  if (!next) return { state: { ...state, history, status: "completed" }, outcome: { type: "completed" } };
  let moved = withCursor({ ...state, history }, next);
  if (stepAt(def, next)?.type === "summary" && moved.editingFromSummary) {
    // Back on the summary: "back" should walk the path as it now is.
    const path = activePath(def, moved);
    const at = path.findIndex((c) => sameCursor(c, next));
    moved = { ...moved, history: path.slice(0, Math.max(at, 0)) };
    delete moved.editingFromSummary;
  }
  return { state: moved, outcome: { type: "accepted" } };
}

function invalid(state: SessionState, reason: LocalizedReason): ApplyResult {
  return { state: { ...state, error: reason }, outcome: { type: "invalid", reason } };
}

const reason = (key: string): LocalizedReason => ({ key: `dialogue:errors.${key}` });

export function applyCommand(def: DialogueDefinition, state: SessionState, cmd: DialogueCommand, ctx: ApplyContext): ApplyResult {
  if (state.dialogueId !== def.id) throw new Error(`Session belongs to dialogue ${state.dialogueId}, not ${def.id}`);
  const s: SessionState = structuredClone(state);
  delete s.error;
  s.updatedOn = ctx.today;

  if (cmd.action === "restart") {
    if (s.status === "completed") return invalid(s, reason("notActive"));
    const fresh = startSession(def, { today: ctx.today, prefill: s.prefill, listContext: s.listContext });
    return { state: fresh, outcome: { type: "restarted" } };
  }
  if (s.status !== "active") return invalid(s, reason("notActive"));
  if (cmd.action === "cancel") {
    // Flagged text nobody decided on is not kept in an abandoned session.
    delete s.pendingGuard;
    return { state: { ...s, status: "cancelled" }, outcome: { type: "cancelled" } };
  }
  // A session started on an older version of the questions can only be restarted or cancelled.
  if (s.dialogueVersion !== def.version || !stepAt(def, cursorOf(s))) return invalid(s, reason("outdated"));

  const current = cursorOf(s);
  const step = stepAt(def, current)!;
  const key = answerKey(current);
  const pending = s.pendingGuard?.answerKey === key ? s.pendingGuard : undefined;

  switch (cmd.action) {
    case "back": {
      // History entries may lie on a branch the answers no longer take; pass over them.
      while (s.history.length > 0) {
        const previous = s.history.pop()!;
        if (!onPath(def, s, previous)) continue;
        const moved = withCursor(s, previous);
        if (stepAt(def, previous)?.type === "summary") delete moved.editingFromSummary;
        return { state: moved, outcome: { type: "accepted" } };
      }
      return invalid(s, reason("noBack"));
    }

    case "skip": {
      if (!targets(cmd, current)) return invalid(s, reason("stale"));
      if (!isAnswerable(step) || step.required) return invalid(s, reason("cannotSkip"));
      store(def, s, current, undefined, false);
      return moveOn(def, s, current, ctx);
    }

    case "edit": {
      // "Rephrase" after a guard warning: show the text again for editing.
      if (pending && cmd.stepId !== undefined && targets(cmd, current)) {
        s.pendingGuard = { ...pending, rephrasing: true };
        return { state: s, outcome: { type: "accepted" } };
      }
      if (step.type !== "summary" || cmd.stepId === undefined) return invalid(s, reason("cannotEdit"));
      const target = resolveTarget(def, s, cmd.stepId, cmd.item);
      const targetStep = target && stepAt(def, target);
      if (!target || !targetStep || !isAnswerable(targetStep) || !onPath(def, s, target)) return invalid(s, reason("cannotEdit"));
      return {
        state: { ...withCursor(s, target), history: [...s.history, current], editingFromSummary: true },
        outcome: { type: "accepted" },
      };
    }

    case "confirm": {
      // "Keep private" after a guard warning. In the person's own dialogue the text is stored,
      // marked private; about someone else (the leader's dialogues) or where the words are
      // handed on (a disagreement) it is stored nowhere, and the answer stays empty.
      if (pending && targets(cmd, current)) {
        if (privateTextOf(def) === "left_out") {
          store(def, s, current, undefined, false);
          if (isAnswerable(step) && step.required) return invalid(s, reason("leftOutRequired"));
          return moveOn(def, s, current, ctx);
        }
        store(def, s, current, pending.value, true);
        return moveOn(def, s, current, ctx);
      }
      if (step.type !== "summary") return invalid(s, reason("nothingToConfirm"));
      for (const cursor of activePath(def, s)) {
        const problem = problemAt(def, s, cursor, ctx);
        if (!problem) continue;
        // Something required is missing or no longer valid: ask it, then come back here.
        const moved = { ...withCursor(s, cursor), history: [...s.history, current], editingFromSummary: true };
        return invalid(moved, problem);
      }
      return { state: { ...s, status: "completed" }, outcome: { type: "completed" } };
    }

    case "answer": {
      if (!targets(cmd, current)) return invalid(s, reason("stale"));
      if (step.type === "info") return moveOn(def, s, current, ctx);
      if (!isAnswerable(step)) return invalid(s, reason("useButtons"));
      const check = checkAnswer(step, cmd.answer, {
        today: ctx.today,
        locale: ctx.locale,
        lookup: lookupAt(def, s, current),
      });
      if (!check.ok) return invalid(s, check.error);
      if (check.value !== undefined && isFreeText(step)) {
        const text = Array.isArray(check.value) ? check.value.join("\n") : String(check.value);
        const result = ctx.guard(text);
        if (result.flagged) {
          // Nothing flagged is stored or dropped: it waits for "rephrase" or "keep private".
          s.pendingGuard = { answerKey: key, value: check.value, matches: result.matches };
          return { state: s, outcome: { type: "guard_hit", matches: result.matches } };
        }
      }
      store(def, s, current, check.value, false);
      return moveOn(def, s, current, ctx);
    }
  }
}
