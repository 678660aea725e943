// HR is told who was named substitute for a leader.
import { z } from "zod";
import { date } from "../../conversation/views.js";
import { defineNotification } from "../kind.js";
import { id } from "./shared.js";

export const substituteHrNotice = defineNotification({
  kind: "substitute_hr_notice",
  payload: z.looseObject({ substitutionId: id }),
  planned: "use case naming a substitute (src/app/reminders/substitutes.ts)",
  async render(env, payload) {
    const row = await env.ctx.db.leaderSubstitution.findUnique({ where: { id: payload.substitutionId }, include: { leader: true, substitute: true } });
    if (!row || row.endedAt) return null; // ended before HR heard of it: nothing to say
    const until = row.untilDate ? date(env, row.untilDate) : env.t("reminders:substitute.openEnd");
    const text = env.t("reminders:substitute.hrNotice", { leader: row.leader.name, substitute: `${row.substitute.name} (${row.substitute.email})`, from: date(env, row.fromDate), until });
    return { summary: text, blocks: [{ kind: "text", text }] };
  },
});
