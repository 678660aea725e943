// The follow-up plan as stored: one JSON document per immutable version, re-validated
// with these schemas whenever it is read back from the database.
//
// Text is kept per voice ({ employee, leader }) rather than pre-composed: the plan is
// read in more than one language (the employee's, the leader's, NAV's Norwegian), so
// the labels "Employee:" / "Leader:" are added when rendering, and each person's own
// words stay theirs (a leader's edit may not rewrite the employee's voice; see
// versions.ts). Private answers never reach these fields; they exist only in the raw
// snapshots, which no renderer or export reads.
import { z } from "zod";
import { isIsoDate } from "../time/localDate.js";
import {
  TEXT_FIELD_MAX,
  adjustmentSchema,
  measureOwnerSchema,
  measureStatusSchema,
  taskAbilitySchema,
} from "./fields.js";
import { answerSnapshotSchema } from "./snapshot.js";

export const PLAN_SCHEMA_VERSION = 1;

export const planRoleSchema = z.enum(["employee", "leader"]);
export type PlanRole = z.infer<typeof planRoleSchema>;
export const PLAN_ROLES: readonly PlanRole[] = planRoleSchema.options;

export const isoDateSchema = z.string().refine(isIsoDate, { message: "Expected a calendar date YYYY-MM-DD" });

/** One free-text value, at most TEXT_FIELD_MAX characters (the limit of NAV's own plan form). */
export const planTextSchema = z
  .string()
  .min(1)
  .max(TEXT_FIELD_MAX, { error: (issue) => `At most ${TEXT_FIELD_MAX} characters are allowed (got ${String((issue.input as string).length)})` });

/** What each party said about one topic. Both may be present; neither is overwritten by the other. */
export const voicesSchema = z.object({
  employee: planTextSchema.optional(),
  leader: planTextSchema.optional(),
});
export type Voices = z.infer<typeof voicesSchema>;

/** Plan fields that hold free text per voice. */
export const VOICE_FIELDS = [
  // NAV's FollowUpPlanDTO
  "typicalWorkday",
  "tasksThatCanStillBeDone",
  "tasksThatCanNotBeDone",
  "previousFacilitation",
  "plannedFacilitation",
  "otherFacilitationOptions",
  "followUp",
  "employeeHasNotContributedToPlanDescription",
  "needsHelpFromNavDescription",
  // ours
  "role",
  "otherSuitableTasks",
  "colleagueSupport",
  "workplaceChanges",
  "ownSuggestions",
  "returnGoals",
  "contactChannel",
  "contactTimes",
  "whoMayKnow",
  "taskHandover",
  "evaluationOutcome",
] as const;
export type VoiceField = (typeof VOICE_FIELDS)[number];

/** Plan fields that hold one yes/no decision. */
export const BOOLEAN_FIELDS = [
  "employeeHasContributedToPlan",
  "needsHelpFromNav",
  "sendPlanToNav",
  "sendPlanToGeneralPractitioner",
] as const;
export type BooleanField = (typeof BOOLEAN_FIELDS)[number];

const taskViewShape = {
  ability: taskAbilitySchema,
  adjustments: z.array(adjustmentSchema).default(() => []),
  note: planTextSchema.optional(),
};

export const taskViewSchema = z.object({ by: planRoleSchema, ...taskViewShape });
export type TaskView = z.infer<typeof taskViewSchema>;

/**
 * A main task assessed on its own: can do as normal / with adjustment / cannot now.
 * The primary view is the employee's when they assessed it (they know what they can
 * do); a differing assessment by the leader is kept beside it as `otherView`.
 */
export const assessedTaskSchema = z.object({
  name: z.string().min(1).max(200),
  ...taskViewShape,
  assessedBy: planRoleSchema,
  otherView: taskViewSchema.optional(),
});
export type AssessedTask = z.infer<typeof assessedTaskSchema>;

export const measureNoteSchema = z.object({
  date: isoDateSchema,
  /** Who wrote it: a user id or a role. */
  by: z.string().min(1).max(200),
  text: planTextSchema,
});
export type MeasureNote = z.infer<typeof measureNoteSchema>;

export const MEASURE_ID = /^m[1-9]\d*$/;

