// A dialogue session's state. It is plain JSON because it is stored between
// messages (a person may answer step 3 today and step 4 next week).
import type { AnswerValue } from "../messages/commands.js";
import type { IsoDate } from "../time/localDate.js";

/** Where the person is: a top-level step, or one item step of a repeat. */
export interface Cursor {
  stepId: string;
  itemIndex?: number;
  /** Item step id within the repeat `stepId`; MORE for the "add another?" question. */
  itemStepId?: string;
}

/** The synthetic "add (another) item?" question of an open repeat. */
export const MORE = "_more";

export interface LocalizedReason {
  key: string;
  params?: Record<string, string | number>;
}

/** Free text the health guard flagged; kept until the person rephrases or keeps it private. */
export interface PendingGuard {
  answerKey: string;
  value: AnswerValue;
  matches: string[];
  /** The person chose "rephrase": show the text for editing without the warning. */
  rephrasing?: boolean;
}

export interface SessionState {
  dialogueId: string;
  dialogueVersion: number;
  status: "active" | "completed" | "cancelled";
  stepId: string;
  itemIndex?: number;
  itemStepId?: string;
  /** Keyed by answer key: "startDate", or "tasks[2].ability" for repeat items. */
  answers: Record<string, AnswerValue>;
  /** Cursors visited before the current one; `back` pops. */
  history: Cursor[];
  pendingGuard?: PendingGuard;
  /** Answer keys the person chose to keep to themselves. */
  privateAnswers: string[];
  /** Set while changing an answer chosen from the summary; cleared on return to it. */
  editingFromSummary?: boolean;
  /** Why the last answer was not accepted; shown with the same question again. */
  error?: LocalizedReason;
  /** Initial values for inputs (not answers until the person submits them). */
  prefill: Record<string, AnswerValue>;
  /** Lists known before the dialogue started (e.g. main tasks, the plan's measures). */
  listContext: Record<string, string[]>;
  startedOn: IsoDate;
  updatedOn: IsoDate;
}

/** The key under which an answer is stored; matches AnswerSnapshot.questionId. */
export function answerKey(cursor: Cursor): string {
  if (cursor.itemStepId === undefined) return cursor.stepId;
  return `${cursor.stepId}[${cursor.itemIndex ?? 0}].${cursor.itemStepId}`;
}

export function cursorOf(state: SessionState): Cursor {
  const cursor: Cursor = { stepId: state.stepId };
  if (state.itemIndex !== undefined) cursor.itemIndex = state.itemIndex;
  if (state.itemStepId !== undefined) cursor.itemStepId = state.itemStepId;
  return cursor;
}

export function sameCursor(a: Cursor, b: Cursor): boolean {
  return a.stepId === b.stepId && a.itemIndex === b.itemIndex && a.itemStepId === b.itemStepId;
}

/** Returns a copy of the state positioned at `cursor`. */
export function withCursor(state: SessionState, cursor: Cursor): SessionState {
  const next: SessionState = { ...state, stepId: cursor.stepId };
  delete next.itemIndex;
  delete next.itemStepId;
  if (cursor.itemIndex !== undefined) next.itemIndex = cursor.itemIndex;
  if (cursor.itemStepId !== undefined) next.itemStepId = cursor.itemStepId;
  return next;
}

/** The `stepId` a command carries for a cursor: item steps by their own id (plus `item`). */
export function commandStepId(cursor: Cursor): string {
  if (cursor.itemStepId === undefined) return cursor.stepId;
  return cursor.itemStepId === MORE ? `${cursor.stepId}.${MORE}` : cursor.itemStepId;
}
