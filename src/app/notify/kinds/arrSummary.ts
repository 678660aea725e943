// The ARR channel's summary of a confirmed plan (only with the employee's consent).
import { z } from "zod";
import { milestoneTitleKey } from "../../../domain/milestones/index.js";
import { buildArrSummary } from "../../../domain/plan/arrSummary.js";
import { parsePlanContent } from "../../../domain/plan/model.js";
import { currentCase, readCases } from "../../cases.js";
import { arrMayKnow } from "../../disclosure.js";
import { nextMilestone } from "../../conversation/views.js";
import { todayFor } from "../../people.js";
import { settlementFactsOfCase } from "../../settlement.js";
import { defineNotification } from "../kind.js";
import { id, personById } from "./shared.js";

export const arrSummary = defineNotification({
  kind: "arr_summary",
  payload: z.looseObject({ workspaceId: id, planId: id, caseId: id }),
  planned: ["reminder-planner", "use case the employee's plan review (src/app/conversation/actions.ts)"],
  async render(env, payload) {
    const plan = await env.ctx.db.plan.findUnique({ where: { id: payload.planId } });
    const employee = plan ? await personById(env, plan.employeeId) : null;
    if (!plan || !employee || !plan.caseId) return null;
    // Consent and "who may know" are checked again at send time: a withdrawal in between stops the post.
    if (!(await arrMayKnow(env.ctx.db, employee))) return null;
    const confirmed = await env.ctx.db.planVersion.findFirst({ where: { planId: plan.id, reviewStatus: "confirmed" }, orderBy: { version: "desc" } });
    if (!confirmed) return null;
    const content = parsePlanContent(JSON.parse(confirmed.content));
    if (!content.arrConsent) return null;
    const current = currentCase(await readCases(env.ctx.db, employee, todayFor(employee, env.ctx.clock()), env.ctx.clock()));
    const theCase = current && current.row.id === plan.caseId ? current : undefined;
    const sickCase = await env.ctx.db.sickCase.findUnique({ where: { id: plan.caseId } });
    if (!sickCase) return null;
    const next = theCase ? nextMilestone(theCase.result, await settlementFactsOfCase(env.ctx.db, theCase.row.id, employee.timeZone)) : undefined;
    return buildArrSummary({
      caseKey: plan.caseId,
      employeeName: employee.name,
      caseStart: sickCase.startDate,
      weeks: theCase?.result.weeks ?? Math.floor(sickCase.sickDays / 7),
      grade: theCase?.result.gradeNow ?? theCase?.result.gradeAtEnd ?? 100,
      ...(next ? { nextMilestone: { id: next.id, titleKey: milestoneTitleKey(next.id), due: next.due } } : {}),
      content,
      version: confirmed.version,
      locale: env.locale,
      t: env.t,
    });
  },
});
