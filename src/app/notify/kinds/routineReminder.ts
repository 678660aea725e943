// Once a year: does her follow-up agreement (from the team's routine or her own) still fit?
import { z } from "zod";
import { agreementLines, parseAgreement } from "../../../domain/agreement/index.js";
import type { Message } from "../../../domain/messages/model.js";
import { routineOfTeam } from "../../routines.js";
import { defineNotification } from "../kind.js";
import { dateText, id, isoDate, text } from "./shared.js";

export const routineReminder = defineNotification({
  kind: "routine_reminder",
  payload: z.looseObject({ personId: id, since: isoDate }),
  planned: "reminder-planner",
  async render(env, payload, recipient) {
    if (!recipient || recipient.id !== payload.personId) return null;
    const { t } = env;
    const heading = t("routine:yearly.heading");
    const lines = agreementLines(t, recipient.name, parseAgreement(recipient.contactPreferences)).slice(1);
    const routine = await routineOfTeam(env.ctx.db, recipient);
    const blocks: Message["blocks"] = [text(heading, "heading"), text(t("routine:yearly.text", { date: dateText(env, payload.since) }))];
    if (lines.length > 0) blocks.push(text(lines.join("\n")));
    blocks.push({
      kind: "actions",
      buttons: [
        { label: t("routine:buttons.keep"), command: { type: "routine", action: "keep" }, style: "primary" },
        { label: t("routine:buttons.change"), command: { type: "dialogue.start", dialogueId: "contact_preferences" } },
        ...(routine ? [{ label: t("routine:buttons.showRoutine"), command: { type: "routine" as const, action: "show" as const } }] : []),
      ],
    });
    return { summary: heading, blocks };
  },
});
