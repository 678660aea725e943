// The leader is told of a sick-leave report (and the employee's follow-up agreement).
import { z } from "zod";
import { agreementLines, parseAgreement, teamMayKnow } from "../../../domain/agreement/index.js";
import { milestoneTitleKey } from "../../../domain/milestones/index.js";
import { currentCase, readCases } from "../../cases.js";
import { date, nextMilestone } from "../../conversation/views.js";
import { settlementFactsOfCase } from "../../settlement.js";
import { defineNotification } from "../kind.js";
import { id, personById } from "./shared.js";

export const reportNotice = defineNotification({
  kind: "report_notice",
  payload: z.looseObject({ employeeId: id, periodId: id }),
  planned: "use case completion of the sick-leave report (src/app/conversation/completion.ts)",
  async render(env, payload) {
    const employee = await personById(env, payload.employeeId);
    const period = await env.ctx.db.absencePeriod.findUnique({ where: { id: payload.periodId } });
    if (!employee || !period) return null;
    const current = currentCase(await readCases(env.ctx.db, employee, env.today, env.ctx.clock()));
    const next = current ? nextMilestone(current.result, await settlementFactsOfCase(env.ctx.db, current.row.id, employee.timeZone)) : undefined;
    const { t } = env;
    const text = t("bot:notice.report", { name: employee.name, start: date(env, period.startDate), grade: period.grade });
    const lines = [
      period.endDate ? t("bot:notice.expectedEnd", { date: date(env, period.endDate) }) : t("bot:notice.endUnknown"),
      next ? t("bot:notice.next", { milestone: t(milestoneTitleKey(next.id)), date: date(env, next.due) }) : "",
      t("bot:notice.noDiagnosis"),
    ].filter(Boolean);
    // The whole follow-up agreement she made before she was sick, her own task list included.
    const agreed = parseAgreement(employee.contactPreferences);
    const agreement = agreementLines(t, employee.name, agreed);
    // What the leader may tell the team, from the one rule of "who may know" (src/domain/agreement).
    if (agreed?.whoMayKnow) agreement.push(t(teamMayKnow(agreed) ? "routine:notice.teamMayBeTold" : "routine:notice.teamMayNotBeTold", { name: employee.name }));
    return {
      summary: text,
      blocks: [
        { kind: "text", text, style: "heading" },
        { kind: "text", text: lines.join("\n") },
        { kind: "text", text: agreement.join("\n") },
        { kind: "actions", buttons: [{ label: t("bot:buttons.planFor", { name: employee.name }), command: { type: "plan", employeeId: employee.id }, style: "primary" }, { label: t("bot:buttons.status"), command: { type: "status" } }] },
      ],
    };
  },
});