/** A measure (tiltak): who does what by when. Ids are stable across versions. */
export const measureSchema = z.object({
  id: z.string().regex(MEASURE_ID),
  title: z.string().min(1).max(200),
  description: planTextSchema.optional(),
  /** Null while a draft has not named an owner; confirming requires one. */
  owner: measureOwnerSchema.nullable().default(null),
  dueDate: isoDateSchema.nullable().default(null),
  status: measureStatusSchema,
  proposedBy: planRoleSchema,
  notes: z.array(measureNoteSchema).default(() => []),
});
export type Measure = z.infer<typeof measureSchema>;

/** Why a written plan is not needed (aml § 4-6 (3): "åpenbart unødvendig"). */
/** The same codes as the plan_not_needed dialogue's choice, so its answer maps straight in. */
export const exceptionReasonSchema = z.enum(["returns_soon", "measures_working", "cannot_return", "other"]);
export type ExceptionReason = z.infer<typeof exceptionReasonSchema>;

export const planExceptionSchema = z.object({
  reason: exceptionReasonSchema,
  text: planTextSchema.optional(),
  /** Who recorded it: a user id, or the role when the id is not known. */
  recordedBy: z.string().min(1).max(200),
  date: isoDateSchema,
});
export type PlanException = z.infer<typeof planExceptionSchema>;

/** What the employee disagrees with; only the employee may change or withdraw it. */
export const disagreementSchema = z.object({
  by: z.literal("employee"),
  text: planTextSchema,
  onVersion: z.number().int().min(1),
  date: isoDateSchema,
});
export type Disagreement = z.infer<typeof disagreementSchema>;

const voices = () => voicesSchema.default(() => ({}));

export const planContentSchema = z.object({
  schemaVersion: z.literal(PLAN_SCHEMA_VERSION).default(PLAN_SCHEMA_VERSION),
  // NAV's FollowUpPlanDTO (tasksThatCan… hold only the free text; the assessed tasks add to it when rendered)
  typicalWorkday: voices(),
  tasksThatCanStillBeDone: voices(),
  tasksThatCanNotBeDone: voices(),
  previousFacilitation: voices(),
  plannedFacilitation: voices(),
  otherFacilitationOptions: voices(),
  followUp: voices(),
  evaluationDate: isoDateSchema.nullable().default(null),
  employeeHasContributedToPlan: z.boolean().nullable().default(null),
  employeeHasNotContributedToPlanDescription: voices(),
  needsHelpFromNav: z.boolean().nullable().default(null),
  needsHelpFromNavDescription: voices(),
  sendPlanToNav: z.boolean().nullable().default(null),
  sendPlanToGeneralPractitioner: z.boolean().nullable().default(null),
  // Jobbdialog's own
  role: voices(),
  positionPercent: z.number().min(0).max(100).nullable().default(null),
  mainTasks: z.array(z.string().min(1).max(200)).default(() => []),
  tasks: z.array(assessedTaskSchema).default(() => []),
  measures: z.array(measureSchema).default(() => []),
  otherSuitableTasks: voices(),
  colleagueSupport: voices(),
  workplaceChanges: voices(),
  ownSuggestions: voices(),
  returnGoals: voices(),
  contactChannel: voices(),
  contactTimes: voices(),
  whoMayKnow: voices(),
  taskHandover: voices(),
  evaluationOutcome: voices(),
  /** The employee's consent to show the plan summary to the ARR team (can be withdrawn). */
  arrConsent: z.boolean().default(false),
  exception: planExceptionSchema.nullable().default(null),
  disagreement: disagreementSchema.nullable().default(null),
  /** Every answer as it was asked, private ones included; never rendered or exported. */
  snapshots: z
    .object({
      employee: z.array(answerSnapshotSchema).default(() => []),
      leader: z.array(answerSnapshotSchema).default(() => []),
    })
    .prefault({}),
});
export type PlanContent = z.infer<typeof planContentSchema>;

export function emptyPlanContent(): PlanContent {
  return planContentSchema.parse({});
}

/** Re-validates a stored plan; throws a ZodError naming the path of what is wrong. */
export function parsePlanContent(json: unknown): PlanContent {
  return planContentSchema.parse(json);
}

export function hasVoice(voices: Voices): boolean {
  return voices.employee !== undefined || voices.leader !== undefined;
}

/** Measures still to be done (not yet closed one way or another). */
export function isOpenMeasure(measure: Measure): boolean {
  return measure.status === "proposed" || measure.status === "agreed";
}
