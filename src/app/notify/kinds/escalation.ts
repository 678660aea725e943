// An overdue milestone escalated to HR (or, with the employee's consent, to the ARR channel).
import { z } from "zod";
import type { Message } from "../../../domain/messages/model.js";
import { milestoneTitleKey, type MilestoneId } from "../../../domain/milestones/index.js";
import { daysBetween } from "../../../domain/time/localDate.js";
import { arrMayKnow } from "../../disclosure.js";
import { isHrAdmin } from "../../people.js";
import { defineNotification } from "../kind.js";
import { dateText, id, isoDate, personById, text } from "./shared.js";

export const escalation = defineNotification({
  kind: "escalation",
  payload: z.looseObject({ caseId: id, milestoneId: id, due: isoDate, employeeId: id, days: z.number(), workspaceId: id.optional() }),
  planned: "reminder-planner",
  async render(env, payload, recipient) {
    const { caseId, milestoneId, due } = payload;
    const sickCase = await env.ctx.db.sickCase.findUnique({ where: { id: caseId } });
    if (!sickCase || sickCase.voidedAt) return null;
    const employee = await personById(env, payload.employeeId);
    if (!employee) return null;
    // HR: only while they are HR. The ARR channel: only while the employee consents and her "who
    // may know" allows it (checked again at send time, whatever was planned: a withdrawal stops it at once).
    if (recipient ? !isHrAdmin(recipient) : !(await arrMayKnow(env.ctx.db, employee))) return null;
    const { t } = env;
    const title = t(milestoneTitleKey(milestoneId as MilestoneId));
    const heading = t("reminders:escalation.heading", { milestone: title, name: employee.name });
    const leader = employee.leaderId ? await personById(env, employee.leaderId) : null;
    const overdue = Math.max(1, daysBetween(due, env.today));
    const blocks: Message["blocks"] = [
      text(heading, "warning"),
      text([t("reminders:escalation.text", { count: overdue, date: dateText(env, due) }), leader ? t("reminders:escalation.leader", { leader: leader.name }) : t("reminders:escalation.noLeader")].join("\n")),
    ];
    if (recipient) {
      blocks.push({
        kind: "actions",
        buttons: [
          { label: t("reminders:escalation.buttons.plan", { name: employee.name }), command: { type: "plan", employeeId: employee.id } },
          { label: t("reminders:escalation.buttons.done"), command: { type: "milestone", caseId, milestoneId, action: "done" } },
        ],
      });
    } else {
      blocks.push(text(t("reminders:escalation.arr", { name: employee.name }), "muted"));
    }
    return { summary: heading, blocks };
  },
});
