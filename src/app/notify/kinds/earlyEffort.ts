// Denmark's early effort (src/app/conversation/earlyEffort.ts): the leader's planned
// reminder to screen (at the report and in week 2; the pure planner decides whether it is
// still wanted), the employee asked whether she agrees to a fast-track request, and the
// leader told what she answered.
import { z } from "zod";
import type { Button } from "../../../domain/messages/model.js";
import { earlyEffortOf } from "../../../domain/earlyEffort/index.js";
import { currentCase, readCases } from "../../cases.js";
import { defineNotification } from "../kind.js";
import type { TemplateEnv } from "../templates.js";
import { dateText, id, isoDate, personById, text } from "./shared.js";

/** The request's deadline (the milestone's due date) in the case, read afresh at send time. */
async function deadlineOf(env: TemplateEnv, caseId: string): Promise<{ employeeId: string; due: string | null; source: string } | null> {
  const sickCase = await env.ctx.db.sickCase.findUnique({ where: { id: caseId }, include: { person: true } });
  if (!sickCase || sickCase.voidedAt) return null;
  const rule = earlyEffortOf(sickCase.jurisdiction);
  if (!rule) return null;
  const current = currentCase(await readCases(env.ctx.db, sickCase.person, env.today, env.ctx.clock()));
  const m = current?.row.id === caseId ? current.result.milestones.find((x) => x.id === rule.milestone) : undefined;
  return { employeeId: sickCase.personId, due: m?.due ?? null, source: rule.source };
}

export const earlyScreening = defineNotification({
  kind: "early_screening",
  payload: z.looseObject({ caseId: id, round: z.enum(["report", "week2"]), employeeId: id, due: isoDate }),
  planned: "reminder-planner",
  async render(env, payload, recipient) {
    if (!recipient) return null;
    const employee = await personById(env, payload.employeeId);
    if (!employee) return null;
    const { t } = env;
    const heading = t("early:reminder.heading", { name: employee.name });
    return {
      summary: heading,
      blocks: [
        text(heading, "heading"),
        text([t(`early:reminder.text.${payload.round}`, { name: employee.name }), t("early:reminder.due", { date: dateText(env, payload.due) })].join("\n")),
        text(t("early:reminder.noDiagnosis"), "muted"),
        { kind: "actions", buttons: [{ label: t("early:buttons.screen"), command: { type: "dialogue.start", dialogueId: "dk_screening", employeeId: employee.id }, style: "primary" }] },
      ],
    };
  },
});

export const fastTrackAsk = defineNotification({
  kind: "fast_track_ask",
  payload: z.looseObject({ caseId: id, leaderId: id }),
  planned: "use case the leader offers the fast track (src/app/conversation/earlyEffort.ts)",
  async render(env, payload, recipient) {
    if (!recipient) return null;
    const request = await env.ctx.db.fastTrackRequest.findUnique({ where: { caseId: payload.caseId } });
    // Answered already (in another channel, or she asked herself): nothing to ask.
    if (request?.status !== "awaiting_employee") return null;
    const deadline = await deadlineOf(env, payload.caseId);
    if (!deadline || deadline.employeeId !== recipient.id) return null;
    const leader = await personById(env, payload.leaderId);
    const { t } = env;
    const heading = t("early:ask.heading", { leader: leader?.name ?? "–" });
    const buttons: Button[] = [
      { label: t("early:buttons.agree"), command: { type: "fastTrack", action: "agree" }, style: "primary" },
      { label: t("early:buttons.decline"), command: { type: "fastTrack", action: "decline" } },
    ];
    return {
      summary: heading,
      blocks: [text(heading, "heading"), text(t("early:explain.employee", { date: deadline.due ? dateText(env, deadline.due) : "–", source: deadline.source })), text(t("early:ask.voluntary"), "muted"), { kind: "actions", buttons }],
    };
  },
});

export const fastTrackUpdate = defineNotification({
  kind: "fast_track_update",
  payload: z.looseObject({ caseId: id, event: z.enum(["agreed", "declined", "asked"]) }),
  planned: "use case the employee answers the fast track (src/app/conversation/earlyEffort.ts)",
  async render(env, payload, recipient) {
    if (!recipient) return null;
    const deadline = await deadlineOf(env, payload.caseId);
    if (!deadline) return null;
    const employee = await personById(env, deadline.employeeId);
    if (!employee) return null;
    const { t } = env;
    const heading = t(`early:update.${payload.event}`, { name: employee.name });
    const blocks = [text(heading, "heading")];
    const request = await env.ctx.db.fastTrackRequest.findUnique({ where: { caseId: payload.caseId } });
    if (payload.event !== "declined" && request?.status === "agreed") {
      blocks.push(text(t("early:update.send", { date: deadline.due ? dateText(env, deadline.due) : "–", name: employee.name })));
      blocks.push({ kind: "actions", buttons: [{ label: t("early:buttons.submitted"), command: { type: "fastTrack", action: "submitted", employeeId: employee.id }, style: "primary" }] });
    }
    return { summary: heading, blocks };
  },
});
