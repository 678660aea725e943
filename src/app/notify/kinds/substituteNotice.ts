// The substitute is told whom they stand in for, and until when.
import { z } from "zod";
import { defineNotification } from "../kind.js";
import { dateText, id, text } from "./shared.js";

export const substituteNotice = defineNotification({
  kind: "substitute_notice",
  payload: z.looseObject({ substitutionId: id }),
  planned: "use case naming a substitute (src/app/reminders/substitutes.ts)",
  async render(env, payload, recipient) {
    if (!recipient) return null;
    const row = await env.ctx.db.leaderSubstitution.findUnique({ where: { id: payload.substitutionId }, include: { leader: true } });
    if (!row || row.endedAt || row.substituteId !== recipient.id) return null;
    const until = row.untilDate ? dateText(env, row.untilDate) : env.t("reminders:substitute.openEnd");
    const value = env.t("reminders:substitute.notice", { leader: row.leader.name, from: dateText(env, row.fromDate), until });
    return { summary: value, blocks: [text(value)] };
  },
});
