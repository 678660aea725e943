// A plan that reached the doctor through NAV settles "send the plan to the doctor"
// (no.plan_to_sykmelder) for the plan's case, exactly as the leader's "done" would:
// the milestone is done and its pending nudges have nothing left to say.
import type { AppContext } from "../context.js";
import { audit } from "../audit.js";

export const PLAN_TO_DOCTOR_MILESTONE = "no.plan_to_sykmelder";

export async function settlePlanSentToDoctor(ctx: AppContext, planId: string, byId: string | undefined, now: Date): Promise<void> {
  const { db } = ctx;
  const plan = await db.plan.findUnique({ where: { id: planId } });
  if (!plan?.caseId) return;
  const where = { caseId_milestoneId: { caseId: plan.caseId, milestoneId: PLAN_TO_DOCTOR_MILESTONE } };
  const existing = await db.milestoneState.findUnique({ where });
  if (existing?.state === "done") return;
  await db.milestoneState.upsert({
    where,
    create: { caseId: plan.caseId, milestoneId: PLAN_TO_DOCTOR_MILESTONE, state: "done", reason: "nav_lps", setById: byId ?? null },
    update: { state: "done", snoozedUntil: null, reason: "nav_lps", setById: byId ?? null, setAt: now },
  });
  await db.outbox.updateMany({ where: { caseId: plan.caseId, milestoneId: PLAN_TO_DOCTOR_MILESTONE, status: "pending" }, data: { status: "cancelled" } });
  await audit(db, { actor: { ...(byId ? { personId: byId } : {}), label: "system" }, subjectId: plan.employeeId, action: "change", entity: "milestone", entityId: plan.caseId, detail: { milestoneId: PLAN_TO_DOCTOR_MILESTONE, state: "done", via: "nav_lps" } });
}
