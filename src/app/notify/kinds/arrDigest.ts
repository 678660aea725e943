// The weekly overview for the ARR team: consented cases with deadlines in the week.
import { z } from "zod";
import { settlementOf } from "../../../domain/milestones/index.js";
import { milestoneTitleKey } from "../../../domain/milestones/index.js";
import { arrMayKnow } from "../../disclosure.js";
import { readCases } from "../../cases.js";
import { durationText, visibleMilestones } from "../../conversation/views.js";
import { settlementFactsOf } from "../../settlement.js";
import { defineNotification } from "../kind.js";
import { DAY_MS, dateText, id, isoDate, personById, text } from "./shared.js";

export const arrDigest = defineNotification({
  kind: "arr_digest",
  payload: z.looseObject({ workspaceId: id, weekStart: isoDate, caseIds: z.array(id) }),
  planned: "use case the Monday ARR digest job (src/app/reminders/digest.ts)",
  async render(env, payload) {
    const { weekStart, caseIds } = payload;
    const weekEnd = new Date(Date.parse(`${weekStart}T00:00:00Z`) + 6 * DAY_MS).toISOString().slice(0, 10);
    const { t } = env;
    const fields: Array<{ label: string; value: string }> = [];
    for (const caseId of caseIds) {
      const row = await env.ctx.db.sickCase.findUnique({ where: { id: caseId } });
      const employee = row ? await personById(env, row.personId) : null;
      if (!row || row.voidedAt || !employee || !(await arrMayKnow(env.ctx.db, employee))) continue;
      const synced = (await readCases(env.ctx.db, employee, env.today, env.ctx.clock())).find((c) => c.row.id === caseId);
      if (!synced) continue;
      const facts = (await settlementFactsOf(env.ctx.db, [caseId])).get(caseId)!;
      const items = visibleMilestones(synced.result).filter((m) => m.due !== null && m.due >= weekStart && m.due <= weekEnd && !settlementOf(m.id, facts));
      if (items.length === 0) continue;
      const r = synced.result;
      fields.push({
        label: employee.name,
        value: [
          t("reminders:digest.line", { start: dateText(env, r.start), duration: durationText(t, r), grade: r.gradeNow ?? r.gradeAtEnd }),
          ...items.map((m) => t("reminders:digest.milestone", { title: t(milestoneTitleKey(m.id)), date: dateText(env, m.due!) })),
        ].join("\n"),
      });
    }
    if (fields.length === 0) return null;
    const heading = t("reminders:digest.heading", { from: dateText(env, weekStart), to: dateText(env, weekEnd) });
    return { summary: heading, blocks: [text(heading, "heading"), text(t("reminders:digest.intro")), { kind: "fields", fields }] };
  },
});
