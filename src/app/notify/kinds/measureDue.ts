// An agreed measure is due: its owner (the employee or the leader) is reminded.
import { z } from "zod";
import { defineNotification } from "../kind.js";
import { dateText, id, isoDate, personById, text } from "./shared.js";

export const measureDue = defineNotification({
  kind: "measure_due",
  payload: z.looseObject({ measureId: id, due: isoDate, employeeId: id }),
  planned: "reminder-planner",
  async render(env, payload, recipient) {
    if (!recipient) return null;
    const measure = await env.ctx.db.measure.findUnique({ where: { id: payload.measureId }, include: { plan: true } });
    if (!measure) return null;
    const employee = await personById(env, measure.plan.employeeId);
    if (!employee) return null;
    const { t } = env;
    const heading = t("reminders:measure.heading", { title: measure.title });
    const body = recipient.id === employee.id ? t("reminders:measure.textOwn", { title: measure.title, date: dateText(env, payload.due) }) : t("reminders:measure.textOther", { title: measure.title, name: employee.name, date: dateText(env, payload.due) });
    const act = (action: "done" | "postpone" | "not_relevant") => ({ type: "measure" as const, measureId: measure.id, action, ...(action === "postpone" ? { postponeDays: 7 } : {}) });
    return {
      summary: heading,
      blocks: [
        text(heading, "heading"),
        text(body),
        {
          kind: "actions",
          buttons: [
            { label: t("reminders:measure.buttons.done"), command: act("done"), style: "primary" },
            { label: t("reminders:measure.buttons.postpone"), command: act("postpone") },
            { label: t("reminders:measure.buttons.notRelevant"), command: act("not_relevant") },
          ],
        },
      ],
    };
  },
});
