// The scheduler's settings: the reminder policy (src/domain/reminders/policy.ts) with
// overrides from the environment, and how much one tick may do. Read once at start;
// a bad value fails fast with the variable's name, like src/config/env.ts.
import { z } from "zod";
import { ConfigError } from "../../config/env.js";
import { MILESTONE_IDS, type MilestoneId } from "../../domain/milestones/index.js";
import { DEFAULT_REMINDER_SETTINGS, parseWorkingHours, type NudgePolicy, type ReminderSettings } from "../../domain/reminders/index.js";

export interface SchedulerSettings {
  reminders: ReminderSettings;
  /** Rows claimed per dispatch round, and rounds per tick (a tick sends at most their product). */
  dispatchBatch: number;
  dispatchRounds: number;
  /** Persons re-planned per tick after changes made elsewhere (the rest follow next tick). */
  replanBatch: number;
  /** Time zone of the periodic jobs (the workspace's local time). */
  jobsTimeZone: string;
  /** Daily retention at this local time (minutes after midnight). */
  retentionMinute: number;
  /** Weekly ARR digest: ISO weekday and local time. */
  digestWeekday: number;
  digestMinute: number;
}

export function defaultSchedulerSettings(timeZone = "Europe/Oslo"): SchedulerSettings {
  return {
    reminders: DEFAULT_REMINDER_SETTINGS,
    dispatchBatch: 100,
    dispatchRounds: 20,
    replanBatch: 500,
    jobsTimeZone: timeZone,
    retentionMinute: 3 * 60,
    digestWeekday: 1,
    digestMinute: 8 * 60,
  };
}

const dayList = z
  .string()
  .regex(/^\s*\d{1,2}(\s*,\s*\d{1,2})*\s*$/, "must be a comma-separated list of working days, e.g. 5,1")
  .transform((v) => v.split(",").map((d) => Number(d.trim())));
const policySchema = z
  .object({
    before: z.array(z.number().int().min(1).max(60)).optional(),
    onDay: z.boolean().optional(),
    dayAfter: z.boolean().optional(),
    escalateAfterDays: z.number().int().min(0).max(365).nullable().optional(),
  })
  .strict();
const perMilestoneSchema = z.record(z.string(), policySchema).superRefine((value, ctx) => {
  for (const id of Object.keys(value)) {
    if (!(MILESTONE_IDS as readonly string[]).includes(id)) ctx.addIssue({ code: "custom", message: `unknown milestone id ${JSON.stringify(id)}` });
  }
});

const envSchema = z.object({
  REMINDER_WORKING_HOURS: z.string().optional(),
  REMINDER_NUDGE_DAYS: dayList.optional(),
  REMINDER_ESCALATE_AFTER_DAYS: z.coerce.number().int().min(0).max(365).optional(),
  /** JSON: per-milestone schedules, e.g. {"no.followup_plan":{"before":[10,5,1]}}. */
  REMINDER_POLICY: z.string().optional(),
  REMINDER_CATCH_UP_DAYS: z.coerce.number().int().min(0).max(60).optional(),
  TZ_DEFAULT: z.string().optional(),
});

/** Settings from environment variables (unset ones keep the defaults). */
export function schedulerSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): SchedulerSettings {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  const e = parsed.data;
  const problems: string[] = [];
  const base = defaultSchedulerSettings(e.TZ_DEFAULT || undefined);
  const reminders: ReminderSettings = { ...base.reminders, nudge: { ...base.reminders.nudge } };
  if (e.REMINDER_WORKING_HOURS) {
    const hours = parseWorkingHours(e.REMINDER_WORKING_HOURS);
    if (hours) reminders.workingHours = hours;
    else problems.push("REMINDER_WORKING_HOURS: must look like 08:00-16:00");
  }
  if (e.REMINDER_NUDGE_DAYS) reminders.nudge.before = e.REMINDER_NUDGE_DAYS;
  if (e.REMINDER_ESCALATE_AFTER_DAYS !== undefined) reminders.nudge.escalateAfterDays = e.REMINDER_ESCALATE_AFTER_DAYS;
  if (e.REMINDER_CATCH_UP_DAYS !== undefined) reminders.catchUpDays = e.REMINDER_CATCH_UP_DAYS;
  if (e.REMINDER_POLICY) {
    let json: unknown;
    try {
      json = JSON.parse(e.REMINDER_POLICY);
    } catch {
      problems.push("REMINDER_POLICY: must be JSON");
    }
    const policy = perMilestoneSchema.safeParse(json);
    if (json !== undefined && !policy.success) problems.push(...policy.error.issues.map((i) => `REMINDER_POLICY: ${i.path.join(".")} ${i.message}`.trim()));
    if (policy.success) reminders.milestones = policy.data as Partial<Record<MilestoneId, Partial<NudgePolicy>>>;
  }
  if (reminders.measureAskMinute < reminders.workingHours.startMinute || reminders.measureAskMinute >= reminders.workingHours.endMinute) {
    // Ask about measures in the middle of the working day whatever the window is.
    reminders.measureAskMinute = Math.floor((reminders.workingHours.startMinute + reminders.workingHours.endMinute) / 2);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return { ...base, reminders };
}
