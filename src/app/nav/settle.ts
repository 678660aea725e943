// A plan that reached the doctor through NAV settles "send the plan to the doctor"
// (no.plan_to_sykmelder): recorded as a case fact (plan_sent_to_doctor), which that
// milestone's rule names in `settledBy`, so the planner drops its pending nudges on the
// re-plan the caller asks for — the same path as every other settlement.
import type { AppContext } from "../context.js";
import { audit } from "../audit.js";
import { recordCaseFact } from "../settlement.js";
import { localDateOf } from "../../domain/time/zone.js";

export async function settlePlanSentToDoctor(ctx: AppContext, planId: string, byId: string | undefined, now: Date): Promise<void> {
  const { db } = ctx;
  const plan = await db.plan.findUnique({ where: { id: planId } });
  if (!plan?.caseId) return;
  const employee = await db.person.findUnique({ where: { id: plan.employeeId }, select: { timeZone: true } });
  const recorded = await recordCaseFact(db, { caseId: plan.caseId, kind: "plan_sent_to_doctor", on: localDateOf(now, employee?.timeZone ?? ctx.config.TZ_DEFAULT), source: "nav_lps", recordedById: byId ?? null });
  if (!recorded) return;
  await audit(db, { actor: { ...(byId ? { personId: byId } : {}), label: "system" }, subjectId: plan.employeeId, action: "change", entity: "case_fact", entityId: plan.caseId, detail: { kind: "plan_sent_to_doctor", via: "nav_lps" } });
}
