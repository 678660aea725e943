// Where a dialogue answer lands in the follow-up plan. The first block are the
// fields of NAV's plan API for third-party systems (lps-oppfolgingsplan-mottak,
// FollowUpPlanDTO), so a plan made in chat can later be sent to NAV; the rest are
// Jobbdialog's own (assessed tasks, measures, consents, contact preferences).
import { z } from "zod";

export const NAV_PLAN_FIELDS = [
  "typicalWorkday",
  "tasksThatCanStillBeDone",
  "tasksThatCanNotBeDone",
  "previousFacilitation",
  "plannedFacilitation",
  "otherFacilitationOptions",
  "followUp",
  "evaluationDate",
  "employeeHasContributedToPlan",
  "employeeHasNotContributedToPlanDescription",
  "needsHelpFromNav",
  "needsHelpFromNavDescription",
  "sendPlanToNav",
  "sendPlanToGeneralPractitioner",
] as const;

export const OWN_PLAN_FIELDS = [
  "role",
  "positionPercent",
  "mainTasks",
  "taskName",
  "taskAbility",
  "taskAdjustment",
  "otherSuitableTasks",
  "colleagueSupport",
  "workplaceChanges",
  "ownSuggestions",
  "returnGoals",
  "arrConsent",
  "measureTitle",
  "measureDescription",
  "measureOwner",
  "measureDueDate",
  "contactChannel",
  "contactTimes",
  "whoMayKnow",
  "taskHandover",
  "notNeededReason",
  "evaluationOutcome",
] as const;

export const planFieldSchema = z.enum([...NAV_PLAN_FIELDS, ...OWN_PLAN_FIELDS]);
export type PlanField = z.infer<typeof planFieldSchema>;

export const TEXT_FIELD_MAX = 2000;

export const taskAbilitySchema = z.enum(["normal", "with_adjustment", "cannot"]);
export type TaskAbility = z.infer<typeof taskAbilitySchema>;

/** NAV's legacy adjustment categories (older plan form). */
export const adjustmentSchema = z.enum(["other_place", "more_time", "help_or_aids", "other_hours", "other"]);
export type Adjustment = z.infer<typeof adjustmentSchema>;

export const measureOwnerSchema = z.enum(["employee", "leader", "hr", "occupational_health", "nav", "arr"]);
export type MeasureOwner = z.infer<typeof measureOwnerSchema>;

export const measureStatusSchema = z.enum(["proposed", "agreed", "done", "not_relevant", "cancelled"]);
export type MeasureStatus = z.infer<typeof measureStatusSchema>;
