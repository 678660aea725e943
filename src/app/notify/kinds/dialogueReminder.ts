// An unfinished dialogue: its owner is reminded to continue (the last reminder says when it expires).
import { z } from "zod";
import { getDialogue } from "../../../domain/dialogue/definitions/index.js";
import { progress } from "../../../domain/dialogue/navigation.js";
import type { SessionState } from "../../../domain/dialogue/state.js";
import type { ReminderSettings } from "../../../domain/reminders/index.js";
import { localDateOf } from "../../../domain/time/zone.js";
import { defineNotification } from "../kind.js";
import { dateText, id, personById, text } from "./shared.js";

/** For these settings (the last reminder's wording depends on dialogueMaxReminders). */
export const dialogueReminder = (settings: ReminderSettings) =>
  defineNotification({
    kind: "dialogue_reminder",
    payload: z.looseObject({ sessionId: id, n: z.number().int().min(1), dialogueId: z.string(), subjectId: id }),
    planned: "reminder-planner",
    async render(env, payload, recipient) {
      if (!recipient) return null;
      const session = await env.ctx.db.dialogueSession.findUnique({ where: { id: payload.sessionId } });
      if (!session || session.personId !== recipient.id) return null;
      const def = getDialogue(session.dialogueId);
      if (!def) return null;
      const { step, total } = progress(def, JSON.parse(session.state) as SessionState);
      const { t } = env;
      const title = t(def.titleKey);
      const lines = [t("reminders:dialogue.text", { step, total, title })];
      if (session.subjectId !== session.personId) {
        const subject = await personById(env, session.subjectId);
        if (subject) lines.push(t("reminders:dialogue.about", { name: subject.name }));
      }
      if (payload.n >= settings.dialogueMaxReminders) {
        lines.push(t("reminders:dialogue.last", { date: dateText(env, localDateOf(session.expiresAt, recipient.timeZone)) }));
      }
      const heading = t("reminders:dialogue.heading", { title });
      const employeeId = session.subjectId !== session.personId ? { employeeId: session.subjectId } : {};
      return {
        summary: heading,
        blocks: [
          text(heading, "heading"),
          text(lines.join("\n")),
          {
            kind: "actions",
            buttons: [
              { label: t("reminders:dialogue.buttons.continue"), command: { type: "dialogue.start", dialogueId: session.dialogueId, ...employeeId }, style: "primary" },
              { label: t("reminders:dialogue.buttons.cancel"), command: { type: "dialogue", sessionId: session.id, action: "cancel" } },
            ],
          },
        ],
      };
    },
  });
