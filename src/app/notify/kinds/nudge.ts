// A milestone's reminder to the leader (or whoever covers for them). Whether the row is still
// wanted — the milestone not settled, the case not ended, no newer reminder of its series due —
// is the pure planner's answer (ReminderPlanner.stillWanted), asked before rendering.
import { z } from "zod";
import type { Button, Message } from "../../../domain/messages/model.js";
import { isPlanDecisionMilestone, isPlanMilestone, milestoneTitleKey, milestoneWhatKey, type MilestoneId } from "../../../domain/milestones/index.js";
import { defineNotification } from "../kind.js";
import { earlyEffortOf, type FastTrackStatus } from "../../../domain/earlyEffort/index.js";
import { dueLine, id, isoDate, personById, text } from "./shared.js";

export const nudge = defineNotification({
  kind: "nudge",
  payload: z.looseObject({ caseId: id, milestoneId: id, due: isoDate, offset: z.union([z.number(), z.string()]), employeeId: id }),
  planned: "reminder-planner",
  async render(env, payload, recipient) {
    if (!recipient) return null;
    const { caseId, milestoneId, due } = payload;
    const sickCase = await env.ctx.db.sickCase.findUnique({ where: { id: caseId }, include: { person: true } });
    if (!sickCase || sickCase.voidedAt) return null;
    const isSnoozeNudge = String(payload.offset).startsWith("snooze-");
    const employee = sickCase.person;

    const { t } = env;
    const title = t(milestoneTitleKey(milestoneId as MilestoneId));
    const heading = t("reminders:nudge.heading", { milestone: title, name: employee.name });
    const lines = [dueLine(env, due), t(milestoneWhatKey(milestoneId as MilestoneId))];
    if (isSnoozeNudge) lines.unshift(t("reminders:nudge.snoozed"));
    // The case became known after the deadline (src/domain/milestones/knownLate.ts).
    if (payload.offset === "known") lines.unshift(t("reminders:nudge.knownLate"));
    const blocks: Message["blocks"] = [text(heading, "heading"), text(lines.join("\n"))];
    if (employee.leaderId && employee.leaderId !== recipient.id) {
      const leader = await personById(env, employee.leaderId);
      if (leader) blocks.push(text(t("reminders:nudge.covering", { leader: leader.name }), "muted"));
    } else if (!employee.leaderId) {
      blocks.push(text(t("reminders:nudge.noLeader", { name: employee.name }), "muted"));
    }
    const milestone = (action: "done" | "snooze", snoozeDays?: number) => ({ type: "milestone" as const, caseId, milestoneId, action, ...(snoozeDays ? { snoozeDays } : {}) });
    const buttons: Button[] = [{ label: t("reminders:nudge.buttons.done"), command: milestone("done"), style: "primary" }];
    if (isPlanMilestone(milestoneId)) {
      buttons.push({ label: t("reminders:nudge.buttons.plan"), command: { type: "plan", employeeId: employee.id } });
    }
    buttons.push({ label: t("reminders:nudge.buttons.tomorrow"), command: milestone("snooze", 1) }, { label: t("reminders:nudge.buttons.later"), command: milestone("snooze", 3) });
    if (isPlanDecisionMilestone(milestoneId)) {
      buttons.push({ label: t("reminders:nudge.buttons.notNeeded"), command: { type: "milestone", caseId, milestoneId, action: "open_not_needed" } });
    }
    // Denmark's fast track: the request's state, and the step that is the leader's (rules/dk.ts earlyEffort).
    if (earlyEffortOf(sickCase.jurisdiction)?.milestone === milestoneId) {
      const request = await env.ctx.db.fastTrackRequest.findUnique({ where: { caseId } });
      blocks.push(text(request ? t(`early:status.${request.status as FastTrackStatus}`, { name: employee.name }) : t("early:nudge.none", { name: employee.name }), "muted"));
      if (request?.status === "agreed") buttons.unshift({ label: t("early:buttons.submitted"), command: { type: "fastTrack", action: "submitted", employeeId: employee.id }, style: "primary" });
      else if (!request) buttons.push({ label: t("early:buttons.offer", { name: employee.name }), command: { type: "fastTrack", action: "offer", employeeId: employee.id } });
    }
    blocks.push({ kind: "actions", buttons });
    return { summary: heading, blocks };
  },
});
