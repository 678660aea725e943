// The payload of every notification kind, as a zod schema: what the planner and the use
// cases put in an outbox row, checked again when the row is rendered (a row written by an
// older version, or by hand, is parked with the reason instead of rendering nonsense).
// The composition root builds the registry from these (src/app/services.ts).
import { z } from "zod";
import type { Template } from "./templates.js";

const id = z.string().min(1);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Each kind's payload. Loose: a newer writer may add a field an older reader ignores. */
export const PAYLOADS = {
  // The conversation core's notices (src/app/notify/templates.ts).
  report_notice: z.looseObject({ employeeId: id, periodId: id }),
  change_notice: z.looseObject({ employeeId: id, change: z.string() }),
  dialogue_invite: z.looseObject({ employeeId: id, from: id, dialogue: z.string() }),
  plan_review: z.looseObject({ planId: id, version: z.number().int().min(1) }),
  plan_confirmed: z.looseObject({ planId: id, version: z.number().int().min(1), employeeId: id }),
  plan_disagreed: z.looseObject({ planId: id, version: z.number().int().min(1), employeeId: id }),
  plan_not_needed: z.looseObject({ planId: id, leaderId: id }),
  arr_summary: z.looseObject({ workspaceId: id, planId: id, caseId: id }),
  // The employee proposed measures herself ("foreslå tiltak"); her leader is told.
  measure_proposed: z.looseObject({ employeeId: id, titles: z.array(z.string()) }),
  // The scheduler's reminders (planned by src/domain/reminders/plan.ts; src/app/reminders/templates.ts).
  nudge: z.looseObject({ caseId: id, milestoneId: id, due: isoDate, offset: z.union([z.number(), z.string()]), employeeId: id }),
  escalation: z.looseObject({ caseId: id, milestoneId: id, due: isoDate, employeeId: id, days: z.number(), workspaceId: id.optional() }),
  measure_due: z.looseObject({ measureId: id, due: isoDate, employeeId: id }),
  dialogue_reminder: z.looseObject({ sessionId: id, n: z.number().int().min(1), dialogueId: z.string(), subjectId: id }),
  arr_digest: z.looseObject({ workspaceId: id, weekStart: isoDate, caseIds: z.array(id) }),
  unreachable_notice: z.looseObject({ personId: id, reason: z.string(), channels: z.array(z.string()) }),
  substitute_notice: z.looseObject({ substitutionId: id }),
  // The NAV integration's notice of a sending's outcome (src/app/nav/messages.ts).
  nav_result: z.looseObject({ outcome: z.string(), audience: z.enum(["requester", "hr", "employee"]), planId: id, version: z.number().int().min(1), employeeId: id, recipients: z.array(z.string()), errorType: z.string().optional() }),
  /** HR is told who was named substitute (src/app/notify/templates.ts). */
  substitute_hr_notice: z.looseObject({ substitutionId: id }),
  // A channel's own notice (src/app/facade/teamsUnreachable.ts).
  teams_unreachable: z.looseObject({ personId: id, reason: z.string() }),
} as const;

export type NotificationKind = keyof typeof PAYLOADS;
export type PayloadOf<K extends NotificationKind> = z.infer<(typeof PAYLOADS)[K]>;

/** A template behind its payload's schema: a payload that does not fit is an error (the row is parked with it). */
export function typed(kind: string, template: Template): Template {
  const schema = (PAYLOADS as Record<string, z.ZodType<Record<string, unknown>>>)[kind];
  if (!schema) throw new Error(`notification kind ${kind} has no payload schema (src/app/notify/payloads.ts)`);
  return async (env, params, recipient, row) => {
    const parsed = schema.safeParse(params);
    if (!parsed.success) throw new Error(`bad ${kind} payload: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
    return template(env, parsed.data, recipient, row);
  };
}

/** Wraps every template of a registry in its payload schema (a template without a schema fails at start). */
export function typedRegistry(templates: Readonly<Record<string, Template>>): Readonly<Record<string, Template>> {
  return Object.freeze(Object.fromEntries(Object.entries(templates).map(([kind, template]) => [kind, typed(kind, template)])));
}
