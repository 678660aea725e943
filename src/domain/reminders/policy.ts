// How and when the scheduler reminds: the nudge schedule per milestone, the
// working hours, and the other reminder kinds' timing. Plain data with defaults;
// src/app/reminders/settings.ts reads overrides from the environment.
import type { MilestoneId, Responsible } from "../milestones/index.js";
import { DEFAULT_WORKING_HOURS, type WorkingHours } from "./workingTime.js";

export interface NudgePolicy {
  /** Working days before the deadline on which the leader is nudged (e.g. [5, 1]). */
  before: number[];
  /** A nudge on the deadline (the working day before, when it falls on a closed day). */
  onDay: boolean;
  /** A nudge on the first working day after the deadline, unless marked done. */
  dayAfter: boolean;
  /** Calendar days overdue after which HR (and, with consent, the ARR channel) is told; null = never. */
  escalateAfterDays: number | null;
}

export interface ReminderSettings {
  workingHours: WorkingHours;
  /** The schedule every leader-action milestone gets unless overridden below. */
  nudge: NudgePolicy;
  /** Per-milestone overrides, e.g. { "no.followup_plan": { before: [10, 5, 1] } }. */
  milestones: Partial<Record<MilestoneId, Partial<NudgePolicy>>>;
  /** When a measure's owner is asked on the due date (minutes after local midnight, inside working hours). */
  measureAskMinute: number;
  /** An unfinished dialogue is reminded after this many working days without activity … */
  dialogueReminderAfterWorkingDays: number;
  /** … at most this many times per pause. */
  dialogueMaxReminders: number;
  /** A reminder whose time passed while nobody planned or sent it still goes out if at most this many days late. */
  catchUpDays: number;
  /** The calendar day of the case on which the ARR team gets the consented summary (day 28 = four weeks). */
  arrSummaryDay: number;
  /** Whether escalations also go to the ARR channel (only ever with the employee's consent). */
  escalateToArr: boolean;
}

export const DEFAULT_NUDGE_POLICY: NudgePolicy = { before: [5, 1], onDay: true, dayAfter: true, escalateAfterDays: 3 };

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  workingHours: DEFAULT_WORKING_HOURS,
  nudge: DEFAULT_NUDGE_POLICY,
  milestones: {},
  measureAskMinute: 14 * 60,
  dialogueReminderAfterWorkingDays: 2,
  dialogueMaxReminders: 2,
  catchUpDays: 7,
  arrSummaryDay: 28,
  escalateToArr: true,
};

/**
 * The schedule for one milestone. Steps that an authority runs (NAV's dialogue meeting 2,
 * the activity requirement) are nudged like the rest, but not escalated by default: the
 * employer cannot be "overdue" on them. An explicit per-milestone setting wins.
 */
export function policyFor(settings: ReminderSettings, id: MilestoneId, responsible: Responsible): NudgePolicy {
  const override = settings.milestones[id] ?? {};
  const base = settings.nudge;
  const escalate = "escalateAfterDays" in override ? (override.escalateAfterDays ?? null) : responsible === "employer" ? base.escalateAfterDays : null;
  return {
    before: override.before ?? base.before,
    onDay: override.onDay ?? base.onDay,
    dayAfter: override.dayAfter ?? base.dayAfter,
    escalateAfterDays: escalate,
  };
}
