// Idempotency keys of planned reminders. A key names one reminder for good: planning
// the same facts again yields the same keys, so re-planning is safe to repeat, and a
// change of facts (a new due date, another recipient) yields a different key.
import type { IsoDate } from "../time/localDate.js";

/** The reminder kinds the planner owns (their Outbox rows carry subjectId). */
export const REMINDER_KINDS = ["nudge", "escalation", "measure_due", "dialogue_reminder", "arr_summary", "routine_reminder", "early_screening"] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Kinds that talk to a person and so respect that person's working hours. */
export const WORKING_TIME_KINDS: readonly string[] = ["nudge", "escalation", "measure_due", "dialogue_reminder", "routine_reminder", "early_screening"];

/** Offset of a nudge: working days before (negative), 0 on the day, 1 the day after, or a snooze date. */
/** Days before (−) or after the deadline, a snooze, or "known": the one nudge when the case became known after the others. */
export type NudgeOffset = number | `snooze-${string}` | "known";

export const reminderKeys = {
  nudge: (caseId: string, milestoneId: string, due: IsoDate, offset: NudgeOffset, recipientId: string) => `nudge:${caseId}:${milestoneId}:${due}:${offset}:${recipientId}`,
  escalation: (caseId: string, milestoneId: string, due: IsoDate, recipient: string) => `escalation:${caseId}:${milestoneId}:${due}:${recipient}`,
  measure: (measureId: string, due: IsoDate, recipientId: string) => `measure:${measureId}:${due}:${recipientId}`,
  dialogue: (sessionId: string, activityDay: IsoDate, n: number) => `dialogue:${sessionId}:${activityDay}:${n}`,
  arrSummary: (caseId: string) => `arr4w:${caseId}`,
  routine: (personId: string, anniversary: IsoDate) => `routine:${personId}:${anniversary}`,
  screening: (caseId: string, round: string, recipientId: string) => `screening:${caseId}:${round}:${recipientId}`,
  digest: (workspaceId: string, weekStart: IsoDate) => `digest:${workspaceId}:${weekStart}`,
  unreachable: (personId: string, date: IsoDate, hrId: string) => `unreachable:${personId}:${date}:${hrId}`,
};
